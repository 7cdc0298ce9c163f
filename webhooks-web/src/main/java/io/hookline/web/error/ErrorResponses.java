package io.hookline.web.error;

import io.hookline.api.error.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Builds Mattermost's error body for every failure, on /hooks and /api/v4 alike. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, String id, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(id, message, "", newRequestId(), status))
                .build();
    }

    /** A 26-character id that lets a user's report of an error be found in the server log. */
    public static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    }
}
