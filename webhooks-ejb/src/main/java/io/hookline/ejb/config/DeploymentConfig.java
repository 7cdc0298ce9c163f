package io.hookline.ejb.config;

import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings that belong to the deployment rather than to the admins, read through MicroProfile Config, which
 * Payara and WildFly both ship. Each setting is named {@code HOOKLINE_*}, and that exact name is what the
 * deployer sets: an environment variable (MP Config's environment source matches the exact name first), a JVM
 * system property of the same name ({@code asadmin create-jvm-options}, WildFly's {@code JAVA_OPTS}), or any
 * config source the server adds (Payara's domain and JNDI sources, WildFly's {@code config-source} resources).
 * Where two sources set the same name, MP Config's ordinals decide: a system property (400) wins over the
 * environment (300).
 *
 * <p>Beans that own a setting inject it ({@code @Inject @ConfigProperty(name = ...) Optional<String>}). This
 * class is the one owner of the rules every setting follows (blank means unset; a whole number out of range is
 * a warning and the default), and the way in for callers that are no beans: static holders, records made once,
 * servlet filters. Those read {@link ConfigProvider#getConfig()}, the application's config for the thread's
 * class loader, which is what injection would give them.
 */
public final class DeploymentConfig {

    public static final String ADMIN_USERNAME = "HOOKLINE_ADMIN_USERNAME";
    public static final String ADMIN_PASSWORD = "HOOKLINE_ADMIN_PASSWORD";

    private static final Logger LOG = Logger.getLogger(DeploymentConfig.class.getName());

    private DeploymentConfig() {}

    /** The setting {@code name} from the application's config; empty when unset or blank. */
    public static Optional<String> get(String name) {
        return get(ConfigProvider.getConfig(), name);
    }

    static Optional<String> get(Config config, String name) {
        return present(config.getOptionalValue(name, String.class));
    }

    /**
     * An injected setting as this class reads every setting: empty when blank (MP Config already treats an empty
     * value as unset; a value of spaces is a deployer's "unset" too).
     */
    public static Optional<String> present(Optional<String> value) {
        return value.filter(text -> !text.isBlank());
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code fallback} when unset, and (with a warning naming
     * the setting) when it is no number or out of range: a mistyped tuning knob should not stop a deployment.
     */
    public static int integer(String name, int fallback, int min, int max) {
        return integer(name, get(name), fallback, min, max);
    }

    /**
     * {@link #integer(String, int, int, int)} for a setting a bean injected as text ({@code Optional<String>},
     * not {@code int}: MP Config would refuse to deploy a value that is no number, where Hookline warns and
     * uses the default).
     */
    public static int integer(String name, Optional<String> value, int fallback, int min, int max) {
        Optional<String> text = present(value);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text.get().trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // warned below
        }
        LOG.warning(() -> name + " must be a whole number from " + min + " to " + max + "; using " + fallback);
        return fallback;
    }
}
