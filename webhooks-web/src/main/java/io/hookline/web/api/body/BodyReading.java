package io.hookline.web.api.body;

import io.hookline.web.error.BodyReadFailures;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Every {@code /api/v4} body is read through here, so every way of failing to read one ends the same way for
 * every resource: malformed JSON, a JSON value of the wrong type (an array where an object belongs, a bare
 * string, {@code null}), invalid UTF-8 are 400 {@value BodyReadFailures#INVALID_BODY} naming the body; a body
 * past the cap is 413. Converted here, where the failure is known to be the body's, rather than guessed from
 * whatever the JAX-RS runtime wraps it in (each wraps differently); {@link BodyReadFailures} decides.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodyReading implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String what = BodyNames.of(context.getType());
        Object body;
        try {
            body = context.proceed();
        } catch (WebApplicationException runtimeAnswer) {
            // The runtime's own verdict (415, 400): its mapper answers it, with the cause's meaning if it has one.
            throw runtimeAnswer;
        } catch (IOException | RuntimeException unreadable) {
            throw BodyReadFailures.of(unreadable, what).orElseGet(() -> BodyReadFailures.invalidBody(what));
        } catch (StackOverflowError tooDeep) {
            // A parser without a nesting limit recursing into 100,000 brackets: the input's fault.
            throw BodyReadFailures.invalidBody(what);
        }
        if (body == null || !context.getType().isInstance(body)) {
            // JSON null (no body where one is required), or a JSON-P reader's value of another kind than the method
            // takes (a string where a JsonObject belongs), which the runtime would only notice when it calls the
            // method, as a 500 of its own.
            throw BodyReadFailures.invalidBody(what);
        }
        return body;
    }
}
