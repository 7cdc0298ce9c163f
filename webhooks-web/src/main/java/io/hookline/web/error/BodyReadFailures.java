package io.hookline.web.error;

import io.hookline.api.error.HooklineException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;
import java.nio.charset.CharacterCodingException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides what a failure to read an {@code /api/v4} request body means for the client: 413
 * when the body went past the cap ({@link RequestBodyTooLargeException}), 400
 * {@value #INVALID_BODY} for anything the client sent wrong (malformed JSON, a JSON value of the wrong type,
 * invalid UTF-8, no body where one is required), as Mattermost answers them.
 * <p>
 * Only Jakarta types are recognised, found anywhere in the cause chain: each JAX-RS runtime wraps a parser's
 * failure its own way (Jersey in a {@link ProcessingException}, RESTEasy in its own reader exception around one,
 * either of them in a {@link BadRequestException} for an empty body), and none of them may turn a client's
 * mistake into a 500.
 */
public final class BodyReadFailures {

    /** Mattermost's id for a request body it cannot use. */
    public static final String INVALID_BODY = "api.context.invalid_body_param.app_error";
    /** Mattermost names its 413s per endpoint ({@code api.*.too_large.app_error}); this is the one for any body. */
    public static final String TOO_LARGE = "api.context.request_body_too_large.app_error";
    /** Causes followed at most; real chains are three or four deep, a cyclic or absurd one stops here. */
    private static final int MAX_CHAIN = 32;

    private BodyReadFailures() {}

    /** 400 naming what was wrong, in Mattermost's words ("Invalid or missing channel in request body."). */
    public static HooklineException invalidBody(String what) {
        return HooklineException.badRequest(INVALID_BODY, "Invalid or missing " + what + " in request body.");
    }

    public static HooklineException tooLarge(long maxBytes) {
        return new HooklineException(413, TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
    }

    /**
     * What a failure means for the client when it came from reading a request body (whoever wrapped it), with
     * {@code what} naming the body; empty when it is no such failure and stays the caller's to answer.
     */
    public static Optional<HooklineException> of(Throwable failure, String what) {
        boolean readFailure = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge(tooLarge.maxBytes()));
            }
            if (t instanceof HooklineException known) {
                return Optional.of(known);
            }
            readFailure |= isReadFailure(t);
        }
        return readFailure ? Optional.of(invalidBody(what)) : Optional.empty();
    }

    /**
     * A parser's or a reader's failure: the input was wrong. Not a bare {@link JsonException} or
     * {@link ProcessingException} with nothing of the input below it: our own code and the runtimes raise those
     * for their own faults too (building a JSON answer, a missing provider), and those stay 500s.
     */
    private static boolean isReadFailure(Throwable t) {
        return t instanceof JsonParsingException
                || t instanceof JsonbException
                || t instanceof CharacterCodingException
                || t instanceof NoContentException
                || t instanceof BadRequestException;
    }
}
