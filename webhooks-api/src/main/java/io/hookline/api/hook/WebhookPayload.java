package io.hookline.api.hook;

/**
 * What an integration asks to post through {@code /hooks/{id}}, already parsed from whatever body
 * form it arrived in. Absent fields are {@code null}; "not set" spellings ({@code ""}) are
 * normalized to {@code null} by the parser so later rules need only one check.
 */
public record WebhookPayload(String text, String channel, String username, String iconUrl, String iconEmoji) {
}
