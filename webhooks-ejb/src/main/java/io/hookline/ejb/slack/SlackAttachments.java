package io.hookline.ejb.slack;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.SafeUrls;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Normalises Slack "secondary attachments" into the shape Mattermost stores in a post's {@code props.attachments},
 * so that clients written against the Mattermost API read them exactly as they would read Mattermost's own.
 *
 * <p>What Mattermost does (mattermost/mattermost {@code server/public/model/slack_attachment.go}, renamed
 * {@code message_attachment.go} in recent versions; {@code server/channels/app/slack.go},
 * {@code server/channels/app/webhook.go}, {@code server/public/model/post.go}):
 * <ul>
 *   <li>Incoming attachments are decoded into the {@code SlackAttachment} struct, so unknown keys (including
 *       Slack's {@code mrkdwn_in} and {@code callback_id}) vanish, and the struct is written back with
 *       <em>every</em> key: {@code id} (always 0), the string keys as {@code ""} when absent, {@code fields} as
 *       {@code null} when there are none ({@code StringifySlackFieldValue} rebuilds the slice, so {@code []} and
 *       all-null lists also become {@code null}), {@code ts} as {@code null} when absent, and {@code actions} only
 *       when non-empty ({@code omitempty}).</li>
 *   <li>{@code color} is stored as given; {@code IsValid} (which only logs) accepts {@code good}, {@code warning},
 *       {@code danger} or {@code #RRGGBB}; the clients map the three words to their own colours (mobile:
 *       good {@code #00c100}, warning {@code #dede01}, danger the theme's error colour).</li>
 *   <li>URLs are checked by {@code IsValidHTTPURL}: {@code http://} or {@code https://} with a host.</li>
 *   <li>{@code ts} is {@code any}: a JSON number or a string, kept as sent ("either a string, int64, or
 *       float64").</li>
 *   <li>A field {@code value} that is not a string is turned into its text ({@code fmt.Sprintf("%v")});
 *       {@code short} is a {@code SlackCompatibleBool}: {@code true}/{@code false} or the strings
 *       {@code "true"}/{@code "false"} (case-insensitive); anything else fails the whole request.</li>
 *   <li>Slack markup is processed in {@code pretext}, {@code text}, {@code title} and field values (announcements,
 *       user IDs, {@code <url|label>}).</li>
 *   <li>There is no per-attachment text limit. The only cut is in {@code SplitWebhookPost}: when a single
 *       attachment alone makes the props JSON exceed {@code PostPropsMaxUserRunes}
 *       (= {@code PostPropsMaxRunes} 800,000 &minus; 40,000 = 760,000 runes), its {@code text} is shortened by
 *       exactly the overflow, rune-wise and without an ellipsis (or the request fails with
 *       {@code web.incoming_webhook.split_props_length.app_error} if the text is too short to absorb it). So a
 *       stored attachment text never exceeds 760,000 runes; {@link #MAX_ATTACHMENT_TEXT_RUNES} applies that
 *       bound here, and the exact, overflow-dependent cut stays with the props cap enforced by HookPoster
 *       (cutting a prefix twice gives the same result as cutting once).</li>
 *   <li>When posts are sent to clients, {@code StripActionIntegrations} removes {@code actions[].integration}.</li>
 * </ul>
 *
 * <p>Rules implemented here (decisions where Mattermost is silent or too lax):
 * <ul>
 *   <li>Text fields ({@code fallback}, {@code pretext}, {@code author_name}, {@code title}, {@code text},
 *       {@code footer}, field {@code title} and {@code value}) go through {@link SlackTranslator} with the same
 *       rules as the message text. {@code null} and {@code ""} mean absent. A number or boolean is taken as its
 *       text; an object or array is a 400 {@code invalid_payload} naming the path.</li>
 *   <li>{@code color}: {@code good}/{@code warning}/{@code danger} (any case; stored lower-case, as words, like
 *       Mattermost), {@code #RGB} or {@code #RRGGBB} kept, a bare {@code RRGGBB} gets its {@code #}. Anything else
 *       (e.g. {@code javascript:}, {@code red;background:url(x)}) is dropped, never stored.</li>
 *   <li>URLs ({@code author_link}, {@code author_icon}, {@code title_link}, {@code image_url}, {@code thumb_url},
 *       {@code footer_icon}): surrounding whitespace trimmed; kept only when the scheme is http or https
 *       (stored lower-case) with a non-empty host, no control characters, and at most {@link SafeUrls#MAX_LENGTH}
 *       characters; inner spaces are percent-encoded. Anything else is dropped (stored as {@code ""}).</li>
 *   <li>{@code fields}: an array of objects ({@code null} element, or a non-array, is a 400). Every field is
 *       written as {@code title} (string), {@code value} (string, or {@code null} when absent or {@code ""}) and
 *       {@code short} (boolean; {@code "true"}/{@code "false"} strings accepted; {@code null} is false; anything
 *       else is a 400).</li>
 *   <li>{@code ts}: a JSON number is kept as a number (integral values as integers); a numeric string is kept as
 *       that string; a boolean or non-numeric string is dropped; an object or array is a 400.</li>
 *   <li>{@code text} longer than {@link #MAX_ATTACHMENT_TEXT_RUNES} code points is cut to that many, after
 *       translation and after any Block Kit markdown was appended.</li>
 *   <li>{@code actions}: kept as given but never executed; {@code null} elements and {@code null} members are
 *       removed (the Mattermost mobile client rejects them); members Mattermost's {@code PostAction} types must
 *       have the right JSON type, else 400; a Slack link button's {@code url} follows the URL rule above (dropped
 *       when not http(s)). {@code integration} is validated and dropped (Mattermost strips it only when
 *       serving posts; Hookline never calls it, so it is never stored).</li>
 *   <li>{@code callback_id} kept as given (a string; Mattermost drops it); {@code blocks} kept as given, and if a
 *       {@code blocksToMarkdown} hook is supplied its non-blank result is appended to {@code text}.
 *       {@code mrkdwn_in} is accepted and not stored (Mattermost has no such key and always renders markdown);
 *       any other key is dropped.</li>
 * </ul>
 *
 * <p>The class is stateless and thread-safe; it uses only the Jakarta JSON Processing API.
 */
public final class SlackAttachments {

    /**
     * The longest attachment {@code text} kept, in Unicode code points (Go runes). Mattermost's bound: an attachment
     * whose text alone overflows {@code model.PostPropsMaxUserRunes} (760,000) has its text cut, rune-wise and
     * without an ellipsis; see the class comment.
     */
    public static final int MAX_ATTACHMENT_TEXT_RUNES = 760_000;

    private static final String INVALID_PAYLOAD = "invalid_payload";

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());

    private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern BARE_HEX_COLOR = Pattern.compile("[0-9a-fA-F]{6}");
    private static final Set<String> NAMED_COLORS = Set.of("good", "warning", "danger");
    private static final Pattern NUMERIC_TS = Pattern.compile("-?[0-9]{1,19}(?:\\.[0-9]{1,19})?");

    /** PostAction members that Mattermost decodes as strings. */
    private static final Set<String> ACTION_STRING_MEMBERS =
            Set.of("id", "type", "name", "style", "data_source", "default_option", "cookie");

    private SlackAttachments() {}

    /**
     * Normalises Slack attachments into Mattermost's stored attachment shape.
     *
     * @param attachments      the payload's {@code attachments}; null or empty gives an empty array
     * @param mentions         resolves {@code <@U..>} / {@code <#C..>}; null means {@link Mentions#NONE}
     * @param blocksToMarkdown hook point for the Block Kit translator: given an attachment's non-empty
     *                         {@code blocks}, returns markdown to append to that attachment's {@code text}
     *                         (null or blank appends nothing); null means no translation
     * @return a new array, one normalised object per attachment ({@code null} elements are skipped)
     * @throws HooklineException 400 {@code invalid_payload} naming the offending path
     */
    public static JsonArray normalize(
            JsonArray attachments, Mentions mentions, Function<JsonArray, String> blocksToMarkdown) {
        if (attachments == null || attachments.isEmpty()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        Mentions resolver = mentions == null ? Mentions.NONE : mentions;
        JsonArrayBuilder out = BUILDERS.createArrayBuilder();
        for (int i = 0; i < attachments.size(); i++) {
            JsonValue value = attachments.get(i);
            String path = "attachments[" + i + "]";
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue; // Mattermost skips nil attachments
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(path + " must be an object");
            }
            out.add(attachment(value.asJsonObject(), path, resolver, blocksToMarkdown));
        }
        return out.build();
    }

    private static JsonObject attachment(
            JsonObject in, String path, Mentions mentions, Function<JsonArray, String> blocksToMarkdown) {
        String text = markdown(in, "text", path, mentions);
        JsonArray blocks = optionalArray(in, "blocks", path);
        if (blocks != null && blocksToMarkdown != null) {
            String blockMarkdown = blocksToMarkdown.apply(blocks);
            if (blockMarkdown != null && !blockMarkdown.isBlank()) {
                text = text.isEmpty() ? blockMarkdown : text + "\n\n" + blockMarkdown;
            }
        }
        text = truncateRunes(text, MAX_ATTACHMENT_TEXT_RUNES);

        JsonObjectBuilder out = BUILDERS.createObjectBuilder()
                .add("id", 0)
                .add("fallback", markdown(in, "fallback", path, mentions))
                .add("color", color(in, path))
                .add("pretext", markdown(in, "pretext", path, mentions))
                .add("author_name", markdown(in, "author_name", path, mentions))
                .add("author_link", url(in, "author_link", path))
                .add("author_icon", url(in, "author_icon", path))
                .add("title", markdown(in, "title", path, mentions))
                .add("title_link", url(in, "title_link", path))
                .add("text", text)
                .add("fields", fields(in, path, mentions))
                .add("image_url", url(in, "image_url", path))
                .add("thumb_url", url(in, "thumb_url", path))
                .add("footer", markdown(in, "footer", path, mentions))
                .add("footer_icon", url(in, "footer_icon", path))
                .add("ts", timestamp(in, path));
        JsonArray actions = actions(in, path);
        if (actions != null) {
            out.add("actions", actions);
        }
        String callbackId = string(in, "callback_id", path);
        if (callbackId != null) {
            out.add("callback_id", callbackId);
        }
        if (blocks != null) {
            out.add("blocks", blocks);
        }
        return out.build();
    }

    // ---------------------------------------------------------------------------------------------- text fields

    /**
     * A string member as text: absent, {@code null} and {@code ""} give null; numbers and booleans give their text;
     * objects and arrays are a 400.
     */
    private static String string(JsonObject in, String key, String path) {
        JsonValue value = in.get(key);
        if (value == null) {
            return null;
        }
        switch (value.getValueType()) {
            case NULL:
                return null;
            case STRING:
                String s = ((JsonString) value).getString();
                return s.isEmpty() ? null : s;
            case NUMBER:
                return numberText((JsonNumber) value);
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            default:
                throw invalid(path + "." + key + " must be a string");
        }
    }

    /** A text member translated from Slack markup; {@code ""} when absent. */
    private static String markdown(JsonObject in, String key, String path, Mentions mentions) {
        String s = string(in, key, path);
        return s == null ? "" : SlackTranslator.toMarkdown(s, mentions);
    }

    /**
     * The text of a JSON number, as Go's {@code %v} would mostly give it: no exponent and no trailing zeros for
     * ordinary magnitudes; scientific notation for absurd ones, so a hostile {@code 1e999999999} stays short.
     */
    private static String numberText(JsonNumber number) {
        BigDecimal n = number.bigDecimalValue();
        if (n.signum() == 0) {
            return "0";
        }
        long integerDigits = (long) n.precision() - n.scale();
        BigDecimal stripped = n.stripTrailingZeros();
        if (integerDigits > 40 || integerDigits < -20) {
            return stripped.toString();
        }
        return stripped.toPlainString();
    }

    /** Cuts {@code s} to at most {@code max} code points, never splitting a surrogate pair. */
    static String truncateRunes(String s, int max) {
        if (s.length() <= max || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    // ---------------------------------------------------------------------------------------------------- color

    private static String color(JsonObject in, String path) {
        String raw = string(in, "color", path);
        if (raw == null) {
            return "";
        }
        String c = raw.strip();
        String lower = c.toLowerCase(Locale.ROOT);
        if (NAMED_COLORS.contains(lower)) {
            return lower;
        }
        if (HEX_COLOR.matcher(c).matches()) {
            return c;
        }
        if (BARE_HEX_COLOR.matcher(c).matches()) {
            return "#" + c;
        }
        return "";
    }

    // ----------------------------------------------------------------------------------------------------- urls

    private static String url(JsonObject in, String key, String path) {
        String raw = string(in, key, path);
        return raw == null ? "" : orEmpty(SafeUrls.httpUrl(raw));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // --------------------------------------------------------------------------------------------------- fields

    private static JsonValue fields(JsonObject in, String path, Mentions mentions) {
        JsonValue value = in.get("fields");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(path + ".fields must be an array of objects");
        }
        JsonArray fields = value.asJsonArray();
        if (fields.isEmpty()) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder out = BUILDERS.createArrayBuilder();
        for (int j = 0; j < fields.size(); j++) {
            JsonValue field = fields.get(j);
            String fieldPath = path + ".fields[" + j + "]";
            if (field == null || field.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(fieldPath + " must be an object");
            }
            JsonObject f = field.asJsonObject();
            String fieldValue = string(f, "value", fieldPath);
            out.add(BUILDERS.createObjectBuilder()
                    .add("title", markdown(f, "title", fieldPath, mentions))
                    .add(
                            "value",
                            fieldValue == null
                                    ? JsonValue.NULL
                                    : JSON.createValue(SlackTranslator.toMarkdown(fieldValue, mentions)))
                    .add("short", bool(f, "short", fieldPath)));
        }
        return out.build();
    }

    /** Mattermost's SlackCompatibleBool, with {@code null} meaning false. */
    private static boolean bool(JsonObject in, String key, String path) {
        JsonValue value = in.get(key);
        if (value == null) {
            return false;
        }
        switch (value.getValueType()) {
            case NULL:
            case FALSE:
                return false;
            case TRUE:
                return true;
            case STRING:
                String s = ((JsonString) value).getString().strip();
                if (s.equalsIgnoreCase("true")) {
                    return true;
                }
                if (s.equalsIgnoreCase("false")) {
                    return false;
                }
                throw invalid(path + "." + key + " must be a boolean");
            default:
                throw invalid(path + "." + key + " must be a boolean");
        }
    }

    // ------------------------------------------------------------------------------------------------------- ts

    private static JsonValue timestamp(JsonObject in, String path) {
        JsonValue value = in.get("ts");
        if (value == null) {
            return JsonValue.NULL;
        }
        switch (value.getValueType()) {
            case NUMBER:
                return numericTimestamp((JsonNumber) value);
            case STRING:
                String s = ((JsonString) value).getString().strip();
                return NUMERIC_TS.matcher(s).matches() ? JSON.createValue(s) : JsonValue.NULL;
            case OBJECT:
            case ARRAY:
                throw invalid(path + ".ts must be a number or a numeric string");
            default: // null, or a boolean: nothing usable, dropped
                return JsonValue.NULL;
        }
    }

    /** Integral values that fit a long are written as integers (1.7e9 becomes 1700000000); others as sent. */
    private static JsonValue numericTimestamp(JsonNumber number) {
        BigDecimal n = number.bigDecimalValue();
        if (n.signum() == 0) {
            return JSON.createValue(0L);
        }
        long integerDigits = (long) n.precision() - n.scale();
        if (integerDigits > 0 && integerDigits <= 19) {
            BigDecimal stripped = n.stripTrailingZeros();
            if (stripped.scale() <= 0) {
                try {
                    return JSON.createValue(stripped.longValueExact());
                } catch (ArithmeticException tooBig) {
                    return number;
                }
            }
        }
        return number;
    }

    // -------------------------------------------------------------------------------------------------- actions

    private static JsonArray actions(JsonObject in, String path) {
        JsonValue value = in.get("actions");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(path + ".actions must be an array of objects");
        }
        JsonArrayBuilder out = BUILDERS.createArrayBuilder();
        boolean any = false;
        JsonArray actions = value.asJsonArray();
        for (int k = 0; k < actions.size(); k++) {
            JsonValue action = actions.get(k);
            String actionPath = path + ".actions[" + k + "]";
            if (action == null || action.getValueType() == JsonValue.ValueType.NULL) {
                continue; // Mattermost ignores nil actions
            }
            if (action.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(actionPath + " must be an object");
            }
            out.add(action(action.asJsonObject(), actionPath));
            any = true;
        }
        return any ? out.build() : null;
    }

    private static JsonObject action(JsonObject in, String path) {
        JsonObjectBuilder out = BUILDERS.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : in.entrySet()) {
            String key = member.getKey();
            JsonValue value = member.getValue();
            JsonValue.ValueType type = value.getValueType();
            if (type == JsonValue.ValueType.NULL) {
                continue;
            }
            if (ACTION_STRING_MEMBERS.contains(key) && type != JsonValue.ValueType.STRING) {
                throw invalid(path + "." + key + " must be a string");
            }
            switch (key) {
                case "disabled":
                    if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
                        throw invalid(path + ".disabled must be a boolean");
                    }
                    break;
                case "integration":
                    if (type != JsonValue.ValueType.OBJECT) {
                        throw invalid(path + ".integration must be an object");
                    }
                    // Hookline never calls integrations, and their URL and context are the sender's secrets,
                    // which every reader of the post would otherwise see: never stored.
                    continue;
                case "options":
                    value = actionOptions(value, path + ".options");
                    break;
                case "url":
                    // A Slack link button. Mattermost ignores it, but whatever renders it must not get a script URL.
                    String url = type == JsonValue.ValueType.STRING
                            ? orEmpty(SafeUrls.httpUrl(((JsonString) value).getString()))
                            : "";
                    if (url.isEmpty()) {
                        continue;
                    }
                    value = JSON.createValue(url);
                    break;
                default:
                    break;
            }
            out.add(key, value);
        }
        return out.build();
    }

    private static JsonArray actionOptions(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(path + " must be an array of objects");
        }
        JsonArrayBuilder out = BUILDERS.createArrayBuilder();
        JsonArray options = value.asJsonArray();
        for (int n = 0; n < options.size(); n++) {
            JsonValue option = options.get(n);
            String optionPath = path + "[" + n + "]";
            if (option == null || option.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(optionPath + " must be an object");
            }
            JsonObjectBuilder o = BUILDERS.createObjectBuilder();
            for (Map.Entry<String, JsonValue> member : option.asJsonObject().entrySet()) {
                JsonValue.ValueType type = member.getValue().getValueType();
                if (type == JsonValue.ValueType.NULL) {
                    continue;
                }
                if ((member.getKey().equals("text") || member.getKey().equals("value"))
                        && type != JsonValue.ValueType.STRING) {
                    throw invalid(optionPath + "." + member.getKey() + " must be a string");
                }
                o.add(member.getKey(), member.getValue());
            }
            out.add(o);
        }
        return out.build();
    }

    // --------------------------------------------------------------------------------------------------- blocks

    private static JsonArray optionalArray(JsonObject in, String key, String path) {
        JsonValue value = in.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(path + "." + key + " must be an array");
        }
        JsonArray array = value.asJsonArray();
        return array.isEmpty() ? null : array;
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest(INVALID_PAYLOAD, message);
    }
}
