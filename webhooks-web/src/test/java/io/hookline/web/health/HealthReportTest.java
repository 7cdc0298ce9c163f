package io.hookline.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static HealthCheckResponse check(String name, Status status, Map<String, Object> data) {
        return new HealthCheckResponse(name, status, Optional.of(data));
    }

    @Test
    void everyCheckUpIsUpInMicroProfileHealthsJson() {
        HealthReport report = HealthReport.of(List.of(
                check("schema", Status.UP, Map.of("version", "14")),
                check("database", Status.UP, Map.of("checked_at_most_every_ms", 1000L, "pooled", true))));
        assertTrue(report.isUp());
        assertEquals(
                "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\",\"data\":"
                        + "{\"checked_at_most_every_ms\":1000,\"pooled\":true}},"
                        + "{\"name\":\"schema\",\"status\":\"UP\",\"data\":{\"version\":\"14\"}}]}",
                report.toJson());
    }

    @Test
    void oneCheckDownMakesTheReportDown() {
        HealthReport report = HealthReport.of(
                List.of(check("database", Status.DOWN, Map.of()), check("schema", Status.UP, Map.of("version", "14"))));
        assertFalse(report.isUp());
        assertEquals(
                "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"},"
                        + "{\"name\":\"schema\",\"status\":\"UP\",\"data\":{\"version\":\"14\"}}]}",
                report.toJson());
    }

    @Test
    void noCheckIsUpAsTheSpecificationSays() {
        HealthReport report = HealthReport.of(List.of());
        assertTrue(report.isUp());
        assertEquals("{\"status\":\"UP\",\"checks\":[]}", report.toJson());
    }
}
