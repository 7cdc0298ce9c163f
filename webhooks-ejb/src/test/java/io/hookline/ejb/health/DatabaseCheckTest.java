package io.hookline.ejb.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DatabaseCheckTest {

    /** A database state that reads as given, without a data source. */
    private static DatabaseHealth reading(boolean up) {
        return new DatabaseHealth() {
            @Override
            public boolean isUp() {
                return up;
            }
        };
    }

    @Test
    void aDatabaseThatIsDownMakesTheServerNotReady() {
        var answer = new DatabaseCheck(reading(false)).call();
        assertEquals(Status.DOWN, answer.getStatus());
        assertEquals(DatabaseCheck.NAME, answer.getName());
    }

    @Test
    void aDatabaseThatAnswersIsUp() {
        var answer = new DatabaseCheck(reading(true)).call();
        assertEquals(Status.UP, answer.getStatus());
        assertEquals(
                DatabaseHealth.RECHECK_MILLIS, answer.getData().orElseThrow().get("checked_at_most_every_ms"));
    }

    @Test
    void aDatabaseMarkedUnreachableIsDownAtOnce() {
        DatabaseHealth health = new DatabaseHealth();
        health.markUnreachable();
        assertEquals(Status.DOWN, new DatabaseCheck(health).call().getStatus());
    }
}
