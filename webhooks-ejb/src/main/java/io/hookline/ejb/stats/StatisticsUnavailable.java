package io.hookline.ejb.stats;

import jakarta.ejb.ApplicationException;

/**
 * The database could not answer a statistics query (most often: it is down). An application exception, so it
 * reaches the console as it is and the page says so instead of failing whole.
 */
@ApplicationException
public class StatisticsUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StatisticsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
