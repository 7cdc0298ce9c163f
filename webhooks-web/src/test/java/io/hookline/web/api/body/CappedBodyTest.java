package io.hookline.web.api.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.web.error.RequestBodyTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CappedBodyTest {

    private static final int CAP = 1000;

    /** A servlet stream over bytes that counts how many were asked of it. */
    static final class Source extends ServletInputStream {
        private final InputStream in;
        long handedOut;

        Source(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            handedOut += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            handedOut += Math.max(n, 0);
            return n;
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
    }

    private static byte[] spaces(int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) ' ');
        return bytes;
    }

    @Test
    void aBodyExactlyAtTheCapIsReadWhole() throws IOException {
        byte[] body = spaces(CAP);
        assertArrayEquals(body, new CappedBody(new Source(body), CAP).readAllBytes());
    }

    @Test
    void oneBytePastTheCapFailsAndNoMoreIsReadFromBelow() {
        Source source = new Source(spaces(10 * CAP));
        CappedBody capped = new CappedBody(source, CAP);
        RequestBodyTooLargeException e = assertThrows(RequestBodyTooLargeException.class, capped::readAllBytes);
        assertEquals(CAP, e.maxBytes());
        assertEquals(CAP + 1, source.handedOut, "never more than the cap and one byte taken from the connection");
    }

    @Test
    void byteByByteReadsAreCappedToo() throws IOException {
        CappedBody capped = new CappedBody(new Source(spaces(CAP + 1)), CAP);
        for (int i = 0; i < CAP; i++) {
            assertEquals(' ', capped.read());
        }
        assertThrows(RequestBodyTooLargeException.class, capped::read);
    }

    @Test
    void invalidUtf8IsAReadFailure() {
        byte[] body = {'{', '"', (byte) 0xC3, '(', '"', '}'};
        assertThrows(MalformedInputException.class, () -> new CappedBody(new Source(body), CAP).readAllBytes());
        byte[] cutOff = {'"', (byte) 0xE2, (byte) 0x82};
        assertThrows(MalformedInputException.class, () -> new CappedBody(new Source(cutOff), CAP).readAllBytes());
    }
}
