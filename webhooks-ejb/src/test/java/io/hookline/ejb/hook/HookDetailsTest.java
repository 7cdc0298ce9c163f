package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewHookRequest;
import io.hookline.ejb.common.SafeUrls;
import org.junit.jupiter.api.Test;

/** Each editable field at its limit (kept) and one past it (400 naming the field), limits from {@link HookLimits}. */
class HookDetailsTest {

    private static NewHookRequest request(String displayName, String description, String username, String iconUrl) {
        return new NewHookRequest(null, "c1", displayName, description, false, username, iconUrl);
    }

    private static void refused(String field, NewHookRequest request) {
        HooklineException e = assertThrows(HooklineException.class, () -> HookDetails.from(request));
        assertEquals("model.incoming_hook.is_valid." + field + ".app_error", e.id());
    }

    @Test
    void displayNameAtAndPastTheLimit() {
        String atLimit = "é".repeat(HookLimits.MAX_DISPLAY_NAME);
        assertEquals(
                atLimit, HookDetails.from(request(atLimit, null, null, null)).displayName());
        refused("display_name", request(atLimit + "a", null, null, null));
    }

    @Test
    void descriptionAtAndPastTheLimit() {
        String atLimit = "d".repeat(HookLimits.MAX_DESCRIPTION);
        assertEquals(
                atLimit, HookDetails.from(request(null, atLimit, null, null)).description());
        refused("description", request(null, atLimit + "d", null, null));
    }

    @Test
    void usernameAtAndPastTheLimit() {
        String atLimit = "u".repeat(HookLimits.MAX_USERNAME);
        assertEquals(
                atLimit, HookDetails.from(request(null, null, atLimit, null)).username());
        refused("username", request(null, null, atLimit + "u", null));
    }

    @Test
    void iconUrlAtAndPastTheLimitAndOnlyHttp() {
        String prefix = "https://example.com/";
        String atLimit = prefix + "i".repeat(SafeUrls.MAX_ICON_LENGTH - prefix.length());
        assertEquals(
                atLimit, HookDetails.from(request(null, null, null, atLimit)).iconUrl());
        refused("icon_url", request(null, null, null, atLimit + "i"));
        refused("icon_url", request(null, null, null, "javascript:alert(1)"));
        assertEquals("", HookDetails.from(request(null, null, null, null)).iconUrl());
    }
}
