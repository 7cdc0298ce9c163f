package io.hookline.ejb.delivery;

import jakarta.ejb.ApplicationException;

/**
 * The database refused a write of the delivery log (most often: it is down). An application exception, so the
 * container rolls back and hands it over as it is, without logging a stack trace every flush interval:
 * {@link DeliveryLog} logs it, at most once a minute.
 */
@ApplicationException(rollback = true)
public class DeliveryLogUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeliveryLogUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
