package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System Console → Service Settings, issue 18's field: "Idempotency window (seconds)" refuses values past its
 * bounds (0, 2,592,001) with the named limits' messages, saves one at its bound, and the API shows what was saved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyWindowBrowserIT extends AdminBrowserTestBase {

    private static final String FIELD = "#settings\\:idempotencyWindowSeconds";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static int saved() {
        return HooklineClient.json(admin.get("/api/v4/config"))
                .getJsonObject("ServiceSettings")
                .getInt("IdempotencyWindowSeconds");
    }

    @Test
    void theWindowIsSetInTheConsoleWithinItsBounds() {
        ConsoleUsers.signInAsAdmin(browser);
        browser.open("/console/system/settings.xhtml").waitForPage();
        assertEquals("86400", browser.find(FIELD).getAttribute("value"), "the default: a day");
        browser.screenshot("settings-idempotency");
        try {
            browser.type(FIELD, "0").clickAndWait("#settings\\:save");
            assertTrue(browser.pageText().contains("At least 1 second."), browser.pageText());
            browser.type(FIELD, "2592001").clickAndWait("#settings\\:save");
            assertTrue(browser.pageText().contains("At most 2592000 seconds."), browser.pageText());
            assertEquals(86_400, saved(), "nothing saved past the bounds");
            browser.type(FIELD, "2592000").clickAndWait("#settings\\:save");
            assertTrue(browser.pageText().contains("Settings saved."), browser.pageText());
            assertEquals(2_592_000, saved());
        } finally {
            browser.open("/console/system/settings.xhtml").waitForPage();
            browser.type(FIELD, "86400").clickAndWait("#settings\\:save");
        }
        assertEquals(86_400, saved());
    }
}
