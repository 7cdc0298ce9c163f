package io.hookline.ejb.user;

import io.hookline.ejb.settings.Settings;

/**
 * When failed passwords lock an account (Mattermost's {@code ServiceSettings.MaximumLoginAttempts}): after
 * {@code maximumAttempts} failures in a row the account refuses every sign-in, the right password included,
 * until an admin resets its password or, unless {@code lockoutSeconds} is 0, that long after the last failure.
 * Without the time limit anyone who knows a username could keep its owner out for good.
 */
public record LoginLockPolicy(int maximumAttempts, int lockoutSeconds) {

    public static LoginLockPolicy of(Settings settings) {
        return new LoginLockPolicy(settings.maximumLoginAttempts(), settings.loginLockoutSeconds());
    }

    public boolean isLocked(int failedAttempts, long lastFailedAt, long now) {
        return failedAttempts >= maximumAttempts
                && (lockoutSeconds == 0 || now - lastFailedAt < lockoutSeconds * 1000L);
    }

    /** The failures that count towards the next lock: a lock whose time has run out starts the count again. */
    public int failuresSoFar(int failedAttempts, long lastFailedAt, long now) {
        return failedAttempts >= maximumAttempts && !isLocked(failedAttempts, lastFailedAt, now) ? 0 : failedAttempts;
    }
}
