package io.hookline.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewestPostsTest {

    @Test
    void aChannelSeenForTheFirstTimeOnlySetsItsBaseline() {
        NewestPosts newest = new NewestPosts();
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", 100L)));
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", 100L)));
        assertEquals(List.of("a"), newest.newer(Set.of("a"), Map.of("a", 101L)));
    }

    @Test
    void aChannelsFirstPostIsNewerThanNoPost() {
        NewestPosts newest = new NewestPosts();
        newest.newer(Set.of("empty"), Map.of());
        assertEquals(List.of("empty"), newest.newer(Set.of("empty"), Map.of("empty", 5L)));
    }

    @Test
    void aChannelNoLongerWatchedIsForgottenAndStartsOverWhenWatchedAgain() {
        NewestPosts newest = new NewestPosts();
        newest.newer(Set.of("a"), Map.of("a", 1L));
        newest.newer(Set.of(), Map.of());
        assertEquals(List.of(), newest.newer(Set.of("a"), Map.of("a", 9L)), "baseline again, not a change");
    }

    @Test
    void onlyTheChannelsThatMovedAreAnnounced() {
        NewestPosts newest = new NewestPosts();
        newest.newer(Set.of("a", "b"), Map.of("a", 1L, "b", 1L));
        assertEquals(List.of("b"), newest.newer(Set.of("a", "b"), Map.of("a", 1L, "b", 2L)));
    }
}
