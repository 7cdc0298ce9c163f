package io.hookline.ejb.hook;

import io.hookline.api.hook.WebhookPayload;
import io.hookline.api.view.PostView;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.post.PostSplitter;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code GET}, {@code PATCH} and {@code DELETE /hooks/{id}/posts/{post_id}} (Discord's model: the hook URL is the
 * credential): the hook checks of a new post ({@link HookPoster#activeHook}), then the post, which must be one
 * this hook created ({@link HookPostStore}). An edit goes through a new post's pipeline
 * ({@link PostComposer#composeEdit}: payload rules, overrides, Slack translation) but must fit in the one post
 * it replaces: a text that would be split is refused with 400 {@value PostSplitter#MESSAGE_TOO_LONG}, since an
 * edit cannot create posts. The post keeps its channel and thread: {@code channel} and {@code root_id} in an
 * edit's payload are ignored, as Discord ignores them.
 */
@ApplicationScoped
public class HookPostEditor {

    @Inject
    private HookPoster poster;

    @Inject
    private CurrentSettings currentSettings;

    @Inject
    private HookReads reads;

    @Inject
    private HookPostStore store;

    public PostView read(String hookId, String postId) {
        // The hook's own id from here on: after a rotation its previous URL edits the same posts.
        String own = poster.activeHook(currentSettings.get(), hookId).id();
        requireWellFormed(postId);
        return store.read(own, postId);
    }

    public PostView edit(String hookId, String postId, WebhookPayload payload) {
        Settings settings = currentSettings.get();
        ActiveHooks.Snapshot hook = poster.activeHook(settings, hookId);
        requireWellFormed(postId);
        // Before any translation work: a post that is not this hook's costs one primary-key read.
        var current = reads.post(postId);
        if (current == null || !current.isLiveFromHook(hook.id())) {
            throw HookPostStore.notFound();
        }
        ComposedPost edited = PostComposer.composeEdit(
                PostComposer.check(payload), hook.defaults(), settings, poster.mentions(hook.userId()));
        return store.edit(
                hook.id(), postId, edited.message(), edited.type(), edited.props(), System.currentTimeMillis());
    }

    /** Deletes the post; answers its channel. */
    public String delete(String hookId, String postId) {
        String own = poster.activeHook(currentSettings.get(), hookId).id();
        requireWellFormed(postId);
        return store.delete(own, postId, System.currentTimeMillis());
    }

    private static void requireWellFormed(String postId) {
        if (!Ids.isWellFormed(postId)) {
            throw HookPostStore.notFound();
        }
    }
}
