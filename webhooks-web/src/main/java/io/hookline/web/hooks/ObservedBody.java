package io.hookline.web.hooks;

import io.hookline.web.servlet.ForwardingServletInputStream;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body stream that tells an observer what happened to it: bytes read, or the read failing. Made once
 * per {@code /hooks} request by {@link ObservedRequest}, for the access log's count and the client-abort
 * filter's "the sender hung up".
 */
final class ObservedBody extends ForwardingServletInputStream {

    /** What a filter wants to hear; both default to nothing. */
    interface Observer {
        default void read(int bytes) {
        }

        default void failed() {
        }
    }

    private final Observer observer;

    ObservedBody(ServletInputStream in, Observer observer) {
        super(in);
        this.observer = observer;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                observer.read(1);
            }
            return b;
        } catch (IOException failed) {
            observer.failed();
            throw failed;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                observer.read(n);
            }
            return n;
        } catch (IOException failed) {
            observer.failed();
            throw failed;
        }
    }
}
