package io.hookline.web.api.body;

import io.hookline.web.error.BodyReadFailures;
import io.hookline.web.error.RequestBodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * What is left of an {@code /api/v4} body once its reader has stopped: a body past the cap is 413 however early the
 * reader gave up. A JSON reader may refuse a body at its first byte (an opening brace where a JSON array belongs) or
 * read to its end, and where it stops differs from one runtime to the next: without this the same chunked body past
 * the cap, an unfinished object sent where an array belongs, was 413 on Payara and 400 on WildFly. Draining costs at
 * most the cap: the {@link CappedBody} below refuses the first byte past it, and the container would have to read (or
 * discard) the rest anyway to answer on the same connection.
 */
final class RestOfBody {

    private RestOfBody() {}

    /**
     * Drains the request's {@link CappedBody} itself, not the stream the reader was handed: by then that one may be
     * closed or wrapped (on WildFly, draining it found nothing; a closed {@code PushbackInputStream} reads no more),
     * while closing the capped body leaves the container's stream open. A request without a capped body (none passed
     * ApiBodyLimitFilter) is left alone: its rest could be of any size.
     */
    static void refuseIfPastCap(HttpServletRequest request) {
        InputStream body;
        try {
            body = request.getInputStream();
        } catch (IOException | IllegalStateException unavailable) {
            return; // read as characters, or not at all: nothing to drain here
        }
        if (body instanceof CappedBody capped) {
            refuseIfPastCap(capped);
        }
    }

    /**
     * Reads {@code body} to its end, discarding it; throws the 413 when it goes past the cap. Any other failure to
     * read the rest (a sender hanging up, invalid UTF-8 further on) leaves the verdict already reached alone.
     */
    static void refuseIfPastCap(InputStream body) {
        byte[] discard = new byte[8192];
        try {
            while (body.read(discard) >= 0) {
                // nothing kept: only whether the body ends within the cap matters
            }
        } catch (RequestBodyTooLargeException pastCap) {
            throw BodyReadFailures.tooLarge(pastCap.maxBytes());
        } catch (IOException unreadable) {
            // the rest cannot be read: the answer stays what the body's first part earned
        }
    }
}
