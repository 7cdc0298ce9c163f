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
