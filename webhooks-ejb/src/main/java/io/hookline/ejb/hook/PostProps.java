package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.settings.Settings;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The props of a hook post, as Mattermost sets them: the integration's own props minus the keys
 * only the server may set, then {@code from_webhook}, {@code webhook_display_name} and the
 * overrides the System Console allows. Pure rules, unit-tested without a container.
 */
final class PostProps {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Pattern EMOJI_NAME = Pattern.compile(":?[a-zA-Z0-9_+\\-]+:?");

    /** Keys a client may not set: they decide how a post is shown (the BOT tag, the name, the icon). */
    static final Set<String> SERVER_KEYS = Set.of(
            "from_webhook",
            "webhook_display_name",
            "override_username",
            "override_icon_url",
            "override_icon_emoji",
            "attachments",
            "from_bot",
            "from_plugin");
    /** Longest emoji name kept, without its colons ({@code :name:}). */
    static final int MAX_ICON_EMOJI = 64;
    /** White space tolerated around an emoji name; anything longer is refused before it is trimmed. */
    static final int MAX_EMOJI_PADDING = 16;

    private PostProps() {}

    static JsonObject build(WebhookPayload payload, HookDefaults hook, Settings settings) {
        JsonObjectBuilder props = JSON.createObjectBuilder();
        if (payload.props() != null) {
            for (Map.Entry<String, JsonValue> prop : payload.props().entrySet()) {
                if (!SERVER_KEYS.contains(prop.getKey())) {
                    props.add(prop.getKey(), prop.getValue());
                }
            }
        }
        props.add("from_webhook", "true");
        if (!hook.displayName().isEmpty()) {
            props.add("webhook_display_name", hook.displayName());
        }
        if (settings.enablePostUsernameOverride()) {
            String username = overrideUsername(payload.username(), hook.username());
            if (username != null) {
                props.add("override_username", username);
            }
        }
        if (settings.enablePostIconOverride()) {
            String iconUrl = firstSet(payload.iconUrl(), hook.iconUrl());
            if (iconUrl != null) {
                props.add("override_icon_url", requireHttpUrl(iconUrl));
            }
            if (payload.iconEmoji() != null) {
                props.add("override_icon_emoji", requireEmojiName(payload.iconEmoji()));
            }
        }
        return props.build();
    }

    /**
     * The name a post shows as its author: the payload's (at most {@value HookLimits#MAX_OVERRIDE_USERNAME}
     * characters as sent, else a 400), else the hook's; cleaned by {@link DisplayText} before it is stored. A name
     * that is nothing but controls and spaces counts as not given.
     */
    static String overrideUsername(String fromPayload, String fromHook) {
        if (fromPayload != null && fromPayload.length() > HookLimits.MAX_OVERRIDE_USERNAME) {
            throw invalid("username is longer than " + HookLimits.MAX_OVERRIDE_USERNAME + " characters.");
        }
        String payloadName = DisplayText.clean(fromPayload);
        if (payloadName != null && !payloadName.isEmpty()) {
            return payloadName;
        }
        // The hook's own name is bounded where hooks are edited (HookLimits.MAX_USERNAME, Mattermost's 255).
        String hookName = DisplayText.clean(fromHook);
        return hookName == null || hookName.isEmpty() ? null : hookName;
    }

    /** Icons are links shown to readers; the server never fetches them. Only http(s) is ever a link. */
    static String requireHttpUrl(String url) {
        if (url.length() > SafeUrls.MAX_ICON_LENGTH) {
            throw invalid("icon_url is longer than " + SafeUrls.MAX_ICON_LENGTH + " characters.");
        }
        if (DisplayText.hasControls(url)) {
            // A link with a bidi override shows another address than the one it opens.
            throw invalid("icon_url must be an http or https URL.");
        }
        String icon = SafeUrls.iconUrl(url);
        if (icon == null) {
            throw invalid("icon_url must be an http or https URL.");
        }
        return icon;
    }

    /**
     * Slack's {@code :name:} (colons optional); names as emoji shortcodes are spelled, so no control or bidi
     * character can pass. The name itself is at most {@value #MAX_ICON_EMOJI} characters, with or without
     * its colons. Surrounding white space (and the C0 controls {@code trim} also removes) is not kept.
     */
    static String requireEmojiName(String emoji) {
        if (emoji.length() > MAX_ICON_EMOJI + 2 + MAX_EMOJI_PADDING) {
            throw invalidEmoji();
        }
        String name = emoji.trim();
        String bare = name.startsWith(":") ? name.substring(1) : name;
        bare = bare.endsWith(":") ? bare.substring(0, bare.length() - 1) : bare;
        if (bare.length() > MAX_ICON_EMOJI || !EMOJI_NAME.matcher(name).matches()) {
            throw invalidEmoji();
        }
        return name;
    }

    private static HooklineException invalidEmoji() {
        return invalid("icon_emoji must be an emoji name such as :ghost:.");
    }

    private static String firstSet(String fromPayload, String fromHook) {
        if (fromPayload != null && !fromPayload.isBlank()) {
            return fromPayload;
        }
        return fromHook == null || fromHook.isBlank() ? null : fromHook;
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest("invalid_payload", message);
    }
}
