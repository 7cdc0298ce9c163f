package io.hookline.api.error;

import jakarta.ejb.ApplicationException;

/**
 * The one failure type that crosses tiers: an HTTP status and a stable error id, as Mattermost's
 * {@code AppError} carries them. Marked as an application exception so the EJB container hands it
 * to the caller unwrapped (and rolls the transaction back), letting the web tier's mappers see it.
 */
@ApplicationException(rollback = true)
public class HooklineException extends RuntimeException {

    private final int status;
    private final String id;

    public HooklineException(int status, String id, String message) {
        super(message);
        this.status = status;
        this.id = id;
    }

    public static HooklineException badRequest(String id, String message) {
        return new HooklineException(400, id, message);
    }

    public static HooklineException unauthorized(String id, String message) {
        return new HooklineException(401, id, message);
    }

    public static HooklineException forbidden(String id, String message) {
        return new HooklineException(403, id, message);
    }

    public static HooklineException notFound(String id, String message) {
        return new HooklineException(404, id, message);
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }
}
