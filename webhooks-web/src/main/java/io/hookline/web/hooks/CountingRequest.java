package io.hookline.web.hooks;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** A request whose body bytes are counted as they are read, for {@link HookAccessLog}. */
final class CountingRequest extends HttpServletRequestWrapper {

    private long bytesRead;
    private ServletInputStream counting;

    CountingRequest(HttpServletRequest request) {
        super(request);
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (counting == null) {
            counting = new ObservedBody(super.getInputStream(), new ObservedBody.Observer() {
                @Override
                public void read(int bytes) {
                    bytesRead += bytes;
                }
            });
        }
        return counting;
    }
}
