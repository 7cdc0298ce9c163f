package io.hookline.ejb.slack;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The names shown for {@code <@U…>}, {@code <#C…>} and Block Kit user and channel elements in one message,
 * as the translators ({@link SlackTranslator}, {@link BlockKit}, {@link SlackAttachments}) ask for them.
 *
 * <p>{@link #translate} runs a translation twice at most: first with a collecting instance that notes the ids
 * asked for (the first {@value #MAX_RESOLVED_IDS} distinct ones, users and channels together) and resolves
 * nothing, then, only if there were any, once more with the names one {@link MentionResolver} call gave. So a
 * message costs at most one batch look-up however many mentions it holds, and the translators stay the one
 * place that knows where mentions are: no second parser has to find them. Ids past the cap are shown as
 * written, like an unknown id ({@code @U123}, {@code ~C123}). Not thread-safe: one instance per translation.
 */
public final class Mentions {

    /** Distinct ids one message may have resolved; later ones stay as written. */
    public static final int MAX_RESOLVED_IDS = 100;

    /** Resolves nothing; every mention shows its id. */
    public static final Mentions NONE = new Mentions(MentionResolver.Names.NONE);

    private final MentionResolver.Names names;
    /** While collecting: the ids asked for, in order; null once resolved. */
    private final Set<String> wantedUsers;

    private final Set<String> wantedChannels;

    private Mentions(MentionResolver.Names names) {
        this.names = names;
        this.wantedUsers = null;
        this.wantedChannels = null;
    }

    private Mentions() {
        this.names = MentionResolver.Names.NONE;
        this.wantedUsers = new LinkedHashSet<>();
        this.wantedChannels = new LinkedHashSet<>();
    }

    /** Names known in advance (tests, previews): nothing is collected. */
    public static Mentions of(MentionResolver.Names names) {
        return new Mentions(names);
    }

    /**
     * Runs {@code translation} with the names {@code resolver} gives for the mentions it meets, calling the
     * resolver at most once.
     */
    public static <T> T translate(MentionResolver resolver, Function<Mentions, T> translation) {
        Mentions collecting = new Mentions();
        T withoutNames = translation.apply(collecting);
        if (collecting.wantedUsers.isEmpty() && collecting.wantedChannels.isEmpty()) {
            return withoutNames;
        }
        MentionResolver.Names names =
                resolver.resolve(Set.copyOf(collecting.wantedUsers), Set.copyOf(collecting.wantedChannels));
        return translation.apply(new Mentions(names == null ? MentionResolver.Names.NONE : names));
    }

    /** The username (without {@code @}) for this id, or null to show the id. */
    String username(String userId) {
        return lookUp(userId, wantedUsers, names.usernames());
    }

    /** The channel name (without {@code ~}) for this id, or null to show the id. */
    String channelName(String channelId) {
        return lookUp(channelId, wantedChannels, names.channelNames());
    }

    private String lookUp(String id, Set<String> wanted, Map<String, String> known) {
        if (wanted != null) {
            if (wantedUsers.size() + wantedChannels.size() < MAX_RESOLVED_IDS) {
                wanted.add(id);
            }
            return null;
        }
        return known.get(id);
    }
}
