package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.settings.Settings;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.util.Locale;
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
    static final Set<String> SERVER_KEYS = Set.of("from_webhook", "webhook_display_name", "override_username",
            "override_icon_url", "override_icon_emoji", "attachments", "from_bot", "from_plugin");
    /** Longest override username kept: a display name, not an essay. */
    static final int MAX_OVERRIDE_USERNAME = 64;
    /** Longest icon URL kept. */
    static final int MAX_ICON_URL = 1024;
    /** Longest emoji name ({@code :name:}) kept. */
    static final int MAX_ICON_EMOJI = 64;

    private PostProps() {
    }

    /** What the hook itself contributes: its display name, and its default username and icon. */
    record HookDefaults(String displayName, String username, String iconUrl) {
    }

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
            String username = firstSet(payload.username(), hook.username());
            if (username != null) {
                if (username.length() > MAX_OVERRIDE_USERNAME) {
                    throw invalid("username is longer than " + MAX_OVERRIDE_USERNAME + " characters.");
                }
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

    /** Icons are links shown to readers; the server never fetches them. Only http(s) is ever a link. */
    static String requireHttpUrl(String url) {
        if (url.length() > MAX_ICON_URL) {
            throw invalid("icon_url is longer than " + MAX_ICON_URL + " characters.");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url.trim();
            }
        } catch (java.net.URISyntaxException malformed) {
            // falls through to the same answer
        }
        throw invalid("icon_url must be an http or https URL.");
    }

    /** Slack's {@code :name:} (colons optional); names as emoji shortcodes are spelled. */
    static String requireEmojiName(String emoji) {
        String name = emoji.trim();
        if (name.length() > MAX_ICON_EMOJI + 2 || !EMOJI_NAME.matcher(name).matches()) {
            throw invalid("icon_emoji must be an emoji name such as :ghost:.");
        }
        return name;
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
