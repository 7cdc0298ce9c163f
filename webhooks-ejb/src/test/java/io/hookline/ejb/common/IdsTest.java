package io.hookline.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAre26LowercaseBase32Characters() {
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newId();
            assertEquals(26, id.length(), id);
            assertTrue(id.matches("[a-z2-7]{26}"), id);
            assertTrue(Ids.isWellFormed(id), id);
        }
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Ids.newId()));
        }
    }

    @Test
    void everyPositionUsesTheWholeAlphabet() {
        // 130 random bits spread over 26 positions: each position must take all 32 symbols.
        // With 20,000 samples the chance a fair position misses one symbol is about 32 * (31/32)^20000, i.e. nil.
        @SuppressWarnings("unchecked")
        Set<Character>[] perPosition = new Set[26];
        for (int p = 0; p < 26; p++) {
            perPosition[p] = new HashSet<>();
        }
        for (int i = 0; i < 20_000; i++) {
            String id = Ids.newId();
            for (int p = 0; p < 26; p++) {
                perPosition[p].add(id.charAt(p));
            }
        }
        for (int p = 0; p < 26; p++) {
            assertEquals(32, perPosition[p].size(), "position " + p);
        }
    }

    @Test
    void rejectsMalformedIds() {
        assertFalse(Ids.isWellFormed(null));
        assertFalse(Ids.isWellFormed(""));
        assertFalse(Ids.isWellFormed("abcdefghijklmnopqrstuvwxy")); // 25
        assertFalse(Ids.isWellFormed("abcdefghijklmnopqrstuvwxyza")); // 27
        assertFalse(Ids.isWellFormed("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertFalse(Ids.isWellFormed("abcdefghijklmnopqrstuvwx01")); // 0 and 1 are not base32
        assertFalse(Ids.isWellFormed("abcdefghijklmnopqrstuvwx/."));
        assertTrue(Ids.isWellFormed("abcdefghijklmnopqrstuvwx27"));
    }
}
