package io.hookline.ejb.setup;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Settings that belong to the deployment rather than to the admins: read from the server's
 * environment (or a JVM system property of the same name, handy with {@code asadmin create-jvm-options}).
 */
public final class DeploymentConfig {

    static final String ADMIN_USERNAME = "HOOKLINE_ADMIN_USERNAME";
    static final String ADMIN_PASSWORD = "HOOKLINE_ADMIN_PASSWORD";

    private static final Logger LOG = Logger.getLogger(DeploymentConfig.class.getName());

    private DeploymentConfig() {
    }

    public static Optional<String> get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code fallback} when unset, and (with a warning naming
     * the setting) when it is no number or out of range: a mistyped tuning knob should not stop a deployment.
     */
    public static int integer(String name, int fallback, int min, int max) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // warned below
        }
        LOG.warning(() -> name + " must be a whole number from " + min + " to " + max + "; using " + fallback);
        return fallback;
    }
}
