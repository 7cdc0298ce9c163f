package io.hookline.ejb.post;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.PostList;
import io.hookline.api.view.PostView;
import io.hookline.ejb.channel.ChannelAccess;
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

    /** Mattermost's paging: 60 per page unless asked otherwise, never more than 200. */
    public static final int DEFAULT_PER_PAGE = 60;
    public static final int MAX_PER_PAGE = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    public PostList page(Caller caller, String channelId, int page, int perPage, long since) {
        if (page < 0 || perPage < 0) {
            throw HooklineException.badRequest("api.context.invalid_url_param.app_error",
                    "Invalid page or per_page parameter.");
        }
        access.readable(caller, channelId);
        int size = perPage == 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        List<Post> posts = em.createNamedQuery(Post.IN_CHANNEL_NEWEST_FIRST, Post.class)
                .setParameter("channelId", channelId)
                .setParameter("since", since)
                .setFirstResult(Math.multiplyExact(page, size))
                .setMaxResults(size)
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
