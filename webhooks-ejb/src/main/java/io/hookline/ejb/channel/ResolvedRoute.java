package io.hookline.ejb.channel;

import io.hookline.api.error.HooklineException;

/** Where a hook's post goes: a channel id, or why it may not go there (status, error id, message). */
public record ResolvedRoute(String channelId, int status, String errorId, String message) {

    static ResolvedRoute to(String channelId) {
        return new ResolvedRoute(channelId, 0, null, null);
    }

    static ResolvedRoute refused(HooklineException refusal) {
        return new ResolvedRoute(null, refusal.status(), refusal.id(), refusal.getMessage());
    }

    /** A fresh exception per request: a cached one would share one stack trace between threads. */
    public String channelIdOrThrow() {
        if (channelId == null) {
            throw new HooklineException(status, errorId, message);
        }
        return channelId;
    }
}
