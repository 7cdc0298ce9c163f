package io.hookline.ejb.hook;

import io.hookline.ejb.post.Post;
import io.hookline.ejb.user.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rows {@link HookPoster} reads when its caches miss or a payload asks (a thread root, mentions).
 * An EJB because the persistence unit belongs to this module: a CDI bean called from the web module's
 * request thread cannot reach it. Reads only, in a transaction (joined or its own): EclipseLink retries a read
 * that meets a dead connection outside a transaction twice after a hard-wired 5 s pause, so during a database
 * outage a cache miss held its hook request for 10 s instead of failing fast with 503 (DatabaseOutageIT; misses
 * are frequent then, ClusterChanges drops the caches every poll while the database cannot be read). With
 * {@code eclipselink.transaction.join-existing} the read uses the transaction's one connection and is not
 * retried. (Public methods: an EJB's no-interface view serves only those.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class HookReads {

    @PersistenceContext
    private EntityManager em;

    /**
     * The hook a URL id opens: the hook with that id, or else the live hook that has it as its previous id after
     * a rotation (the caller checks the previous id's expiry: {@link ActiveHooks}). An unknown id costs two
     * look-ups by primary key and by an index.
     */
    public IncomingHook hook(String hookId) {
        IncomingHook own = em.find(IncomingHook.class, hookId);
        if (own != null && !own.isDeleted()) {
            return own;
        }
        return em.createNamedQuery(IncomingHook.ACTIVE_BY_PREVIOUS_ID, IncomingHook.class)
                .setParameter("previousId", hookId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(own);
    }

    public Post post(String postId) {
        return em.find(Post.class, postId);
    }

    /** The post whose Slack-shaped {@code ts} this is (ux_posts_ts: at most one), or null. */
    public Post postByTs(String ts) {
        return em.createNamedQuery(Post.BY_TS, Post.class)
                .setParameter("ts", ts)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Usernames by id, of those of {@code userIds} that exist, in one query (mentions; see Mentions). */
    public Map<String, String> usernames(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        for (Object[] row : em.createNamedQuery(User.USERNAMES_BY_ID, Object[].class)
                .setParameter("ids", userIds)
                .getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }
}
