package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Write failures are forgiven only once the sender's body could not be read. */
class HookExchangeFilterTest {

    private static final ServletInputStream HUNG_UP = new ServletInputStream() {
        @Override
        public int read() throws IOException {
            throw new IOException("Connection reset");
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
    };

    private static final ServletOutputStream CLOSED = new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Connection is closed");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("Connection is closed");
        }

        @Override
        public void close() throws IOException {
            throw new IOException("Connection is closed");
        }

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
    };

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> HUNG_UP;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> CLOSED;
                    case "flushBuffer" -> throw new IOException("Connection is closed");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void afterTheBodyFailedAnAnswerThatCannotBeWrittenIsDropped() throws IOException {
        ObservedRequest request = new ObservedRequest(request());
        HookExchangeFilter.ForgivingResponse response = new HookExchangeFilter.ForgivingResponse(response(), request);
        assertThrows(IOException.class, () -> request.getInputStream().read(new byte[10], 0, 10));
        assertTrue(request.bodyFailed());
        ServletOutputStream out = response.getOutputStream();
        assertDoesNotThrow(() -> out.write(new byte[] {'x'}, 0, 1));
        assertDoesNotThrow(out::flush);
        assertDoesNotThrow(out::close);
        assertDoesNotThrow(response::flushBuffer);
    }

    @Test
    void whileTheBodyWasFineAWriteFailureIsStillAFailure() throws IOException {
        ObservedRequest request = new ObservedRequest(request());
        HookExchangeFilter.ForgivingResponse response = new HookExchangeFilter.ForgivingResponse(response(), request);
        ServletOutputStream out = response.getOutputStream();
        assertThrows(IOException.class, out::flush);
        assertThrows(IOException.class, out::close);
        assertThrows(IOException.class, response::flushBuffer);
    }
}
