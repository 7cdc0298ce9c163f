package io.hookline.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewestPostsTest {

    private static final long NOW = 1_000_000L;
    private static final long OLD = NOW - NewestPosts.RECENT_MILLIS - 1;

    @Test
    void aChannelFirstSeenWithOnlyOldPostsSetsItsBaselineOnly() {
        NewestPosts newest = new NewestPosts();
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", OLD), NOW));
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", OLD), NOW));
        assertEquals(List.of("a"), newest.newer(Set.of("a"), Map.of("a", OLD + 1), NOW));
    }

    @Test
    void aChannelFirstSeenWithAPostFromTheLastSecondsIsAnnounced() {
        // The post may have arrived between the view's page load and the first reading.
        NewestPosts newest = new NewestPosts();
        assertEquals(List.of("a"), newest.newer(Set.of("a"), Map.of("a", NOW - NewestPosts.RECENT_MILLIS + 1), NOW));
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", NOW - NewestPosts.RECENT_MILLIS + 1), NOW));
    }

    @Test
    void aChannelsFirstPostIsNewerThanNoPost() {
        NewestPosts newest = new NewestPosts();
        assertEquals(List.of(), newest.newer(Set.of("empty"), Map.of(), NOW));
        assertEquals(List.of("empty"), newest.newer(Set.of("empty"), Map.of("empty", 5L), NOW));
    }

    @Test
    void aChannelNoLongerWatchedIsForgottenAndStartsOverWhenWatchedAgain() {
        NewestPosts newest = new NewestPosts();
        newest.newer(Set.of("a"), Map.of("a", 1L), NOW);
        newest.newer(Set.of(), Map.of(), NOW);
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", 9L), NOW), "baseline again, not a change");
    }

    @Test
    void onlyTheChannelsThatMovedAreAnnounced() {
        NewestPosts newest = new NewestPosts();
        newest.newer(Set.of("a", "b"), Map.of("a", 1L, "b", 1L), NOW);
        assertEquals(List.of("b"), newest.newer(Set.of("a", "b"), Map.of("a", 1L, "b", 2L), NOW));
    }

    @Test
    void postsThisServerAnnouncedAtTheirCommitAreNotAnnouncedAgain() {
        NewestPosts newest = new NewestPosts();
        newest.newer(Set.of("a"), Map.of("a", OLD), NOW);
        newest.announcedHere("a", NOW + 10);
        assertEquals(
                List.of(), newest.newer(Set.of("a"), Map.of("a", NOW + 5), NOW + 500), "stored here, already told");
        assertEquals(
                List.of("a"), newest.newer(Set.of("a"), Map.of("a", NOW + 20), NOW + 1000), "a later post elsewhere");
    }

    @Test
    void aChannelNoLongerWatchedForgetsItsAnnouncementsOnceTheyAreOld() {
        NewestPosts newest = new NewestPosts();
        newest.announcedHere("a", NOW - NewestPosts.RECENT_MILLIS);
        newest.newer(Set.of(), Map.of(), NOW);
        newest.newer(Set.of("a"), Map.of("a", OLD), NOW);
        assertEquals(
                List.of("a"), newest.newer(Set.of("a"), Map.of("a", NOW - NewestPosts.RECENT_MILLIS + 5), NOW + 500));
    }

    @Test
    void aPostStoredHereJustBeforeAViewOpenedIsNotAnnouncedToIt() {
        NewestPosts newest = new NewestPosts();
        newest.announcedHere("a", NOW - 100);
        newest.newer(Set.of(), Map.of(), NOW - 50); // a reading while nobody watched yet keeps the note
        // The view's page already showed it; only a post from another server would be news.
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", NOW - 200), NOW));
    }
}
