package io.hookline.ejb.post;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each channel last got a post, or had one edited or deleted through its hook, whichever server stored
 * it: how a server learns of posts that reached (or changed in) a channel through another server, for the
 * channel views open on it. Answers for the server itself, not for a
 * user (no access check: the views fetch the posts through their own user's page).
 */
@Stateless
public class ChannelActivity {

    /** Channels asked about per query: keeps the IN list (and so the statement) bounded. */
    public static final int CHANNELS_PER_QUERY = 500;

    @PersistenceContext
    private EntityManager em;

    /** The newest {@code update_at} (a post, an edit or a delete) of each channel that has posts; channels without posts are absent. */
    public Map<String, Long> newestPostAt(Collection<String> channelIds) {
        Map<String, Long> newest = new HashMap<>();
        List<String> all = new ArrayList<>(channelIds);
        for (int from = 0; from < all.size(); from += CHANNELS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHANNELS_PER_QUERY));
            for (Object[] row : em.createNamedQuery(Post.NEWEST_PER_CHANNEL, Object[].class)
                    .setParameter("channelIds", chunk)
                    .getResultList()) {
                newest.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return newest;
    }
}
