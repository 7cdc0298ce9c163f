package io.hookline.web.error;

import io.hookline.api.error.ApiError;
import io.hookline.api.error.HooklineException;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds Mattermost's error body for every failure, on /hooks and /api/v4 alike. */
public final class ErrorResponses {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ErrorResponses() {}

    static Response of(int status, String id, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(id, message, "", newRequestId(), status))
                .build();
    }

    /** {@link #write(HttpServletResponse, int, String, String)} of a refusal: its status, id and message. */
    public static void write(HttpServletResponse response, HooklineException refusal) throws IOException {
        write(response, refusal.status(), refusal.id(), refusal.getMessage());
    }

    /**
     * The same body written by a servlet filter, for refusals that must be answered before JAX-RS runs (a
     * Content-Type it would choke on, a body too large to read).
     */
    public static void write(HttpServletResponse response, int status, String id, String message) throws IOException {
        byte[] body = JSON.createObjectBuilder()
                .add("id", id)
                .add("message", message)
                .add("detailed_error", "")
                .add("request_id", newRequestId())
                .add("status_code", status)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A 26-character id that lets a user's report of an error be found in the server log. */
    public static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    }
}
