package io.hookline.web.console.channel;

import io.hookline.ejb.config.DeploymentConfig;

/**
 * How much one channel view may hold (issue 15, point 6). A view is view-scoped: it stays in the user's
 * session for as long as the tab is open, and live updates keep adding to it, so without a bound one
 * tab on a busy channel, or one request for a huge {@code ?pages=}, could pin tens of MB per view.
 * Deployment settings (environment or JVM system property), read once at start.
 */
public final class ChannelViewLimits {

    /** Setting: the most posts one view holds. */
    public static final String MAX_POSTS_SETTING = "HOOKLINE_CHANNEL_VIEW_MAX_POSTS";
    /** Setting: the most rendered bytes one view holds (all its posts together). */
    public static final String MAX_BYTES_SETTING = "HOOKLINE_CHANNEL_VIEW_MAX_BYTES";
    /** Setting: the most rendered bytes one post may take in a view before its attachments are cut. */
    public static final String MAX_POST_BYTES_SETTING = "HOOKLINE_CHANNEL_VIEW_MAX_POST_BYTES";

    /** Ten pages of {@link ChannelPage#PAGE_SIZE}: more history than a person scrolls through in a tab. */
    public static final int DEFAULT_MAX_POSTS = 300;
    /** 2 MiB of rendered HTML: a view's heap (cards as strings) and its page stay at a few MB. */
    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    /**
     * 256 KiB: a 16,383-character message renders well below this; only attachments can pass it (props
     * may hold 760,000 characters, which escaping can make several MB of HTML).
     */
    public static final int DEFAULT_MAX_POST_BYTES = 256 * 1024;

    public static final int MIN_MAX_POSTS = ChannelPage.PAGE_SIZE;
    public static final int MAX_MAX_POSTS = 10_000;
    public static final int MIN_MAX_BYTES = 64 * 1024;
    public static final int MAX_MAX_BYTES = 64 * 1024 * 1024;
    public static final int MIN_MAX_POST_BYTES = 16 * 1024;

    private static final ChannelViewLimits CONFIGURED = fromDeployment();

    private final int maxPosts;
    private final int maxBytes;
    private final int maxPostBytes;

    /** Limits as given; a post's bound never exceeds the view's. */
    public ChannelViewLimits(int maxPosts, int maxBytes, int maxPostBytes) {
        if (maxPosts < 1 || maxBytes < 1 || maxPostBytes < 1) {
            throw new IllegalArgumentException("channel view limits must be positive");
        }
        this.maxPosts = maxPosts;
        this.maxBytes = maxBytes;
        this.maxPostBytes = Math.min(maxPostBytes, maxBytes);
    }

    /** The deployment's limits. */
    public static ChannelViewLimits configured() {
        return CONFIGURED;
    }

    static ChannelViewLimits fromDeployment() {
        int bytes = DeploymentConfig.integer(MAX_BYTES_SETTING, DEFAULT_MAX_BYTES, MIN_MAX_BYTES, MAX_MAX_BYTES);
        return new ChannelViewLimits(
                DeploymentConfig.integer(MAX_POSTS_SETTING, DEFAULT_MAX_POSTS, MIN_MAX_POSTS, MAX_MAX_POSTS),
                bytes,
                DeploymentConfig.integer(
                        MAX_POST_BYTES_SETTING, Math.min(DEFAULT_MAX_POST_BYTES, bytes), MIN_MAX_POST_BYTES, bytes));
    }

    public int maxPosts() {
        return maxPosts;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public int maxPostBytes() {
        return maxPostBytes;
    }

    /** The most pages of history a view may ask for: as many as its post bound holds, at least one. */
    public int maxPages() {
        return Math.max(1, maxPosts / ChannelPage.PAGE_SIZE);
    }

    /**
     * {@code ?pages=} clamped to 1..{@link #maxPages()}. Clamped rather than refused: the "Load older
     * messages" link and bookmarks carry it, and asking for more history than a view holds is no error
     * the user could fix; they get the most the view holds.
     */
    public int clampPages(int pages) {
        return Math.max(1, Math.min(pages, maxPages()));
    }
}
