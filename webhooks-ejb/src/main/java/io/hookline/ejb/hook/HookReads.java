package io.hookline.ejb.hook;

import io.hookline.ejb.channel.Channel;
import io.hookline.ejb.post.Post;
import io.hookline.ejb.user.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows {@link HookPoster} reads when its caches miss or a payload asks (a thread root, mentions).
 * An EJB because the persistence unit belongs to this module: a CDI bean called from the web module's
 * request thread cannot reach it. Reads only, joining a transaction if there is one. (Public methods:
 * an EJB's no-interface view serves only those.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HookReads {

    @PersistenceContext
    private EntityManager em;

    public IncomingHook hook(String hookId) {
        return em.find(IncomingHook.class, hookId);
    }

    public Post post(String postId) {
        return em.find(Post.class, postId);
    }

    public String username(String userId) {
        User user = em.find(User.class, userId);
        return user == null ? null : user.username();
    }

    public String channelName(String channelId) {
        Channel channel = em.find(Channel.class, channelId);
        return channel == null ? null : channel.name();
    }
}
