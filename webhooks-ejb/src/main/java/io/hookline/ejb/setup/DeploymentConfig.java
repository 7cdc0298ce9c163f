package io.hookline.ejb.setup;

import java.util.Optional;

/**
 * Settings that belong to the deployment rather than to the admins: read from the server's
 * environment (or a JVM system property of the same name, handy with {@code asadmin create-jvm-options}).
 */
public final class DeploymentConfig {

    static final String ADMIN_USERNAME = "HOOKLINE_ADMIN_USERNAME";
    static final String ADMIN_PASSWORD = "HOOKLINE_ADMIN_PASSWORD";

    private DeploymentConfig() {
    }

    public static Optional<String> get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
