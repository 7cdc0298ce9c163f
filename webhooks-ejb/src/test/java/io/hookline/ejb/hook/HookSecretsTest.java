package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hookline.ejb.common.Ids;
import org.junit.jupiter.api.Test;

class HookSecretsTest {

    @Test
    void aHookIdKeepsOnlyItsPrefix() {
        String id = Ids.newId();
        String masked = HookSecrets.mask(id);
        assertEquals(id.substring(0, HookSecrets.VISIBLE_PREFIX) + HookSecrets.MASK, masked);
        assertFalse(masked.contains(id.substring(0, HookSecrets.VISIBLE_PREFIX + 1)), masked);
    }

    @Test
    void textAtThePrefixLengthStaysAndOneMoreCharacterIsMasked() {
        assertEquals("abcd", HookSecrets.mask("abcd"));
        assertEquals("abcd" + HookSecrets.MASK, HookSecrets.mask("abcde"));
        assertEquals("ab", HookSecrets.mask("ab"));
        assertEquals("", HookSecrets.mask(""));
        assertEquals("-", HookSecrets.mask(null));
    }

    @Test
    void anythingAfterThePrefixIsHiddenHoweverLong() {
        String id = Ids.newId();
        assertEquals(id.substring(0, 4) + HookSecrets.MASK, HookSecrets.mask(id + "/extra/" + id));
    }

    @Test
    void charactersThatCouldForgeALogLineBecomeQuestionMarks() {
        assertEquals("a??b" + HookSecrets.MASK, HookSecrets.mask("a\r\nb-fake log line"));
        assertEquals("?41", HookSecrets.mask("%41"));
        assertEquals("?bc", HookSecrets.mask("\u00e9bc"));
    }
}
