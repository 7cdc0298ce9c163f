package io.hookline.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own answers (unknown path, wrong method, unreadable body) in the same error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() != null) {
            // The runtime's "bad request" around a body it could not read (a body past the cap is a 413).
            var unreadable = BodyReadFailures.of(e.getCause(), "body");
            if (unreadable.isPresent()) {
                return new HooklineExceptionMapper().toResponse(unreadable.get());
            }
        }
        String id = switch (status) {
            case 404 -> "api.context.404.app_error";
            case 405 -> "api.context.method_not_allowed.app_error";
            case 415 -> "api.context.unsupported_media_type.app_error";
            default -> status < 500 ? "api.context.invalid_body_param.app_error" : "api.context.server_error";
        };
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return ErrorResponses.of(status, id, reason == null ? "Request failed." : reason);
    }
}
