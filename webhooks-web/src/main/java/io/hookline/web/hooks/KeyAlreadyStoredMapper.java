package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.idempotency.KeyAlreadyStored;
import io.hookline.web.error.HooklineExceptionMapper;
import io.hookline.web.error.UnexpectedExceptionMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A keyed request that lost the race for its key at the database (another server, or a repeat this server did
 * not hold in flight, stored it first): nothing of it was stored, and it is answered as its repeat would be —
 * the first answer again, or 422 when the stored request was a different one.
 */
@Provider
public class KeyAlreadyStoredMapper implements ExceptionMapper<KeyAlreadyStored> {

    @Inject
    private IdempotentRequests idempotency;

    @Inject
    private UnexpectedExceptionMapper unexpected;

    @Override
    public Response toResponse(KeyAlreadyStored e) {
        try {
            return idempotency.afterLostRace(e.hookId(), e.key(), e.fingerprint());
        } catch (HooklineException refused) {
            return new HooklineExceptionMapper().toResponse(refused);
        } catch (RuntimeException unreadable) {
            // The key table could not be read (the database went away): 503 when it is down, as for any request.
            return unexpected.toResponse(unreadable);
        }
    }
}
