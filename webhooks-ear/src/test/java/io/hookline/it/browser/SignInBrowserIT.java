package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * First run, sign-in and sign-out in Chromium. Runs first among the browser tests (class order 1) on
 * the profile's empty database, so the first test meets the first-run page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserIT extends BrowserTestBase {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static void assertNoConsoleErrors() {
        var errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "script errors or CSP violations: " + errors);
    }

    @Test
    @Order(1)
    void anEmptyInstallationAsksForTheFirstSystemAdmin() {
        browser.open("/").waitForPage();
        assertEquals("/setup.xhtml", browser.path(), "an installation without accounts opens on the first-run page");
        browser.screenshot("first-run");

        // Bean Validation messages, and nothing created.
        browser.type("#setup\\:username", "X")
                .type("#setup\\:email", "not-an-email")
                .type("#setup\\:password", "short")
                .clickAndWait("#setup\\:create");
        assertEquals("/setup.xhtml", browser.path());
        String text = browser.pageText();
        assertTrue(text.contains("3 to 22 characters"), text);
        assertTrue(text.contains("Enter a valid email address."), text);
        assertTrue(text.contains("Between 8 and 256 characters."), text);

        browser.type("#setup\\:username", ConsoleUsers.ADMIN)
                .type("#setup\\:email", ConsoleUsers.ADMIN_EMAIL)
                .type("#setup\\:password", ConsoleUsers.ADMIN_PASSWORD)
                .clickAndWait("#setup\\:create");
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(
                browser.pageText().contains("System admin '" + ConsoleUsers.ADMIN + "' created."), browser.pageText());

        // The page is closed for good once an account exists.
        browser.open("/setup.xhtml").waitForPage();
        assertEquals("/signin.xhtml", browser.path());
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedWithAMessage() {
        ConsoleUsers.ensureAdmin(browser);
        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, "wrong-password-1");
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(browser.pageText().contains("Wrong username or password."), browser.pageText());
        assertFalse(browser.has("#account\\:signOut"), "not signed in");
        browser.screenshot("sign-in-wrong-password");

        ConsoleUsers.signIn(browser, "nobody-here", "wrong-password-1");
        assertTrue(browser.pageText().contains("Wrong username or password."), "the same message for unknown accounts");
    }

    @Test
    @Order(3)
    void signInLandsOnTheConsoleAndSignOutEndsTheSession() {
        browser.open("/console/index.xhtml").waitForPage();
        assertEquals("/signin.xhtml", browser.path(), "console pages ask for a sign-in");
        String sessionBefore = browser.driver().manage().getCookieNamed("JSESSIONID") == null
                ? null
                : browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

        browser.type("#signin\\:loginId", ConsoleUsers.ADMIN)
                .type("#signin\\:password", ConsoleUsers.ADMIN_PASSWORD)
                .clickAndWait("#signin\\:submit");
        assertEquals("/console/index.xhtml", browser.path(), "back to the page that asked for the sign-in");
        assertEquals("@" + ConsoleUsers.ADMIN, browser.text("#whoami"));
        String sessionAfter =
                browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertFalse(sessionAfter.equals(sessionBefore), "a new session id after signing in (session fixation)");
        var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertTrue(cookie.isHttpOnly(), "session cookie is HttpOnly");
        assertEquals("Lax", cookie.getSameSite(), "session cookie is SameSite=Lax");
        assertTrue(browser.pageText().contains("Town Square"), browser.pageText());
        browser.screenshot("channels");
        assertNoConsoleErrors();
        Object apiStatus = browser.driver()
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch('/api/v4/users/me', {credentials: 'include'}).then(function (r) { done(r.status); });");
        assertEquals(401L, ((Number) apiStatus).longValue(), "the signed-in console cookie does not open the API");
        browser.consoleErrors(); // the refused fetch logs its 401: expected

        browser.clickAndWait("#account\\:signOut");
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(browser.pageText().contains("You have signed out."), browser.pageText());
        browser.open("/console/index.xhtml").waitForPage();
        assertEquals("/signin.xhtml", browser.path(), "signed out: the console asks again");
    }
}
