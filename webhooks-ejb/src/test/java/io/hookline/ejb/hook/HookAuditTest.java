package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hookline.api.view.HookView;
import io.hookline.ejb.common.Ids;
import org.junit.jupiter.api.Test;

class HookAuditTest {

    private static final String ID = Ids.newId();

    private static HookView hook(String id, String channelId, String name, String description, boolean locked) {
        return new HookView(id, 1, 2, 0, "user", channelId, "team", name, description, "", "", locked, 0);
    }

    @Test
    void theTargetIsTheMaskedId() {
        assertEquals("hook " + ID.substring(0, HookSecrets.VISIBLE_PREFIX) + HookSecrets.MASK, HookAudit.target(ID));
    }

    @Test
    void anUpdateListsTheFieldsThatChanged() {
        HookView before = hook(ID, "chan1", "Build", "old", false);
        HookView after = hook(ID, "chan2", "CI", "old", true);
        assertEquals(
                "channel_id \"chan1\" → \"chan2\", display_name \"Build\" → \"CI\", channel_locked false → true",
                HookAudit.updated(before, after).toString());
    }

    @Test
    void anUpdateThatChangedNothingSaysSo() {
        HookView same = hook(ID, "chan1", "Build", "d", false);
        assertEquals("unchanged true", HookAudit.updated(same, same).toString());
    }

    @Test
    void creationNamesTheHookAndItsChannel() {
        assertEquals(
                "display_name \"Build\", channel_id \"chan1\", channel_locked false",
                HookAudit.created(hook(ID, "chan1", "Build", "", false)).toString());
    }

    @Test
    void regenerationShowsTheNewIdMaskedOnly() {
        String renewed = Ids.newId();
        String details = HookAudit.regenerated(hook(renewed, "chan1", "Build", "", false))
                .toString();
        assertEquals("new_id \"" + HookSecrets.mask(renewed) + "\", display_name \"Build\"", details);
        assertFalse(details.contains(renewed));
    }
}
