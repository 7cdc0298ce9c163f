package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Reading a hook body: capped, and a sender that hangs up mid-body gets a 400, not a server error. */
class HookResourceTest {

    @Test
    void aBodyAtTheCapIsReadAndOneByteMoreIs413() {
        byte[] atCap = new byte[100];
        assertArrayEquals(atCap, HookResource.readCapped(new ByteArrayInputStream(atCap), 100));
        HooklineException tooLarge = assertThrows(
                HooklineException.class, () -> HookResource.readCapped(new ByteArrayInputStream(new byte[101]), 100));
        assertEquals(413, tooLarge.status());
        assertEquals("payload_too_large", tooLarge.id());
    }

    @Test
    void aBodyCutOffMidwayIsTheSendersInvalidPayload() {
        InputStream hungUp = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 10) {
                    return 'x';
                }
                throw new EOFException("Unexpected end of stream");
            }
        };
        HooklineException aborted = assertThrows(HooklineException.class, () -> HookResource.readCapped(hungUp, 100));
        assertEquals(400, aborted.status());
        assertEquals("invalid_payload", aborted.id());
    }
}
