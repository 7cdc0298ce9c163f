package io.hookline.web.hooks;

import jakarta.servlet.ReadListener;
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
            ServletInputStream in = super.getInputStream();
            counting = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        bytesRead++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        bytesRead += n;
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
        return counting;
    }
}
