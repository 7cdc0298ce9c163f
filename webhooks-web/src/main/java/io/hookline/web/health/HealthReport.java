package io.hookline.web.health;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * A set of check answers in MicroProfile Health's JSON ({@code {"status":"UP","checks":[{"name":…,"status":…,
 * "data":{…}}]}}): UP only when every check is UP, and UP when there is no check, as the specification says.
 */
public record HealthReport(Status status, List<HealthCheckResponse> checks) {

    /**
     * Looked up once: {@code Json.createObjectBuilder()} asks the ServiceLoader for a provider on every call, and on
     * Payara that scans every jar of the application under a lock (the ping spent most of its time there).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static HealthReport of(List<HealthCheckResponse> checks) {
        boolean up = checks.stream().allMatch(c -> c.getStatus() == Status.UP);
        // Sorted by name: the order CDI hands the checks over is not defined, an answer's should be.
        List<HealthCheckResponse> sorted = checks.stream()
                .sorted(java.util.Comparator.comparing(HealthCheckResponse::getName))
                .toList();
        return new HealthReport(up ? Status.UP : Status.DOWN, sorted);
    }

    public boolean isUp() {
        return status == Status.UP;
    }

    public String toJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (HealthCheckResponse check : checks) {
            JsonObjectBuilder entry = JSON.createObjectBuilder()
                    .add("name", check.getName())
                    .add("status", check.getStatus().name());
            check.getData().filter(d -> !d.isEmpty()).ifPresent(d -> entry.add("data", data(d)));
            array.add(entry);
        }
        return JSON.createObjectBuilder()
                .add("status", status.name())
                .add("checks", array)
                .build()
                .toString();
    }

    /** The specification allows strings, numbers and booleans as data values. */
    private static JsonObjectBuilder data(Map<String, Object> data) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        data.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Object value = e.getValue();
            if (value instanceof Boolean b) {
                object.add(e.getKey(), b);
            } else if (value instanceof Long || value instanceof Integer) {
                object.add(e.getKey(), ((Number) value).longValue());
            } else if (value instanceof Number n) {
                object.add(e.getKey(), n.doubleValue());
            } else {
                object.add(e.getKey(), String.valueOf(value));
            }
        });
        return object;
    }
}
