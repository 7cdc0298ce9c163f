package io.hookline.web.api;

import io.hookline.web.error.UnexpectedExceptionMapper;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for Mattermost's ping answer, used by {@link SystemResource#ping} and by {@link PingShortcut} (which
 * answers the same request in front of JAX-RS): {@code {"status":"OK"}}, and the database's state as
 * {@code database_status} (Mattermost adds it only with {@code get_server_status=true}; Hookline always does, the
 * check is one pooled connection at most once a second). Unhealthy answers 503 with {@code Retry-After}, so a load
 * balancer takes the server out (Mattermost answers 500); {@code use_rest_semantics=true} asks for 200 whatever the
 * state, as in Mattermost.
 * The three answers are made once; a ping builds nothing.
 */
final class PingAnswer {

    private static final PingAnswer OK = new PingAnswer(200, "OK", null);
    private static final PingAnswer UNHEALTHY_BUT_ASKED_FOR_200 = new PingAnswer(200, "UNHEALTHY", null);
    private static final PingAnswer UNHEALTHY =
            new PingAnswer(503, "UNHEALTHY", UnexpectedExceptionMapper.DATABASE_RETRY_AFTER_SECONDS);

    /** The HTTP status. */
    final int status;
    /** The JSON body. */
    final String body;
    /** The same, UTF-8: what {@link PingShortcut} writes. */
    final byte[] bytes;
    /** The {@code Retry-After} header's value, or null for none. */
    final Integer retryAfterSeconds;

    private PingAnswer(int status, String state, Integer retryAfterSeconds) {
        this.status = status;
        this.body = body(state);
        this.bytes = body.getBytes(StandardCharsets.UTF_8);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The answer for the database's state and the request's {@code use_rest_semantics} parameter (may be null). */
    static PingAnswer of(boolean databaseUp, String restSemantics) {
        if (databaseUp) {
            return OK;
        }
        return "true".equals(restSemantics) ? UNHEALTHY_BUT_ASKED_FOR_200 : UNHEALTHY;
    }

    /** Both fields say the same, the server's state being the database's. */
    private static String body(String state) {
        return Json.createObjectBuilder()
                .add("status", state)
                .add("database_status", state)
                .build()
                .toString();
    }
}
