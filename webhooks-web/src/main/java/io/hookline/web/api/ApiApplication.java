package io.hookline.web.api;

import io.hookline.web.api.body.BodyReading;
import io.hookline.web.api.body.JsonByDefault;
import io.hookline.web.api.body.RequiredBody;
import io.hookline.web.auth.BearerTokenFilter;
import io.hookline.web.error.HooklineExceptionMapper;
import io.hookline.web.error.SignInThrottleMapper;
import io.hookline.web.error.UnexpectedExceptionMapper;
import io.hookline.web.error.WebApplicationExceptionMapper;
import io.hookline.web.json.JsonbConfigProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The Mattermost-compatible REST API v4 subset, at {@code /api/v4}. */
@ApplicationPath("/api/v4")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                UsersResource.class,
                TeamsResource.class,
                ChannelsResource.class,
                IncomingHooksResource.class,
                PostsResource.class,
                ConfigResource.class,
                SystemResource.class,
                AuditsResource.class,
                BearerTokenFilter.class,
                JsonByDefault.class,
                RequiredBody.class,
                BodyReading.class,
                JsonbConfigProvider.class,
                HooklineExceptionMapper.class,
                SignInThrottleMapper.class,
                WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
