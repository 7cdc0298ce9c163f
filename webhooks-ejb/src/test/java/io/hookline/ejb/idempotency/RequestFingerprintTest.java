package io.hookline.ejb.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fingerprint tells apart every part that changes the answer, and nothing else. */
class RequestFingerprintTest {

    private static final byte[] BODY = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameRequestHasTheSameSha256() {
        String first = RequestFingerprint.of("application/json", null, BODY);
        assertEquals(first, RequestFingerprint.of("application/json", null, BODY.clone()));
        assertEquals(RequestFingerprint.LENGTH, first.length());
        assertTrue(first.matches("[0-9a-f]{64}"), first);
    }

    @Test
    void anotherBodyTypeOrQueryIsAnotherRequest() {
        String base = RequestFingerprint.of("application/json", null, BODY);
        assertNotEquals(base, RequestFingerprint.of("application/json", null, "{\"text\":\"ho\"}".getBytes()));
        assertNotEquals(base, RequestFingerprint.of("application/x-www-form-urlencoded", null, BODY));
        assertNotEquals(base, RequestFingerprint.of("application/json", "wait=true", BODY));
        assertNotEquals(base, RequestFingerprint.of(null, null, BODY));
        assertNotEquals(
                RequestFingerprint.of("", null, BODY),
                RequestFingerprint.of(null, null, BODY),
                "an empty header is not a missing one");
    }

    @Test
    void partsCannotBeShiftedIntoEachOther() {
        // Without length prefixes "ab" + "c" and "a" + "bc" would hash alike.
        assertNotEquals(RequestFingerprint.of("ab", "c", new byte[0]), RequestFingerprint.of("a", "bc", new byte[0]));
        assertNotEquals(RequestFingerprint.of("a", "", "b".getBytes()), RequestFingerprint.of("a", "b", new byte[0]));
    }
}
