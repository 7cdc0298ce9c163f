package io.hookline.ejb.channel;

import io.hookline.api.error.HooklineException;

/** The channel errors several services raise, with Mattermost's ids. */
final class ChannelErrors {

    private ChannelErrors() {
    }

    static HooklineException notFound() {
        return HooklineException.notFound("app.channel.get.existing.app_error", "Unable to find the existing channel.");
    }
}
