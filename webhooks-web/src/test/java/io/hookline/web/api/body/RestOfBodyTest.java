package io.hookline.web.api.body;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import io.hookline.web.api.body.CappedBodyTest.Source;
import io.hookline.web.error.BodyReadFailures;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RestOfBodyTest {

    private static final int CAP = 1000;

    private static CappedBody capped(int size, int alreadyRead) throws IOException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        CappedBody body = new CappedBody(new Source(bytes), CAP);
        body.readNBytes(alreadyRead);
        return body;
    }

    @Test
    void aBodyRefusedAtItsFirstByteIsStill413WhenItGoesPastTheCap() throws IOException {
        HooklineException refusal =
                assertThrows(HooklineException.class, () -> RestOfBody.refuseIfPastCap(capped(CAP + 1, 1)));
        assertEquals(413, refusal.status());
        assertEquals(BodyReadFailures.TOO_LARGE, refusal.id());
    }

    @Test
    void aBodyThatEndsAtTheCapLeavesTheVerdictAlone() throws IOException {
        CappedBody body = capped(CAP, 1);
        assertDoesNotThrow(() -> RestOfBody.refuseIfPastCap(body));
        assertEquals(-1, body.read(), "drained to its end");
    }

    @Test
    void aBodyAlreadyReadWholeCostsNothing() throws IOException {
        assertDoesNotThrow(() -> RestOfBody.refuseIfPastCap(capped(10, 10)));
    }

    @Test
    void aRestThatCannotBeReadLeavesTheVerdictAlone() {
        InputStream hungUp = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertDoesNotThrow(() -> RestOfBody.refuseIfPastCap(hungUp));
    }
}
