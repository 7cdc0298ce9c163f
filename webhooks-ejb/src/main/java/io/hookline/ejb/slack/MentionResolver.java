package io.hookline.ejb.slack;

import java.util.Map;
import java.util.Set;

/**
 * Looks up the names behind Slack-style mention ids, for {@link Mentions}. Batch-only on purpose: a message
 * may hold thousands of mentions, and one look-up per mention would be one query per mention. {@link Mentions}
 * collects a request's ids first (at most {@link Mentions#MAX_RESOLVED_IDS}) and calls this once.
 */
@FunctionalInterface
public interface MentionResolver {

    /** Resolves nothing; every mention falls back to its raw id. */
    MentionResolver NONE = (userIds, channelIds) -> Names.NONE;

    /**
     * The usernames (without {@code @}) and channel names (the URL handle, without {@code ~}) of those of the
     * given ids that may be shown; an id missing from the answer stays unresolved.
     */
    Names resolve(Set<String> userIds, Set<String> channelIds);

    /** Names by id; unknown (or hidden) ids are absent. */
    record Names(Map<String, String> usernames, Map<String, String> channelNames) {
        public static final Names NONE = new Names(Map.of(), Map.of());

        public Names {
            usernames = Map.copyOf(usernames);
            channelNames = Map.copyOf(channelNames);
        }
    }
}
