package io.hookline.web.error;

import io.hookline.api.error.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Builds Mattermost's error body for every failure, on /hooks and /api/v4 alike. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, String id, String message) {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(id, message, "", requestId, status))
                .build();
    }
}
