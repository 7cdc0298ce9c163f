package io.hookline.ejb.hook;

import io.hookline.ejb.post.NewPost;
import java.util.List;

/**
 * Where a hook request's message went: the channel and the posts it became (more than one when split), in
 * order; {@code posts} holds them whole (message, props, {@code ts}) for {@code ?wait=true} and
 * {@code ?dry_run=true}, and is empty where only the ids are known.
 */
public record HookDestination(String channelId, List<String> postIds, List<NewPost> posts) {

    public HookDestination(String channelId, List<String> postIds) {
        this(channelId, postIds, List.of());
    }

    static HookDestination of(String channelId, List<NewPost> posts) {
        return new HookDestination(channelId, posts.stream().map(NewPost::id).toList(), List.copyOf(posts));
    }
}
