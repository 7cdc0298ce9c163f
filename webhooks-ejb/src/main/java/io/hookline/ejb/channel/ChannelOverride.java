package io.hookline.ejb.channel;

import io.hookline.api.error.HooklineException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A payload's {@code channel} override, checked against Mattermost's name rules before anything looks it up
 * or caches it: {@code name}, {@code #name} (Slack's habit) or {@code @username}, the name 1 to
 * {@value #MAX_NAME_LENGTH} characters of {@code [a-z0-9._-]} after lowercasing. The sole owner of that rule.
 *
 * <p>Why here and first: the override is anyone's to invent (whoever holds a hook URL), so an unchecked one
 * reached the database query, the route cache (as a key) and the error message (echoed back). A value that
 * cannot name a channel or a user is refused at once, with a message that does not repeat it; only the
 * normalised name of a valid override ever becomes a cache key, so a key is at most
 * {@value #MAX_NAME_LENGTH} characters whatever the request held.
 *
 * @param kind what the override names
 * @param name the normalised (lowercase) name without its prefix; empty for {@link Kind#HOOK_CHANNEL}
 */
public record ChannelOverride(Kind kind, String name) {

    /**
     * Longest channel or user name an override may carry (after its prefix): Mattermost's channel name limit,
     * which is also above its (and Hookline's) username limit, so every existing channel and user stays reachable.
     */
    public static final int MAX_NAME_LENGTH = 64;

    /** Letters, digits, '.', '_' and '-': the union of Mattermost's channel and username alphabets. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

    /** No override: the hook's own channel. */
    public static final ChannelOverride NONE = new ChannelOverride(Kind.HOOK_CHANNEL, "");

    /** What an override names. */
    public enum Kind {
        HOOK_CHANNEL,
        CHANNEL,
        USER
    }

    /**
     * The override of a payload ({@code null}: none). A {@code @} prefix names a user, a {@code #} prefix or
     * none a channel, as before this rule; a name outside the rule is a 404 {@code user_not_found} for
     * {@code @…} and {@code channel_not_found} otherwise, the answers such a name always got.
     */
    public static ChannelOverride parse(String requested) {
        if (requested == null) {
            return NONE;
        }
        boolean user = requested.startsWith("@");
        String raw = user || requested.startsWith("#") ? requested.substring(1) : requested;
        // Length first: never lowercase or match a 64 KB string only to refuse it.
        if (raw.isEmpty() || raw.length() > MAX_NAME_LENGTH) {
            throw user ? userNotFound() : channelNotFound();
        }
        // As the look-up always did: names are stored lowercase, so 'Town-Square' finds town-square.
        String name = raw.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw user ? userNotFound() : channelNotFound();
        }
        return new ChannelOverride(user ? Kind.USER : Kind.CHANNEL, name);
    }

    /** The refusal for a channel that does not exist (or whose name could not exist). */
    static HooklineException channelNotFound() {
        return HooklineException.notFound("channel_not_found", "The channel does not exist.");
    }

    /** The refusal for a user who does not exist or is inactive; the name is not repeated. */
    static HooklineException userNotFound() {
        return HooklineException.notFound("user_not_found", "The user does not exist.");
    }
}
