package io.hookline.web.hooks;

import io.hookline.ejb.idempotency.InFlightKeys;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * The in-flight claim of the current request's idempotency key, released when the request ends — whatever way it
 * ends (answer, error, exception mapper, client gone): the CDI request context is destroyed with the servlet
 * request. Created only for requests that carry the header.
 */
@RequestScoped
public class HeldKeyClaim {

    private InFlightKeys.Claim claim = InFlightKeys.UNCLAIMED;

    void hold(InFlightKeys.Claim held) {
        claim.release();
        claim = held;
    }

    @PreDestroy
    void release() {
        claim.release();
        claim = InFlightKeys.UNCLAIMED;
    }
}
