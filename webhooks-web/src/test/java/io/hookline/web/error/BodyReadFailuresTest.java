package io.hookline.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;

class BodyReadFailuresTest {

    private static final JsonLocation NOWHERE = new JsonLocation() {
        @Override
        public long getLineNumber() {
            return 1;
        }

        @Override
        public long getColumnNumber() {
            return 1;
        }

        @Override
        public long getStreamOffset() {
            return 0;
        }
    };

    private static void assertInvalidBody(Throwable failure) {
        HooklineException e = BodyReadFailures.of(failure, "channel")
                .orElseThrow(() -> new AssertionError("not recognised: " + failure));
        assertEquals(400, e.status());
        assertEquals("api.context.invalid_body_param.app_error", e.id());
        assertEquals("Invalid or missing channel in request body.", e.getMessage());
    }

    @Test
    void parseFailuresAreInvalidBodyHoweverTheRuntimeWrapsThem() {
        JsonParsingException parse = new JsonParsingException("Unexpected char", NOWHERE);
        assertInvalidBody(parse);
        assertInvalidBody(new ProcessingException("Error deserializing object", new JsonbException("bad", parse)));
        assertInvalidBody(new RuntimeException("a runtime's reader exception", new ProcessingException("x", parse)));
        assertInvalidBody(new RuntimeException(new NoContentException("empty")));
        assertInvalidBody(new JsonException("I/O error while parsing", new MalformedInputException(1)));
        assertInvalidBody(new JsonbException("wrong type"));
    }

    @Test
    void aBodyPastTheCapIs413WhereverItIsInTheChain() {
        Throwable wrapped = new ProcessingException(
                "read failed", new JsonException("I/O error", new RequestBodyTooLargeException(1024)));
        HooklineException e = BodyReadFailures.of(wrapped, "body").orElseThrow();
        assertEquals(413, e.status());
        assertEquals("api.context.request_body_too_large.app_error", e.id());
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void ourOwnAnswerInsideAWrapperIsKept() {
        HooklineException known = HooklineException.badRequest("x", "y");
        assertSame(
                known,
                BodyReadFailures.of(new ProcessingException(known), "body").orElseThrow());
    }

    /** Not the input's fault: our own JSON-building failure, a bare runtime failure, an I/O error with no parse. */
    @Test
    void otherFailuresStayTheCallersToAnswer() {
        assertTrue(BodyReadFailures.of(new JsonException("could not build"), "body")
                .isEmpty());
        assertTrue(BodyReadFailures.of(new ProcessingException("no provider"), "body")
                .isEmpty());
        assertTrue(BodyReadFailures.of(new UncheckedIOException(new IOException("disk")), "body")
                .isEmpty());
        assertTrue(BodyReadFailures.of(new IllegalStateException("bug"), "body").isEmpty());
    }

    @Test
    void aCyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertTrue(BodyReadFailures.of(a, "body").isEmpty());
    }
}
