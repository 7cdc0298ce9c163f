package io.hookline.ejb.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

    @Test
    void notMigratedYetIsNotReady() {
        assertEquals(Status.DOWN, SchemaCheck.answer(null).getStatus());
    }

    @Test
    void migratedIsReadyAndSaysItsVersion() {
        var answer = SchemaCheck.answer("14");
        assertEquals(Status.UP, answer.getStatus());
        assertEquals(Map.of("version", "14"), answer.getData().orElseThrow());
    }
}
