package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import org.junit.jupiter.api.Test;

/** {@code ?wait=} and {@code ?dry_run=}: yes, no, or a 400 rather than a guess. */
class QueryFlagTest {

    @Test
    void yesNoAndEverythingElse() {
        assertFalse(QueryFlag.parse("wait", null));
        for (String no : new String[] {"false", "FALSE", "0"}) {
            assertFalse(QueryFlag.parse("wait", no), no);
        }
        for (String yes : new String[] {"true", "True", "1"}) {
            assertTrue(QueryFlag.parse("wait", yes), yes);
        }
        for (String bad : new String[] {"", "yes", "no", "2", "truee", " true"}) {
            HooklineException e = assertThrows(HooklineException.class, () -> QueryFlag.parse("dry_run", bad), bad);
            assertEquals(400, e.status());
            assertEquals("invalid_parameter", e.id());
            assertTrue(e.getMessage().contains("dry_run"), e.getMessage());
        }
    }
}
