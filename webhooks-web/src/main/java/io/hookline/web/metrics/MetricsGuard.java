package io.hookline.web.metrics;

import io.hookline.ejb.metrics.MetricsSettings;
import java.util.function.Predicate;

/**
 * Who may read {@code GET /metrics}: nobody while it is off (404, as if there were no such page); then a request
 * with no bearer token is 401, the scrape token ({@code HOOKLINE_METRICS_TOKEN}) or a system admin's session or
 * personal access token is let through, and any other token is 403. The meters name no secret, but they do tell
 * how busy each hook is and how the server fares, which is the admins' business.
 */
final class MetricsGuard {

    enum Decision {
        NOT_FOUND(404),
        UNAUTHORIZED(401),
        FORBIDDEN(403),
        ALLOWED(200);

        final int status;

        Decision(int status) {
            this.status = status;
        }
    }

    private MetricsGuard() {}

    /**
     * @param settings the endpoint's settings
     * @param presented the request's bearer token; null when it sent none
     * @param systemAdmin whether a token is a system admin's (asked only when it is not the scrape token)
     */
    static Decision decide(MetricsSettings settings, String presented, Predicate<String> systemAdmin) {
        if (!settings.enabled()) {
            return Decision.NOT_FOUND;
        }
        if (presented == null) {
            return Decision.UNAUTHORIZED;
        }
        if (settings.isToken(presented) || systemAdmin.test(presented)) {
            return Decision.ALLOWED;
        }
        return Decision.FORBIDDEN;
    }
}
