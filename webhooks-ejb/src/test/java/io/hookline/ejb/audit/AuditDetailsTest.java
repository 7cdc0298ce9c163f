package io.hookline.ejb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditDetailsTest {

    @Test
    void onlyValuesThatDifferAreListedOldThenNew() {
        AuditDetails details = AuditDetails.of()
                .changed("MaxPostSize", 4000, 5000)
                .changed("Enable", true, true)
                .changed("display_name", "Build", "CI");
        assertEquals("MaxPostSize 4000 → 5000, display_name \"Build\" → \"CI\"", details.toString());
    }

    @Test
    void nothingChangedIsEmpty() {
        AuditDetails details = AuditDetails.of().changed("a", 1, 1).changed("b", "x", "x");
        assertTrue(details.isEmpty());
        assertEquals("", details.toString());
        assertFalse(AuditDetails.of().with("a", 1).isEmpty());
    }

    @Test
    void textIsQuotedWithControlCharactersEscapedSoAnEntryStaysOneLine() {
        assertEquals(
                "description \"a\\nb\\r\\tc \\\"q\\\" \\\\ \\u0000\"",
                AuditDetails.of()
                        .with("description", "a\nb\r\tc \"q\" \\ \u0000")
                        .toString());
        assertEquals("x null", AuditDetails.of().with("x", null).toString());
    }

    @Test
    void aTextValueIsCutAtItsLimit() {
        String atLimit = "v".repeat(AuditDetails.MAX_VALUE_LENGTH);
        assertEquals("\"" + atLimit + "\"", AuditDetails.value(atLimit));
        String past = atLimit + "w";
        String cut = AuditDetails.value(past);
        assertEquals("\"" + "v".repeat(AuditDetails.MAX_VALUE_LENGTH - 1) + AuditDetails.CUT + "\"", cut);
    }

    @Test
    void theWholeLineIsCutAtItsLimit() {
        AuditDetails details = AuditDetails.of();
        for (int i = 0; i < 60; i++) {
            details.with("k", 123_456_789_012_345_678L); // 22 characters with the separator
        }
        String line = details.toString();
        assertEquals(AuditDetails.MAX_LENGTH, line.length());
        assertTrue(line.endsWith(AuditDetails.CUT), line);

        String atLimit = "x".repeat(AuditDetails.MAX_LENGTH);
        assertEquals(atLimit, AuditDetails.cut(atLimit, AuditDetails.MAX_LENGTH));
        String past = AuditDetails.cut(atLimit + "y", AuditDetails.MAX_LENGTH);
        assertEquals(AuditDetails.MAX_LENGTH, past.length());
        assertEquals("x".repeat(AuditDetails.MAX_LENGTH - 1) + AuditDetails.CUT, past);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String cut = AuditDetails.cut("ab" + emoji + "cd", 4);
        assertEquals("ab" + AuditDetails.CUT, cut);
    }
}
