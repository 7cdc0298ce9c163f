package io.hookline.ejb.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole-number deployment settings: the value within its bounds, the fallback otherwise. */
class DeploymentConfigTest {

    private static final String NAME = "HOOKLINE_TEST_DEPLOYMENT_CONFIG_INTEGER";

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    private static int read(String value) {
        if (value == null) {
            System.clearProperty(NAME);
        } else {
            System.setProperty(NAME, value);
        }
        return DeploymentConfig.integer(NAME, 50, 1, 100);
    }

    @Test
    void unsetIsTheFallback() {
        assertEquals(50, read(null));
        assertEquals(50, read("  "));
    }

    @Test
    void atTheBoundsIsTheValue() {
        assertEquals(1, read("1"));
        assertEquals(100, read("100"));
        assertEquals(7, read(" 7 "));
    }

    @Test
    void pastTheBoundsOrNoNumberIsTheFallback() {
        assertEquals(50, read("0"));
        assertEquals(50, read("101"));
        assertEquals(50, read("ten"));
        assertEquals(50, read("99999999999"));
    }
}
