package io.hookline.ejb.metrics;

import io.hookline.ejb.config.DeploymentConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The deployment settings of {@code GET /metrics}, read once at deployment (see README "Metrics"):
 * <ul>
 * <li>{@value #ENABLED}: {@code true}/{@code on} serves the endpoint; anything else (the default) answers 404;</li>
 * <li>{@value #TOKEN}: when set, a scraper may send {@code Authorization: Bearer <token>}; a system admin's session
 * or personal access token is accepted either way. A token shorter than {@value #MIN_TOKEN_LENGTH} characters is
 * refused with a warning and the endpoint stays off: a guessable token would publish the meters;</li>
 * <li>{@value #MAX_HOOKS}: hooks counted under a label of their own ({@value #DEFAULT_MAX_HOOKS}; 0 to
 * {@value #MAX_MAX_HOOKS}); the rest share one.</li>
 * </ul>
 *
 * @param enabled whether the endpoint answers at all
 * @param token the scrape token; empty when none is set (then only a system admin's token is accepted)
 * @param maxHooks hooks with a per-hook label of their own
 */
public record MetricsSettings(boolean enabled, Optional<String> token, int maxHooks) {

    public static final String ENABLED = "HOOKLINE_METRICS_ENABLED";
    public static final String TOKEN = "HOOKLINE_METRICS_TOKEN";
    public static final String MAX_HOOKS = "HOOKLINE_METRICS_MAX_HOOKS";

    /** 16 characters of the base32 alphabet Hookline's ids use are 80 bits: out of reach of guessing over HTTP. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Enough for the hooks of a small team, few enough that a large installation's scrape stays small. */
    public static final int DEFAULT_MAX_HOOKS = 100;

    public static final int MIN_MAX_HOOKS = 0;
    public static final int MAX_MAX_HOOKS = 10_000;

    private static final Logger LOG = Logger.getLogger(MetricsSettings.class.getName());

    /** The settings as deployed. */
    public static MetricsSettings fromDeployment() {
        return of(
                DeploymentConfig.get(ENABLED),
                DeploymentConfig.get(TOKEN),
                DeploymentConfig.integer(MAX_HOOKS, DEFAULT_MAX_HOOKS, MIN_MAX_HOOKS, MAX_MAX_HOOKS),
                LOG::warning);
    }

    /** The settings from their raw values; {@code warn} hears why a value was not taken. */
    static MetricsSettings of(Optional<String> enabled, Optional<String> token, int maxHooks, Consumer<String> warn) {
        boolean on = enabled.map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "true", "on" -> true;
                    case "false", "off" -> false;
                    default -> {
                        warn.accept(ENABLED + " must be true or false; /metrics stays off");
                        yield false;
                    }
                })
                .orElse(false);
        Optional<String> trimmed = token.map(String::trim).filter(value -> !value.isEmpty());
        if (trimmed.isPresent() && trimmed.get().length() < MIN_TOKEN_LENGTH) {
            if (on) {
                warn.accept(TOKEN + " is shorter than " + MIN_TOKEN_LENGTH + " characters; /metrics stays off");
            }
            return new MetricsSettings(false, Optional.empty(), maxHooks);
        }
        return new MetricsSettings(on, trimmed, maxHooks);
    }

    /** Whether {@code presented} is the scrape token, compared in constant time (no token set: never). */
    public boolean isToken(String presented) {
        if (token.isEmpty() || presented == null) {
            return false;
        }
        // Digests first: MessageDigest.isEqual is constant-time for equal lengths, and these always are.
        return MessageDigest.isEqual(sha256(token.get()), sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", impossible);
        }
    }
}
