package io.hookline.ejb.hook;

import io.hookline.api.view.NewHookRequest;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.SafeUrls;

/**
 * The editable, validated fields of a hook, with Mattermost's length limits ({@link HookLimits}). Absent text fields
 * become empty strings (the columns are NOT NULL, as in Mattermost).
 */
record HookDetails(String displayName, String description, String username, String iconUrl, boolean channelLocked) {

    static HookDetails from(NewHookRequest request) {
        if (request == null) {
            throw Errors.invalidField("incoming_hook", "channel_id", "the request has no hook.");
        }
        return new HookDetails(
                limited(request.displayName(), HookLimits.MAX_DISPLAY_NAME, "display_name"),
                limited(request.description(), HookLimits.MAX_DESCRIPTION, "description"),
                limited(request.username(), HookLimits.MAX_USERNAME, "username"),
                iconUrl(limited(request.iconUrl(), SafeUrls.MAX_ICON_LENGTH, "icon_url")),
                Boolean.TRUE.equals(request.channelLocked()));
    }

    /** A default icon must be what an override may be: an http(s) URL (or none). */
    private static String iconUrl(String url) {
        if (url.isEmpty()) {
            return url;
        }
        try {
            return PostProps.requireHttpUrl(url);
        } catch (io.hookline.api.error.HooklineException notHttp) {
            throw Errors.invalidField("incoming_hook", "icon_url", "an http or https URL.");
        }
    }

    private static String limited(String value, int max, String field) {
        String v = value == null ? "" : value;
        if (v.codePointCount(0, v.length()) > max) {
            throw Errors.invalidField("incoming_hook", field, "at most " + max + " characters.");
        }
        return v;
    }
}
