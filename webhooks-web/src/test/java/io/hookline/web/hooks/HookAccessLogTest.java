package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HookAccessLogTest {

    private static final String ID = "abcdefghijklmnopqrstuvwxyz";

    @Test
    void theHookIdAndAnythingAfterItAreMasked() {
        assertEquals("/hooks/abcd…", HookAccessLog.maskedPath("/hooks/" + ID, ""));
        assertEquals("/hooks/abcd…", HookAccessLog.maskedPath("/hooks/" + ID + "/extra", ""));
        assertEquals("/hooks/abcd…", HookAccessLog.maskedPath("/app/hooks/" + ID, "/app"));
    }

    @Test
    void pathsWithoutAnIdStayRecognisable() {
        assertEquals("/hooks", HookAccessLog.maskedPath("/hooks", ""));
        assertEquals("/hooks/", HookAccessLog.maskedPath("/hooks/", ""));
        assertEquals("/hooks/ab", HookAccessLog.maskedPath("/hooks/ab", ""));
        assertEquals("/hooks", HookAccessLog.maskedPath(null, ""));
    }

    @Test
    void oneLinePerRequest() {
        String line = HookAccessLog.line("127.0.0.1", "POST", HookAccessLog.maskedPath("/hooks/" + ID, ""), 200, 57, 3);
        assertEquals("127.0.0.1 \"POST /hooks/abcd…\" 200 in=57 ms=3", line);
        assertFalse(line.contains(ID));
    }

    @Test
    void aMethodIsLettersOnlyAndShort() {
        assertEquals("GET", HookAccessLog.safeMethod("GET"));
        assertEquals("P??T", HookAccessLog.safeMethod("P\r\nT"));
        assertEquals(
                "X".repeat(HookAccessLog.MAX_METHOD_LENGTH),
                HookAccessLog.safeMethod("X".repeat(HookAccessLog.MAX_METHOD_LENGTH + 1)));
        assertEquals("-", HookAccessLog.safeMethod(null));
    }
}
