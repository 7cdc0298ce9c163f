package io.hookline.web.hooks;

import io.hookline.web.servlet.ForwardingServletInputStream;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A {@code /hooks} request whose body is counted as it is read, once, for both logs: the bytes read (the access
 * log's {@code in=}), whether the body was read to its end (the delivery log's size), and whether reading failed
 * (the sender hung up: {@link HookExchangeFilter} then forgives the answer's failure to reach it). Made by
 * {@link HookExchangeFilter} only; every reader of the body (JAX-RS, the resources) reads through it.
 */
final class ObservedRequest extends HttpServletRequestWrapper {

    private long bytesRead;
    private boolean ended;
    private volatile boolean bodyFailed;
    private ServletInputStream observed;

    ObservedRequest(HttpServletRequest request) {
        super(request);
    }

    long bytesRead() {
        return bytesRead;
    }

    boolean bodyFailed() {
        return bodyFailed;
    }

    /**
     * The body's size as the delivery log shows it: the bytes read when the body was read to its end (a
     * Content-Length that lies is not believed then), otherwise (refused before or while reading) the
     * Content-Length when there is one, else what was read; {@code contentLength} -1 when absent.
     */
    long size(long contentLength) {
        if (ended || contentLength < 0) {
            return bytesRead;
        }
        return Math.max(bytesRead, contentLength);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (observed == null) {
            observed = new ObservedBody(super.getInputStream());
        }
        return observed;
    }

    /** The container's body stream, counted as it is read; skip is InputStream's, a read like any other. */
    private final class ObservedBody extends ForwardingServletInputStream {

        ObservedBody(ServletInputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return counted(in.read(), 1);
            } catch (IOException failed) {
                bodyFailed = true;
                throw failed;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = in.read(buffer, offset, length);
                return n < 0 ? counted(n, 0) : counted(n, n);
            } catch (IOException failed) {
                bodyFailed = true;
                throw failed;
            }
        }

        /** {@code result} passed through; a negative one is the body's end. */
        private int counted(int result, int bytes) {
            if (result < 0) {
                ended = true;
            } else {
                bytesRead += bytes;
            }
            return result;
        }
    }
}
