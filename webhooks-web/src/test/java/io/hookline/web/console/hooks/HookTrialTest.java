package io.hookline.web.console.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.HookView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.hook.HookPoster;
import io.hookline.ejb.post.NewPost;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.security.ConsoleCaller;
import io.hookline.web.live.PostsCommitted;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The panel's rules without a container: the caller's right to manage the hook is checked before anything runs,
 * Preview never posts nor tells channel views, Send posts once and tells them, and every refusal keeps the real
 * request's status, id and message.
 */
class HookTrialTest {

    private static final String HOOK = "hookid0000000000000000000a";
    private static final String CHANNEL = "channelid00000000000000000";
    private static final Caller TESS = new Caller("tessid", false, "127.0.0.1");

    private final List<String> calls = new ArrayList<>();
    private final List<PostsCommitted> fired = new ArrayList<>();
    private HooklineException refuseManage;
    private HookTrial trial;

    @BeforeEach
    void wire() {
        HookForm form = new HookForm() {
            @Override
            public String hookId() {
                return HOOK;
            }
        };
        ConsoleCaller me = new ConsoleCaller() {
            @Override
            public Caller caller() {
                return TESS;
            }
        };
        HookAdmin hooks = new HookAdmin() {
            @Override
            public HookView get(Caller caller, String hookId) {
                calls.add("manage " + caller.userId() + " " + hookId);
                if (refuseManage != null) {
                    throw refuseManage;
                }
                return new HookView(hookId, 1, 1, 0, caller.userId(), CHANNEL, "team", "CI", "", "", "", false, 0);
            }
        };
        HookPoster poster = new HookPoster() {
            @Override
            public HookDestination dryRun(String hookId, WebhookPayload payload) {
                calls.add("dryRun " + payload.text());
                return planned(payload.text());
            }

            @Override
            public HookDestination post(String hookId, WebhookPayload payload) {
                calls.add("post " + payload.text());
                return planned(payload.text());
            }
        };
        CurrentSettings settings = new CurrentSettings() {
            @Override
            public Settings get() {
                return new Settings(
                        true,
                        true,
                        true,
                        4000,
                        64,
                        false,
                        RateLimitSettings.DEFAULTS,
                        Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);
            }
        };
        ChannelDirectory directory = new ChannelDirectory() {
            @Override
            public ChannelView get(Caller caller, String channelId) {
                return new ChannelView(channelId, 1, 1, 0, "team", "O", "Builds", "builds", "", "", "tessid");
            }
        };
        UserAdmin users = new UserAdmin() {
            @Override
            public UserView get(String userId) {
                throw HooklineException.notFound("user_not_found", "gone");
            }
        };
        RecordingEvent committed = new RecordingEvent();
        trial = new HookTrial(form, me, hooks, poster, settings, directory, users, committed);
    }

    @Test
    void previewPlansTheRealPipelinesPostsAndStoresNothing() {
        trial.setPayload("{\"text\": \"hi\"}");
        trial.preview();
        assertEquals(List.of("manage tessid " + HOOK, "dryRun hi"), calls);
        assertTrue(fired.isEmpty(), "no channel view told: nothing was stored");
        assertFalse(trial.isSent());
        assertNull(trial.getRefusal());
        assertEquals(new HookTrial.Target(CHANNEL, "#Builds", 1), trial.getTarget());
        assertEquals(1, trial.getPreview().size());
        assertEquals("<p>hi</p>", trial.getPreview().get(0).messageHtml().strip());
    }

    @Test
    void sendPostsOnceAndTellsOpenChannelViews() {
        trial.setPayload("{\"text\": \"hi\"}");
        trial.preview();
        trial.send();
        assertEquals(List.of("manage tessid " + HOOK, "dryRun hi", "manage tessid " + HOOK, "post hi"), calls);
        assertEquals(1, fired.size());
        assertEquals(CHANNEL, fired.get(0).channelId());
        assertTrue(trial.isSent());
        assertTrue(trial.getPreview().isEmpty(), "the earlier preview is gone once sent");
        assertEquals("#Builds", trial.getTarget().channelName());
    }

    @Test
    void someoneWhoMayNoLongerManageTheHookGetsItsRefusalAndNothingRuns() {
        refuseManage = HooklineException.forbidden("api.context.permissions.app_error", "You do not have permission.");
        trial.send();
        trial.preview();
        assertEquals(List.of("manage tessid " + HOOK, "manage tessid " + HOOK), calls);
        assertEquals(
                new HookTrial.Refusal(403, "api.context.permissions.app_error", "You do not have permission."),
                trial.getRefusal());
        assertTrue(fired.isEmpty());
        assertNull(trial.getTarget());
    }

    @Test
    void aPayloadPastTheLimitIs413AndAnEarlierPreviewIsCleared() {
        trial.setPayload("{\"text\": \"hi\"}");
        trial.preview();
        trial.setPayload("{\"text\": \"" + "x".repeat(53) + "\"}");
        trial.send();
        assertEquals(
                new HookTrial.Refusal(413, "payload_too_large", "The request body is larger than 64 bytes."),
                trial.getRefusal());
        assertTrue(trial.getPreview().isEmpty());
        assertNull(trial.getTarget());
        assertEquals(64, trial.getMaxBytes());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("post")), "nothing posted: " + calls);
    }

    private static HookDestination planned(String text) {
        NewPost post = NewPost.of(CHANNEL, "tessid", "", text, "", "{\"from_webhook\":\"true\"}", 1_000, HOOK);
        return new HookDestination(CHANNEL, List.of(post.id()), List.of(post));
    }

    private final class RecordingEvent implements Event<PostsCommitted> {
        @Override
        public void fire(PostsCommitted event) {
            fired.add(event);
        }

        @Override
        public <U extends PostsCommitted> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PostsCommitted> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PostsCommitted> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PostsCommitted> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PostsCommitted> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
