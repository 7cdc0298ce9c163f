package io.hookline.web.console.channel;

import io.hookline.api.hook.WebhookPayload;
import io.hookline.api.view.PostView;
import io.hookline.ejb.hook.HookPoster;
import io.hookline.ejb.post.PostSplitter;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import io.hookline.web.hooks.HookBodyParser;
import jakarta.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hook body turned into the posts {@code HookPoster.post} would store, without a container or a
 * database: the same parser, payload checks, props rules, Slack translation and splitting, called
 * directly. {@code PostProps} and {@code SlackContent} are package-private in the EJB module, so they
 * are reached by reflection; a rename there fails these tests loudly rather than silently testing
 * something else. A refused payload throws the write path's own {@code HooklineException}.
 */
final class WritePath {

    /** What the browser test configures: overrides allowed, the spec's 4000-character posts. */
    static final Settings SETTINGS = new Settings(true, true, true, 4000, 300_000, false,
            io.hookline.ejb.settings.RateLimitSettings.DEFAULTS, Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);
    static final String HOOK_CREATOR = "hookcreatorid";
    static final String HOOK_DISPLAY_NAME = "browser test";

    private static final Method REQUIRE_VALID_PAYLOAD;
    private static final Method BUILD_PROPS;
    private static final Constructor<?> HOOK_DEFAULTS;
    private static final Method SLACK_CONTENT_OF;
    private static final Method MESSAGE;
    private static final Method ATTACHMENTS;
    private static final Method ADD_TO;

    static {
        try {
            REQUIRE_VALID_PAYLOAD = accessible(HookPoster.class.getDeclaredMethod("requireValidPayload", WebhookPayload.class));
            Class<?> postProps = Class.forName("io.hookline.ejb.hook.PostProps");
            Class<?> hookDefaults = Class.forName("io.hookline.ejb.hook.PostProps$HookDefaults");
            BUILD_PROPS = accessible(postProps.getDeclaredMethod("build", WebhookPayload.class, hookDefaults, Settings.class));
            HOOK_DEFAULTS = hookDefaults.getDeclaredConstructor(String.class, String.class, String.class);
            HOOK_DEFAULTS.setAccessible(true);
            Class<?> slackContent = Class.forName("io.hookline.ejb.hook.SlackContent");
            SLACK_CONTENT_OF = accessible(slackContent.getDeclaredMethod("of", WebhookPayload.class, MentionResolver.class));
            MESSAGE = accessible(slackContent.getDeclaredMethod("message"));
            ATTACHMENTS = accessible(slackContent.getDeclaredMethod("attachments"));
            ADD_TO = accessible(slackContent.getDeclaredMethod("addTo", JsonObject.class, JsonObject.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private WritePath() {
    }

    /** The posts a JSON payload becomes (one, unless the message is longer than a post). */
    static List<PostView> store(JsonObject payload) {
        return store("application/json", payload.toString());
    }

    /** The posts a hook body becomes, as {@code HookPoster.post} builds them. */
    static List<PostView> store(String contentType, String body) {
        WebhookPayload payload = HookBodyParser.parse(contentType, body.getBytes(StandardCharsets.UTF_8));
        call(REQUIRE_VALID_PAYLOAD, null, payload);
        JsonObject props = (JsonObject) call(BUILD_PROPS, null, payload, newHookDefaults(), SETTINGS);
        Object content = call(SLACK_CONTENT_OF, null, payload, MentionResolver.NONE);
        List<String> parts = PostSplitter.split((String) call(MESSAGE, content), SETTINGS.maxPostSize());
        String ownType = payload.type() == null ? "" : payload.type();
        String lastType = call(ATTACHMENTS, content) != null ? "slack_attachment" : ownType;
        List<PostView> posts = new ArrayList<>();
        long now = 1_449_934_320_000L;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            JsonObject partProps = last ? (JsonObject) call(ADD_TO, content, props, payload.priority()) : props;
            posts.add(new PostView("post" + i, now + i, now + i, 0, 0, HOOK_CREATOR, "channelid", "", parts.get(i),
                    last ? lastType : ownType, partProps));
        }
        return posts;
    }

    private static Object newHookDefaults() {
        try {
            return HOOK_DEFAULTS.newInstance(HOOK_DISPLAY_NAME, null, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused; // the write path's own answer, e.g. a 400 HooklineException
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }
}
