package io.hookline.web.api.body;

import io.hookline.web.error.BodyReadFailures;
import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;

/**
 * An {@code /api/v4} method that takes a body gets one: an empty body is 400
 * {@value BodyReadFailures#INVALID_BODY}, as in Mattermost, instead of a {@code null} each resource would have
 * to remember to check. A body marked {@link OptionalBody} may be empty. Runs after authentication (a caller without a token learns nothing about bodies) and
 * before the body is read. Looks at the first byte itself: a runtime may skip its reader interceptors for an
 * empty body, and {@code hasEntity()} answers differently from one runtime to the next.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequiredBody implements ContainerRequestFilter {

    /** Parameters the runtime fills from elsewhere than the body. */
    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(
            PathParam.class,
            QueryParam.class,
            HeaderParam.class,
            CookieParam.class,
            MatrixParam.class,
            FormParam.class,
            BeanParam.class,
            Context.class);

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Class<?> bodyType = bodyType(resource.getResourceMethod());
        if (bodyType == null) {
            return;
        }
        String what = BodyNames.of(bodyType);
        PushbackInputStream body = new PushbackInputStream(request.getEntityStream(), 1);
        int first;
        try {
            first = body.read();
        } catch (IOException unreadable) {
            throw BodyReadFailures.of(unreadable, what).orElseGet(() -> BodyReadFailures.invalidBody(what));
        }
        if (first < 0) {
            throw BodyReadFailures.invalidBody(what);
        }
        body.unread(first);
        request.setEntityStream(body);
    }

    /** The type of the method's body parameter, or null when it takes none. */
    static Class<?> bodyType(Method method) {
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getParameters()) {
            boolean fromElsewhere = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                fromElsewhere |= NOT_THE_BODY.contains(annotation.annotationType());
            }
            if (!fromElsewhere) {
                return parameter.isAnnotationPresent(OptionalBody.class) ? null : parameter.getType();
            }
        }
        return null;
    }
}
