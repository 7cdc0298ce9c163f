package io.hookline.ejb.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rule: new, the first answer again, 422 for another request, and new again past the window. */
class KeyDecisionTest {

    private static final long WINDOW = 86_400_000L;
    private static final long STORED_AT = 1_000_000L;
    private static final StoredAnswer OK =
            new StoredAnswer(200, "text/plain;charset=UTF-8", "ok".getBytes(StandardCharsets.US_ASCII));
    private static final StoredKey STORED = new StoredKey("f1", OK, STORED_AT);

    @Test
    void nothingStoredIsNew() {
        KeyDecision decision = KeyDecision.decide(null, "f1", STORED_AT, WINDOW);
        assertSame(KeyDecision.NEW, decision);
        assertFalse(decision.isReplay());
        assertFalse(decision.record("h", "k", "f1", OK, 5).replacesExpired());
    }

    @Test
    void theSameRequestWithinTheWindowGetsTheFirstAnswer() {
        for (long now : new long[] {STORED_AT, STORED_AT + WINDOW - 1}) {
            KeyDecision decision = KeyDecision.decide(STORED, "f1", now, WINDOW);
            assertTrue(decision.isReplay());
            assertEquals(200, decision.replay().status());
            assertArrayEquals(
                    "ok".getBytes(StandardCharsets.US_ASCII), decision.replay().body());
        }
    }

    @Test
    void anotherRequestWithinTheWindowIsA422() {
        HooklineException reused = assertThrows(
                HooklineException.class, () -> KeyDecision.decide(STORED, "f2", STORED_AT + WINDOW - 1, WINDOW));
        assertEquals(422, reused.status());
        assertEquals("idempotency_key_reused", reused.id());
    }

    @Test
    void pastTheWindowTheKeyIsNewAndItsWriteReplacesOnlyTheExpiredRow() {
        long now = STORED_AT + WINDOW;
        for (String fingerprint : new String[] {"f1", "f2"}) {
            KeyDecision decision = KeyDecision.decide(STORED, fingerprint, now, WINDOW);
            assertFalse(decision.isReplay(), "exactly the window's age is expired");
            KeyRecord record = decision.record("h", "k", fingerprint, OK, now);
            assertTrue(record.replacesExpired());
            assertTrue(STORED_AT < record.expiredBefore(), "the expired row is deleted");
            assertFalse(now - WINDOW + 1 < record.expiredBefore(), "a row inside the window never is");
        }
    }

    @Test
    void inFlightIsA409() {
        HooklineException inFlight = KeyDecision.inFlight();
        assertEquals(409, inFlight.status());
        assertEquals("idempotency_key_in_flight", inFlight.id());
    }
}
