package io.hookline.web.console.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.hook.HookPoster;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.channel.ChannelViewLimits;
import io.hookline.web.console.channel.PostCard;
import io.hookline.web.console.security.ConsoleCaller;
import io.hookline.web.live.PostsCommitted;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hook page's "Try it" panel: a payload editor, "Preview" (the hook's dry run, shown as the channel view would
 * show the posts) and "Send" (a real post through the hook's pipeline). The hook is the one {@link HookForm}
 * opened; every action checks again that the caller may manage it, as the page did.
 * <p>
 * Neither action goes through the hook URL's edge: no rate limit spent (the console user is the hook's owner or an
 * admin, signed in, not an anonymous holder of the URL), no Idempotency-Key, and no delivery-log entry (the log
 * answers "what did my integration's requests get"; these are not its requests). Everything after the edge is the
 * real request's: the size bound, the parser, {@link HookPoster}'s checks in their order and its error ids.
 */
@Named
@ViewScoped
public class HookTrial implements Serializable {

    private static final long serialVersionUID = 1L;

    private String payload = TrialPayload.SAMPLE;
    /** The last preview's posts, as the channel view shows them; empty before a preview and after an error. */
    private List<PostCard> preview = List.of();
    /** The last action's refusal, as the real request's JSON error would name it; null when it succeeded. */
    private Refusal refusal;
    /** Where the last preview would post, or the last send posted; null before either. */
    private Target target;

    private boolean sent;

    /** The error the real request would get: HTTP status, error id, message. */
    public record Refusal(int status, String id, String message) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A channel the message goes to, and how many posts it makes there. */
    public record Target(String channelId, String channelName, int posts) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private HookForm form;
    private ConsoleCaller me;
    private HookAdmin hooks;
    private HookPoster poster;
    private CurrentSettings settings;
    private ChannelDirectory directory;
    private UserAdmin users;
    private Event<PostsCommitted> committed;

    /** For CDI's proxy and passivation only. */
    protected HookTrial() {}

    /** Constructor injection, so a test wires it as CDI does, without reflection. */
    @Inject
    public HookTrial(
            HookForm form,
            ConsoleCaller me,
            HookAdmin hooks,
            HookPoster poster,
            CurrentSettings settings,
            ChannelDirectory directory,
            UserAdmin users,
            Event<PostsCommitted> committed) {
        this.form = form;
        this.me = me;
        this.hooks = hooks;
        this.poster = poster;
        this.settings = settings;
        this.directory = directory;
        this.users = users;
        this.committed = committed;
    }

    /** "Preview": the posts the payload would make, stored nowhere (no post, no "last used", no delivery log). */
    public void preview() {
        clear();
        try {
            String hookId = manageableHook();
            HookDestination planned = poster.dryRun(hookId, parsed());
            Map<String, UserView> authors = new HashMap<>();
            preview = PreviewCards.of(
                    planned,
                    userId -> authors.computeIfAbsent(userId, this::userOrNull),
                    ChannelViewLimits.configured());
            target = target(planned);
        } catch (HooklineException e) {
            refusal = new Refusal(e.status(), e.id(), e.getMessage());
        }
    }

    /** "Send": posts the payload for real, as {@code POST /hooks/{id}} would, and tells open channel views. */
    public void send() {
        clear();
        try {
            String hookId = manageableHook();
            HookDestination posted = poster.post(hookId, parsed());
            // HookPoster's transaction has committed: open channel views may show the posts (as HookResource does).
            committed.fire(new PostsCommitted(posted.channelId(), posted.postIds()));
            target = target(posted);
            sent = true;
        } catch (HooklineException e) {
            refusal = new Refusal(e.status(), e.id(), e.getMessage());
        }
    }

    private void clear() {
        preview = List.of();
        refusal = null;
        target = null;
        sent = false;
    }

    /** The hook's id, once more checked against the caller: 403/404 as the page itself. */
    private String manageableHook() {
        String hookId = form.hookId();
        if (hookId == null) {
            throw HooklineException.notFound("no_service", "Save the webhook before trying it.");
        }
        return hooks.get(me.caller(), hookId).id();
    }

    private WebhookPayload parsed() {
        return TrialPayload.parse(payload, settings.get().maximumPayloadSizeBytes());
    }

    private Target target(HookDestination posted) {
        return new Target(
                posted.channelId(),
                channelName(posted.channelId()),
                posted.postIds().size());
    }

    /** The channel's display name, or its id when the caller may not read it (a hook may post where its owner cannot read). */
    private String channelName(String channelId) {
        try {
            ChannelView channel = directory.get(me.caller(), channelId);
            return (channel.type().equals("P") ? "" : "#") + channel.displayName();
        } catch (HooklineException unreadable) {
            return channelId;
        }
    }

    private UserView userOrNull(String userId) {
        try {
            return users.get(userId);
        } catch (HooklineException gone) {
            return null;
        }
    }

    /** ServiceSettings.MaximumPayloadSizeBytes: the editor's bound, as a real request's. */
    public int getMaxBytes() {
        return settings.get().maximumPayloadSizeBytes();
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public List<PostCard> getPreview() {
        return preview;
    }

    public Refusal getRefusal() {
        return refusal;
    }

    public Target getTarget() {
        return target;
    }

    public boolean isSent() {
        return sent;
    }
}
