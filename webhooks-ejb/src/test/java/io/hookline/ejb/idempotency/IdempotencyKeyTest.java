package io.hookline.ejb.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header's rule: 1–255 visible ASCII characters, 400 invalid_idempotency_key otherwise. */
class IdempotencyKeyTest {

    @Test
    void lengthAtAndPastItsBounds() {
        assertFalse(IdempotencyKey.isValid(""));
        assertTrue(IdempotencyKey.isValid("a"));
        assertTrue(IdempotencyKey.isValid("k".repeat(IdempotencyKey.MAX_LENGTH)));
        assertFalse(IdempotencyKey.isValid("k".repeat(IdempotencyKey.MAX_LENGTH + 1)));
        assertFalse(IdempotencyKey.isValid(null));
    }

    @Test
    void everyVisibleAsciiCharacterIsAllowed() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            all.append(c);
        }
        assertEquals(all.toString(), IdempotencyKey.validated(all.toString()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " ",
                "a b",
                "tab\there",
                "new\nline",
                "\u007F",
                "caf\u00E9",
                "\u0000",
                "emoji\uD83D\uDE00",
                " leading",
                "trailing "
            })
    void anythingElseIsA400NamingTheRule(String key) {
        HooklineException refused = assertThrows(HooklineException.class, () -> IdempotencyKey.validated(key));
        assertEquals(400, refused.status());
        assertEquals("invalid_idempotency_key", refused.id());
        assertTrue(refused.getMessage().contains("Idempotency-Key"), refused.getMessage());
    }
}
