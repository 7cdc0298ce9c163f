package io.hookline.web.api.body;

import io.hookline.web.error.RequestBodyTooLargeException;
import io.hookline.web.servlet.ForwardingServletInputStream;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that fails as soon as more than {@code maxBytes} have been read
 * ({@link RequestBodyTooLargeException}) or a byte breaks UTF-8 ({@link Utf8Check}), so that whatever parses it
 * never sees, nor buffers, more than the cap. The failures are {@link IOException}s: every parser passes them up.
 */
final class CappedBody extends ForwardingServletInputStream {

    private final long maxBytes;
    private final Utf8Check utf8 = new Utf8Check();
    private long count;

    CappedBody(ServletInputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Never ask for more than one byte past the cap: a body far larger is refused after cap + 1 bytes.
        long room = maxBytes - count + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, room));
        if (n < 0) {
            utf8.end();
            return n;
        }
        count += n;
        if (count > maxBytes) {
            throw new RequestBodyTooLargeException(maxBytes);
        }
        utf8.check(buffer, offset, n);
        return n;
    }

    /**
     * Leaves the container's stream open: a reader closing its stream must not stop {@link RestOfBody} from draining
     * the rest against the cap. The container ends the request's body itself.
     */
    @Override
    public void close() {
        // nothing to release: the stream below is the container's
    }
}
