package io.hookline.web.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogGateTest {

    @Test
    void opensOncePerInterval() {
        LogGate gate = new LogGate(10_000);
        assertTrue(gate.open(1_000_000), "the first failure is logged");
        assertFalse(gate.open(1_000_001));
        assertFalse(gate.open(1_009_999), "one millisecond before the interval ends");
        assertTrue(gate.open(1_010_000), "exactly at the interval");
        assertFalse(gate.open(1_010_000));
    }
}
