package io.hookline.web.error;

import io.hookline.ejb.user.SignInThrottle.SignInThrottledException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A sign-in refused by the per-address limit: 429 with the seconds to wait in {@code Retry-After}. */
@Provider
public class SignInThrottleMapper implements ExceptionMapper<SignInThrottledException> {

    @Override
    public Response toResponse(SignInThrottledException e) {
        return Response.fromResponse(ErrorResponses.of(e.status(), e.id(), e.getMessage()))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
