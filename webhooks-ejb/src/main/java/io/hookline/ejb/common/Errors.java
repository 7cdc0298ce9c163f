package io.hookline.ejb.common;

import io.hookline.api.error.HooklineException;

/** The errors every feature raises, with Mattermost's ids, so each is spelled once. */
public final class Errors {

    private Errors() {}

    public static HooklineException forbidden() {
        return HooklineException.forbidden(
                "api.context.permissions.app_error", "You do not have the appropriate permissions.");
    }

    public static HooklineException unauthenticated() {
        return HooklineException.unauthorized(
                "api.context.session_expired.app_error", "Invalid or expired session, please login again.");
    }

    /** 400 naming the offending field, as {@code model.<entity>.is_valid.<field>.app_error}. */
    public static HooklineException invalidField(String entity, String field, String rule) {
        return HooklineException.badRequest(
                "model." + entity + ".is_valid." + field + ".app_error", "Invalid " + field + ": " + rule);
    }

    public static HooklineException userNotFound() {
        return HooklineException.notFound("app.user.missing_account.const", "Unable to find the user.");
    }

    public static HooklineException teamNotFound() {
        return HooklineException.notFound("app.team.get.find.app_error", "Unable to find the existing team.");
    }

    public static HooklineException channelNotFound() {
        return HooklineException.notFound("app.channel.get.existing.app_error", "Unable to find the existing channel.");
    }
}
