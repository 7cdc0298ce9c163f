package io.hookline.ejb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.testing.LogCapture;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deployment settings through MicroProfile Config (SmallRye Config here, WildFly's implementation; Payara's
 * follows the same specification): the names deployers already use, and the rules every setting follows.
 */
class DeploymentConfigTest {

    private static final String NAME = "HOOKLINE_TEST_DEPLOYMENT_CONFIG_INTEGER";
    private static final String OUT_OF_RANGE = NAME + " must be a whole number from 1 to 100; using 50";

    @RegisterExtension
    final LogCapture log = LogCapture.of(DeploymentConfig.class);

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    /** Read through the application's config (ConfigProvider), whose system-property source is live. */
    private static int read(String value) {
        if (value == null) {
            System.clearProperty(NAME);
        } else {
            System.setProperty(NAME, value);
        }
        return DeploymentConfig.integer(NAME, 50, 1, 100);
    }

    /** A config with an environment and system properties as given, MP Config's default ordinals. */
    private static Config config(Map<String, String> environment, Map<String, String> systemProperties) {
        return ConfigProviderResolver.instance()
                .getBuilder()
                .withSources(
                        new EnvConfigSource(environment, 300),
                        new PropertiesConfigSource(systemProperties, "system properties", 400))
                .build();
    }

    @Test
    void unsetIsTheFallback() {
        assertEquals(50, read(null));
        assertEquals(50, read(""));
        assertEquals(50, read("  "));
        log.expectNone(Level.WARNING);
    }

    @Test
    void atTheBoundsIsTheValue() {
        assertEquals(1, read("1"));
        assertEquals(100, read("100"));
        assertEquals(7, read(" 7 "));
        log.expectNone(Level.WARNING);
    }

    @Test
    void pastTheBoundsOrNoNumberIsTheFallback() {
        assertEquals(50, read("0"));
        assertEquals(50, read("101"));
        assertEquals(50, read("ten"));
        assertEquals(50, read("99999999999"));
        // each a warning that names the setting, its range and what is used instead
        log.expectExactly(4, Level.WARNING, OUT_OF_RANGE);
    }

    @Test
    void anInjectedSettingFollowsTheSameRules() {
        assertEquals(50, DeploymentConfig.integer(NAME, Optional.empty(), 50, 1, 100));
        assertEquals(50, DeploymentConfig.integer(NAME, Optional.of(" "), 50, 1, 100));
        assertEquals(50, DeploymentConfig.integer(NAME, Optional.of("0"), 50, 1, 100));
        assertEquals(9, DeploymentConfig.integer(NAME, Optional.of("9"), 50, 1, 100));
        assertEquals(Optional.empty(), DeploymentConfig.present(Optional.of("  ")));
        assertEquals(Optional.of("x"), DeploymentConfig.present(Optional.of("x")));
        log.expectExactly(1, Level.WARNING, OUT_OF_RANGE);
    }

    @Test
    void anEnvironmentVariableIsReadByItsExactHooklineName() {
        Config config =
                config(Map.of(DeploymentConfig.ADMIN_USERNAME, "root", "HOOKLINE_HSTS", "max-age=60"), Map.of());
        assertEquals(Optional.of("root"), DeploymentConfig.get(config, DeploymentConfig.ADMIN_USERNAME));
        assertEquals(Optional.of("max-age=60"), DeploymentConfig.get(config, "HOOKLINE_HSTS"));
        assertEquals(Optional.empty(), DeploymentConfig.get(config, DeploymentConfig.ADMIN_PASSWORD));
    }

    @Test
    void aSystemPropertyOfTheSameNameIsReadAndWinsOverTheEnvironment() {
        assertEquals(
                Optional.of("from-jvm"),
                DeploymentConfig.get(
                        config(Map.of(), Map.of(DeploymentConfig.ADMIN_USERNAME, "from-jvm")),
                        DeploymentConfig.ADMIN_USERNAME));
        assertEquals(
                Optional.of("from-jvm"),
                DeploymentConfig.get(
                        config(
                                Map.of(DeploymentConfig.ADMIN_USERNAME, "from-env"),
                                Map.of(DeploymentConfig.ADMIN_USERNAME, "from-jvm")),
                        DeploymentConfig.ADMIN_USERNAME));
    }

    @Test
    void anEmptyOrBlankValueIsUnset() {
        Config config =
                config(Map.of(DeploymentConfig.ADMIN_USERNAME, "", DeploymentConfig.ADMIN_PASSWORD, "   "), Map.of());
        assertEquals(Optional.empty(), DeploymentConfig.get(config, DeploymentConfig.ADMIN_USERNAME));
        assertEquals(Optional.empty(), DeploymentConfig.get(config, DeploymentConfig.ADMIN_PASSWORD));
    }
}
