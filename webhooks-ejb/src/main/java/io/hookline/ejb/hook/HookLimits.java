package io.hookline.ejb.hook;

/**
 * The length limits of a hook's editable fields and of a post's author override: Mattermost's figures, in
 * one place that both the service checks ({@link HookDetails}, {@link PostProps}) and the console's Bean
 * Validation annotations ({@code @Size(max = HookLimits.MAX_DESCRIPTION)}) read, so a form can never allow
 * what the service refuses or refuse what it allows. The icon URL's limit is {@code SafeUrls.MAX_ICON_LENGTH}.
 */
public final class HookLimits {

    /** A hook's display name, in code points (Mattermost's {@code IncomingWebhook.DisplayName}). */
    public static final int MAX_DISPLAY_NAME = 64;
    /** A hook's description, in code points. */
    public static final int MAX_DESCRIPTION = 500;
    /** A hook's default username, in code points (Mattermost's 255). */
    public static final int MAX_USERNAME = 255;
    /** The {@code username} a payload may send to override the author, in characters as sent. */
    public static final int MAX_OVERRIDE_USERNAME = 64;

    private HookLimits() {}
}
