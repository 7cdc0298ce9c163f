package io.hookline.web.error;

import io.hookline.api.error.HooklineException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Our own failures: their status and id, as Mattermost would answer them. */
@Provider
public class HooklineExceptionMapper implements ExceptionMapper<HooklineException> {

    @Override
    public jakarta.ws.rs.core.Response toResponse(HooklineException e) {
        return ErrorResponses.of(e.status(), e.id(), e.getMessage());
    }
}
