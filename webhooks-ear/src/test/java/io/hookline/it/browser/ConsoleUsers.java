package io.hookline.it.browser;

import io.hookline.it.HooklineClient;

/**
 * The accounts the browser tests use. The browser profile's server starts without a bootstrap admin;
 * the first test creates {@link #ADMIN} on the first-run page, and later tests (or a rerun of one test
 * alone) create it there when it is still missing.
 */
final class ConsoleUsers {

    static final String ADMIN = "sysadmin";
    static final String ADMIN_EMAIL = "sysadmin@example.com";
    static final String ADMIN_PASSWORD = "Sys-admin-Pass-1";

    private ConsoleUsers() {}

    /** Makes sure the first admin exists, through the first-run page if need be. */
    static void ensureAdmin(Browser browser) {
        browser.open("/signin.xhtml").waitForPage();
        if (browser.path().equals("/setup.xhtml")) {
            browser.type("#setup\\:username", ADMIN)
                    .type("#setup\\:email", ADMIN_EMAIL)
                    .type("#setup\\:password", ADMIN_PASSWORD)
                    .clickAndWait("#setup\\:create");
        }
    }

    static void signIn(Browser browser, String loginId, String password) {
        browser.open("/signin.xhtml").waitForPage();
        if (browser.has("#account\\:signOut")) {
            browser.clickAndWait("#account\\:signOut");
            browser.open("/signin.xhtml").waitForPage();
        }
        browser.type("#signin\\:loginId", loginId)
                .type("#signin\\:password", password)
                .clickAndWait("#signin\\:submit");
    }

    static void signInAsAdmin(Browser browser) {
        ensureAdmin(browser);
        signIn(browser, ADMIN, ADMIN_PASSWORD);
    }

    /** The admin's API client (bearer token), to arrange data the test is not about. */
    static HooklineClient adminApi() {
        HooklineClient client = new HooklineClient();
        var response = client.login(ADMIN, ADMIN_PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError("admin API login failed: " + response.statusCode() + " " + response.body());
        }
        return client;
    }
}
