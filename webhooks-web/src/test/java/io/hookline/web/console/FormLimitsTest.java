package io.hookline.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.hook.HookLimits;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.hooks.HookForm;
import io.hookline.web.console.security.SignIn;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's forms read their length limits from the services' constants, so a form never allows what the
 * service refuses: every {@code @Size(max)} named here equals the service's figure, and its message says so.
 */
class FormLimitsTest {

    private static void assertSize(Class<?> form, String field, int serviceMax) throws NoSuchFieldException {
        Size size = form.getDeclaredField(field).getAnnotation(Size.class);
        assertEquals(serviceMax, size.max(), form.getSimpleName() + "." + field);
        assertEquals("At most " + serviceMax + " characters.", size.message(), form.getSimpleName() + "." + field);
    }

    @Test
    void theHookFormHasTheHookServicesLimits() throws NoSuchFieldException {
        for (Map.Entry<String, Integer> limit : Map.of(
                        "displayName",
                        HookLimits.MAX_DISPLAY_NAME,
                        "description",
                        HookLimits.MAX_DESCRIPTION,
                        "username",
                        HookLimits.MAX_USERNAME,
                        "iconUrl",
                        SafeUrls.MAX_ICON_LENGTH)
                .entrySet()) {
            assertSize(HookForm.class, limit.getKey(), limit.getValue());
        }
    }

    @Test
    void theSignInFormHasTheSignInLimits() throws NoSuchFieldException {
        assertSize(SignIn.class, "loginId", UserAdmin.MAX_EMAIL);
        assertSize(SignIn.class, "password", UserAdmin.MAX_PASSWORD);
    }

    /** The figures themselves, Mattermost's: a change here is a change of the contract, not a refactoring. */
    @Test
    void theLimitsAreMattermosts() {
        assertEquals(64, HookLimits.MAX_DISPLAY_NAME);
        assertEquals(500, HookLimits.MAX_DESCRIPTION);
        assertEquals(255, HookLimits.MAX_USERNAME);
        assertEquals(64, HookLimits.MAX_OVERRIDE_USERNAME);
        assertEquals(1024, SafeUrls.MAX_ICON_LENGTH);
        assertEquals(2048, SafeUrls.MAX_LENGTH);
    }
}
