package io.hookline.api.view;

/** Mattermost's answer to actions with nothing else to say: {@code {"status":"OK"}}. */
public record StatusOk(String status) {

    public static final StatusOk OK = new StatusOk("OK");
}
