package io.hookline.web.api.body;

import io.hookline.api.error.HooklineException;
import io.hookline.web.error.BodyReadFailures;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Every {@code /api/v4} body is read through here, so every way of failing to read one ends the same way for
 * every resource: malformed JSON, a JSON value of the wrong type (an array where an object belongs, a bare
 * string, {@code null}), invalid UTF-8 are 400 {@value BodyReadFailures#INVALID_BODY} naming the body; a body
 * past the cap is 413. Converted here, where the failure is known to be the body's, rather than guessed from
 * whatever the JAX-RS runtime wraps it in (each wraps differently); {@link BodyReadFailures} decides. Where the
 * reader stopped does not matter: the rest of the body is drained against the cap ({@link RestOfBody}), so a body
 * past it is 413 on every runtime, whether its first bytes were already wrong or not.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodyReading implements ReaderInterceptor {

    /** The /api/v4 request, whose body ApiBodyLimitFilter capped: what is left of it is drained from there. */
    @Context
    private HttpServletRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String what = BodyNames.of(context.getType());
        Object body;
        try {
            body = context.proceed();
        } catch (WebApplicationException runtimeAnswer) {
            // The runtime's own verdict (415, 400): its mapper answers it, with the cause's meaning if it has one; a
            // body past the cap is 413 all the same.
            if (runtimeAnswer.getResponse().getStatus() == 400) {
                RestOfBody.refuseIfPastCap(request);
            }
            throw runtimeAnswer;
        } catch (IOException | RuntimeException unreadable) {
            HooklineException verdict =
                    BodyReadFailures.of(unreadable, what).orElseGet(() -> BodyReadFailures.invalidBody(what));
            throw refused(verdict);
        } catch (StackOverflowError tooDeep) {
            // A parser without a nesting limit recursing into 100,000 brackets: the input's fault.
            throw refused(BodyReadFailures.invalidBody(what));
        }
        if (body == null || !context.getType().isInstance(body)) {
            // JSON null (no body where one is required), or a JSON-P reader's value of another kind than the method
            // takes (a string where a JsonObject belongs), which the runtime would only notice when it calls the
            // method, as a 500 of its own.
            throw refused(BodyReadFailures.invalidBody(what));
        }
        // A reader may stop at the end of the JSON value: whatever follows still counts against the cap.
        RestOfBody.refuseIfPastCap(request);
        return body;
    }

    /** The verdict, unless it is a 400 and the rest of the body goes past the cap: then the 413. */
    private HooklineException refused(HooklineException verdict) {
        if (verdict.status() == 400) {
            RestOfBody.refuseIfPastCap(request);
        }
        return verdict;
    }
}
