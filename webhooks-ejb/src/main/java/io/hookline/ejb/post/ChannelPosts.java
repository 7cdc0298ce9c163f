package io.hookline.ejb.post;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.PostList;
import io.hookline.api.view.PostView;
import io.hookline.ejb.channel.ChannelAccess;
import io.hookline.ejb.common.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a channel's posts, newest first, in Mattermost's paged {@code {"order","posts"}} shape. */
@Stateless
public class ChannelPosts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    public PostView get(Caller caller, String postId) {
        Post post = postId == null ? null : em.find(Post.class, postId);
        if (post == null || post.isDeleted()) {
            throw HooklineException.notFound("app.post.get.app_error", "Unable to find the post.");
        }
        access.readable(caller, post.channelId());
        return post.view();
    }

    /**
     * The posts of the channel edited or deleted at or after {@code since} ({@code update_at}), newest change
     * first, at most {@code max}: how an open view learns which of its posts to redraw or drop. Deleted posts
     * come with {@code delete_at} set and nothing else a view needs.
     */
    public List<PostView> changedSince(Caller caller, String channelId, long since, int max) {
        access.readable(caller, channelId);
        List<PostView> changed = new ArrayList<>();
        for (Post post : em.createNamedQuery(Post.CHANGED_IN_CHANNEL, Post.class)
                .setParameter("channelId", channelId)
                .setParameter("since", since)
                .setMaxResults(max)
                .getResultList()) {
            changed.add(post.view());
        }
        return changed;
    }

    public PostList page(Caller caller, String channelId, Page page, long since) {
        access.readable(caller, channelId);
        List<Post> posts = page.apply(em.createNamedQuery(Post.IN_CHANNEL_NEWEST_FIRST, Post.class)
                        .setParameter("channelId", channelId)
                        .setParameter("since", since))
                .getResultList();
        List<String> order = new ArrayList<>(posts.size());
        Map<String, PostView> byId = new LinkedHashMap<>();
        for (Post post : posts) {
            order.add(post.id());
            byId.put(post.id(), post.view());
        }
        return new PostList(order, byId);
    }
}
