package io.hookline.ejb.post;

/**
 * Posts that were not stored, or not known to be (the wait for the commit ran out). The cause is the
 * database's own failure, so the error mapper can tell an outage (503) from a bug (500).
 */
public class PostWriteException extends RuntimeException {

    public PostWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
