package io.hookline.web.console.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.testing.LogCapture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The channel view's bounds (issue 15, point 6): posts, bytes, bytes per post, at and past each. */
class PostWindowTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of(DeploymentConfig.class);

    private static PostCard card(int n, String message) {
        return new PostCard(String.format("post%05d", n), 1_000L + n, "bot", null, null, "B", true, message, List.of());
    }

    private static AttachmentCard attachment(String textHtml) {
        return new AttachmentCard(
                "#aabbcc", "", "", null, null, "", null, textHtml, List.of(), null, null, "", null, null);
    }

    private static List<String> ids(PostWindow window) {
        return window.posts().stream().map(PostCard::id).toList();
    }

    @Test
    void holdsExactlyMaxPostsAndDropsTheOldestPastIt() {
        PostWindow window = new PostWindow(new ChannelViewLimits(5, 1 << 20, 1 << 16));
        for (int n = 0; n < 5; n++) {
            window.put(card(n, "m"));
        }
        assertEquals(5, window.size());
        assertFalse(window.droppedAny(), "at the bound nothing is dropped");
        assertTrue(window.isFull());
        window.put(card(5, "m"));
        assertEquals(List.of("post00001", "post00002", "post00003", "post00004", "post00005"), ids(window));
        assertTrue(window.droppedAny());
    }

    @Test
    void olderPostsArrivingIntoAFullWindowAreTheOnesDropped() {
        PostWindow window = new PostWindow(new ChannelViewLimits(3, 1 << 20, 1 << 16));
        for (int n = 9; n >= 0; n--) { // newest first, as the view loads history
            window.put(card(n, "m"));
        }
        assertEquals(List.of("post00007", "post00008", "post00009"), ids(window));
    }

    @Test
    void anEditReplacesOnlyAPostTheWindowHoldsAndADeleteFreesItsBytes() {
        PostWindow window = new PostWindow(new ChannelViewLimits(2, 1 << 20, 1 << 16));
        window.put(card(5, "a"));
        window.put(card(6, "b"));
        long before = window.bytes();
        window.replace(card(5, "a, edited"));
        assertEquals(List.of("post00005", "post00006"), ids(window), "edited in place");
        assertEquals("a, edited", window.posts().get(0).messageHtml());
        assertTrue(window.bytes() > before);
        // An edit of a post older than the window leaves the window as it was: nothing dropped for it.
        window.replace(card(1, "old, edited"));
        assertEquals(List.of("post00005", "post00006"), ids(window));
        assertFalse(window.droppedAny());
        window.remove("post00005");
        window.remove("post00001");
        assertEquals(List.of("post00006"), ids(window));
        assertEquals(RenderedSize.of(card(6, "b")), window.bytes());
    }

    @Test
    void replacingAPostDoesNotCountItTwice() {
        PostWindow window = new PostWindow(new ChannelViewLimits(2, 1 << 20, 1 << 16));
        window.put(card(1, "a"));
        long once = window.bytes();
        window.put(card(1, "a"));
        window.put(card(2, "b"));
        assertEquals(2, window.size());
        assertFalse(window.droppedAny());
        assertEquals(2 * once, window.bytes());
    }

    @Test
    void bytesAtTheBoundStayPastItTheOldestGo() {
        long one = RenderedSize.of(card(0, "x".repeat(1000)));
        PostWindow window = new PostWindow(new ChannelViewLimits(1000, (int) (3 * one), (int) one));
        for (int n = 0; n < 3; n++) {
            window.put(card(n, "x".repeat(1000)));
        }
        assertEquals(3 * one, window.bytes(), "exactly at the byte bound");
        assertEquals(3, window.size());
        assertFalse(window.droppedAny());
        window.put(card(3, "x".repeat(1000)));
        assertEquals(List.of("post00001", "post00002", "post00003"), ids(window));
        assertTrue(window.bytes() <= 3 * one);
    }

    @Test
    void aPostAtThePerPostBoundIsWholePastItLosesAttachmentsFromTheLast() {
        PostCard whole = new PostCard(
                "big",
                1,
                "bot",
                null,
                null,
                "B",
                true,
                "<p>m</p>",
                List.of(attachment("a".repeat(10_000)), attachment("b".repeat(10_000))));
        long size = RenderedSize.of(whole);
        PostWindow atBound = new PostWindow(new ChannelViewLimits(10, 1 << 20, (int) size));
        atBound.put(whole);
        assertFalse(atBound.posts().get(0).clipped());
        assertEquals(2, atBound.posts().get(0).attachments().size());

        PostWindow pastBound = new PostWindow(new ChannelViewLimits(10, 1 << 20, (int) size - 1));
        pastBound.put(whole);
        PostCard shown = pastBound.posts().get(0);
        assertTrue(shown.clipped());
        assertEquals(1, shown.attachments().size());
        assertEquals("a".repeat(10_000), shown.attachments().get(0).textHtml(), "the first attachment is kept");
        assertEquals("<p>m</p>", shown.messageHtml());
        assertTrue(pastBound.bytes() <= size - 1);
    }

    @Test
    void aPostWhoseMessageAloneIsPastThePerPostBoundShowsNoMessage() {
        PostWindow window = new PostWindow(new ChannelViewLimits(10, 1 << 20, 20_000));
        window.put(card(1, "y".repeat(30_000)));
        assertTrue(window.posts().get(0).clipped());
        assertEquals("", window.posts().get(0).messageHtml());
        assertTrue(window.bytes() <= 20_000);
    }

    @Test
    void aHugeHistoryOfHugePostsNeverPassesTheDefaultBound() {
        ChannelViewLimits limits = new ChannelViewLimits(
                ChannelViewLimits.DEFAULT_MAX_POSTS,
                ChannelViewLimits.DEFAULT_MAX_BYTES,
                ChannelViewLimits.DEFAULT_MAX_POST_BYTES);
        PostWindow window = new PostWindow(limits);
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            order.add(n);
        }
        Collections.shuffle(order, new java.util.Random(15));
        for (int n : order) {
            window.put(new PostCard(
                    String.format("post%05d", n),
                    n,
                    "bot",
                    null,
                    null,
                    "B",
                    true,
                    "\"".repeat(16_383),
                    List.of(attachment("<".repeat(50_000)))));
            assertTrue(window.bytes() <= ChannelViewLimits.DEFAULT_MAX_BYTES, "bytes " + window.bytes());
            assertTrue(window.size() <= ChannelViewLimits.DEFAULT_MAX_POSTS);
        }
        assertEquals("post01999", window.posts().get(window.size() - 1).id(), "the newest is shown");
    }

    @Test
    void pagesAreClampedToWhatTheViewHolds() {
        ChannelViewLimits limits = new ChannelViewLimits(300, 1 << 21, 1 << 18);
        assertEquals(10, limits.maxPages());
        assertEquals(1, limits.clampPages(0));
        assertEquals(1, limits.clampPages(-5));
        assertEquals(1, limits.clampPages(1));
        assertEquals(10, limits.clampPages(10));
        assertEquals(10, limits.clampPages(11));
        assertEquals(10, limits.clampPages(Integer.MAX_VALUE));
    }

    @Test
    void theDeploymentDefaults() {
        ChannelViewLimits limits = ChannelViewLimits.fromDeployment();
        assertEquals(300, limits.maxPosts());
        assertEquals(2 * 1024 * 1024, limits.maxBytes());
        assertEquals(256 * 1024, limits.maxPostBytes());
        assertEquals(10, limits.maxPages());
        log.expectNone(Level.WARNING);
    }

    @Test
    void aDeploymentSettingPastItsRangeFallsBackToTheDefault() {
        System.setProperty(ChannelViewLimits.MAX_POSTS_SETTING, "10001");
        System.setProperty(ChannelViewLimits.MAX_BYTES_SETTING, "65536");
        try {
            ChannelViewLimits limits = ChannelViewLimits.fromDeployment();
            assertEquals(ChannelViewLimits.DEFAULT_MAX_POSTS, limits.maxPosts(), "past the range");
            assertEquals(65_536, limits.maxBytes(), "at the range's low end");
            assertEquals(65_536, limits.maxPostBytes(), "a post's bound never exceeds the view's");
            // the one value out of range says so; the one at the bound does not
            log.expectExactly(
                    1,
                    Level.WARNING,
                    ChannelViewLimits.MAX_POSTS_SETTING + " must be a whole number from "
                            + ChannelViewLimits.MIN_MAX_POSTS + " to " + ChannelViewLimits.MAX_MAX_POSTS + "; using "
                            + ChannelViewLimits.DEFAULT_MAX_POSTS);
        } finally {
            System.clearProperty(ChannelViewLimits.MAX_POSTS_SETTING);
            System.clearProperty(ChannelViewLimits.MAX_BYTES_SETTING);
        }
    }
}
