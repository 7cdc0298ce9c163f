package io.hookline.ejb.slack;

/**
 * Looks up the names behind Slack-style mention IDs for {@link SlackTranslator}.
 * Implementations must be safe to call from several threads if the translator is.
 */
public interface MentionResolver {

    /** Resolves nothing; every mention falls back to its raw ID. */
    MentionResolver NONE = new MentionResolver() {
        @Override
        public String usernameOf(String userId) {
            return null;
        }

        @Override
        public String channelNameOf(String channelId) {
            return null;
        }

        @Override
        public String toString() {
            return "MentionResolver.NONE";
        }
    };

    /** The username (without {@code @}) of the user with this ID, or null when unknown. */
    String usernameOf(String userId);

    /** The channel name (the URL handle, without {@code ~}) of the channel with this ID, or null when unknown. */
    String channelNameOf(String channelId);
}
