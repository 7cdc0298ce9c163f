package io.hookline.web.hooks;

import io.hookline.web.error.HooklineExceptionMapper;
import io.hookline.web.error.UnexpectedExceptionMapper;
import io.hookline.web.error.WebApplicationExceptionMapper;
import io.hookline.web.json.JsonbConfigProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The Slack-compatible endpoint, {@code /hooks/{id}}. Its own JAX-RS application on an explicit path:
 * an application at "/" would shadow the Faces console. Classes are listed so the two applications
 * do not pick up each other's resources.
 */
@ApplicationPath("/hooks")
public class HooksApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                HookResource.class,
                HookPostResource.class,
                HookAnswerFilter.class,
                JsonbConfigProvider.class,
                KeyAlreadyStoredMapper.class,
                HooklineExceptionMapper.class,
                WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
