package io.hookline.web.hooks;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A {@code /hooks} request whose body is watched as it is read: the bytes read (for {@link HookAccessLog}) and
 * whether reading failed (for {@link ClientAbortFilter}). One wrapper and one body stream per request, whichever
 * of the two filters asks first ({@link #of}).
 */
final class ObservedRequest extends HttpServletRequestWrapper {

    private long bytesRead;
    private volatile boolean bodyFailed;
    private ServletInputStream observed;

    private ObservedRequest(HttpServletRequest request) {
        super(request);
    }

    /** The request itself when a filter in front already wraps it, else a new wrapper. */
    static ObservedRequest of(HttpServletRequest request) {
        return request instanceof ObservedRequest already ? already : new ObservedRequest(request);
    }

    long bytesRead() {
        return bytesRead;
    }

    boolean bodyFailed() {
        return bodyFailed;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (observed == null) {
            observed = new ObservedBody(super.getInputStream(), new ObservedBody.Observer() {
                @Override
                public void read(int bytes) {
                    bytesRead += bytes;
                }

                @Override
                public void failed() {
                    bodyFailed = true;
                }
            });
        }
        return observed;
    }
}
