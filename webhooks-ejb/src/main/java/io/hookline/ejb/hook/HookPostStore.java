package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.PostView;
import io.hookline.ejb.post.Post;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Reads, edits and deletes one post on behalf of the hook that created it ({@link HookPostEditor} runs the
 * checks before). The one owner of the rule "a hook may touch only its own live posts": every other post,
 * whoever's it is, whether it exists or was deleted, is the same 404, so a hook URL reveals nothing about
 * posts it did not create. Edits and deletes lock the row: an edit racing a delete cannot bring it back.
 */
@Stateless
public class HookPostStore {

    public static final String POST_NOT_FOUND = "post_not_found";

    @PersistenceContext
    private EntityManager em;

    public PostView read(String hookId, String postId) {
        return owned(hookId, postId, LockModeType.NONE).view();
    }

    /** Replaces the post's message, type and props; answers the post as it now is. */
    public PostView edit(String hookId, String postId, String message, String type, String props, long now) {
        Post post = owned(hookId, postId, LockModeType.PESSIMISTIC_WRITE);
        post.edit(message, type, props, now);
        em.flush();
        return post.view();
    }

    /** Marks the post deleted; answers its channel (the views there drop it). */
    public String delete(String hookId, String postId, long now) {
        Post post = owned(hookId, postId, LockModeType.PESSIMISTIC_WRITE);
        post.delete(now);
        return post.channelId();
    }

    private Post owned(String hookId, String postId, LockModeType lock) {
        Post post = em.find(Post.class, postId, lock);
        if (post == null || !post.isLiveFromHook(hookId)) {
            throw notFound();
        }
        return post;
    }

    static HooklineException notFound() {
        return HooklineException.notFound(POST_NOT_FOUND, "This hook created no post with this id, or it was deleted.");
    }
}
