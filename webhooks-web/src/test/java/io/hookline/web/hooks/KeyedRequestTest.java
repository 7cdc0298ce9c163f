package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.idempotency.KeyDecision;
import io.hookline.ejb.idempotency.KeyRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a keyed request hands the write: the answer HookResource sends, and nothing without a key. */
class KeyedRequestTest {

    private static final HookDestination DESTINATION = new HookDestination("channel", List.of("post"));

    @Test
    void withoutAKeyNothingIsRecorded() {
        assertNull(KeyedRequest.NONE
                .recording(posted -> HookResource.answer(posted, false))
                .apply(DESTINATION));
    }

    @Test
    void theRecordHoldsExactlyTheAnswerTheResourceSends() {
        KeyedRequest keyed = new KeyedRequest("hook", "key");
        keyed.decided("f".repeat(64), KeyDecision.NEW);
        KeyRecord record =
                keyed.recording(posted -> HookResource.answer(posted, false)).apply(DESTINATION);
        assertEquals("hook", record.hookId());
        assertEquals("key", record.key());
        assertEquals(200, record.answer().status());
        assertEquals("text/plain;charset=UTF-8", record.answer().contentType());
        assertArrayEquals("ok".getBytes(), record.answer().body());
        assertEquals(HookResource.answer(DESTINATION, false), record.answer());
    }

    @Test
    void aKeyedWriteWithoutTheLookUpIsABug() {
        KeyedRequest keyed = new KeyedRequest("hook", "key");
        assertThrows(IllegalStateException.class, () -> keyed.recording(posted -> HookResource.answer(posted, false)));
    }
}
