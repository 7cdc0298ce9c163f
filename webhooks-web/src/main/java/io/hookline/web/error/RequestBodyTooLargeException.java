package io.hookline.web.error;

import java.io.IOException;

/**
 * Thrown by a capped request body stream as soon as more than its cap has been read. An {@link IOException},
 * so that every parser passes it up as a failed read, wrapped however it likes; {@link BodyReadFailures} finds
 * it in the chain and answers 413.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    public RequestBodyTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
