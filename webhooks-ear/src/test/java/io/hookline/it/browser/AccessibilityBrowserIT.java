package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMemberResponse;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookline.it.ApiFixtures;
import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21: every console page passes axe-core's WCAG 2.0/2.1 A and AA rules with no serious or critical
 * violation, signed in as a system admin and as a plain user, in the light and in the dark colour scheme
 * (Chromium told {@code prefers-color-scheme: dark}); every control of the hook form and the Users page is
 * reached with Tab and shows a focus ring that stands out (3:1) from what is behind it; a field that failed
 * validation points at its message ({@code aria-describedby}) and says it is invalid ({@code aria-invalid}).
 * Each page's counts per impact are printed; a failure lists every violation with its page, rule and elements.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserIT extends BrowserTestBase {

    /** A message with what posts render: a heading, a table, links, emoji, a mention, code and a quote. */
    static final String RICH_POST = """
            ##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0
            | Component  | Tests Run   | Tests Failed                                   |
            |:-----------|:------------|:-----------------------------------------------|
            | Server     | 948         | :white_check_mark: 0                           |
            | Web Client | 123         | :warning: [2 (see details)](http://linktologs) |

            Ping @sysadmin and @channel: see [the logs](http://linktologs) and `mvn verify`.

            > Quoted text with **bold** and _italics_.

            ```
            stack trace line 1
            ```
            """;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static HooklineClient admin;
    private static TestUser user;
    private static String channelId;
    private static String userHookName;
    private static String adminHookName;
    private static boolean arranged;

    // --- the pages, audited ------------------------------------------------------------------------------

    @Test
    @Order(1)
    void signInAndFirstRunPagesPassInBothSchemes() {
        List<Axe.Violation> found = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            scheme(scheme);
            browser.open("/").waitForPage();
            if (browser.path().equals("/setup.xhtml")) {
                // Only on an installation without accounts (this test run alone on a fresh server).
                audit(found, "first-run", scheme);
                browser.type("#setup\\:username", "X")
                        .type("#setup\\:email", "not-an-email")
                        .type("#setup\\:password", "short")
                        .clickAndWait("#setup\\:create");
                audit(found, "first-run with errors", scheme);
                assertErrorsAnnounced("#setup\\:username", "3 to 22 characters");
            }
            ConsoleUsers.ensureAdmin(browser);
            ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
            browser.clickAndWait("#account\\:signOut");
            audit(found, "signed out", scheme);
            ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, "wrong-password-1");
            assertTrue(browser.pageText().contains("Wrong username or password."), browser.pageText());
            audit(found, "sign-in, wrong password", scheme);
            browser.open("/signin.xhtml").waitForPage();
            audit(found, "sign-in", scheme);
        }
        assertNoFailures(found);
    }

    @Test
    @Order(2)
    void everyPageOfASystemAdminPassesInTheLightScheme() {
        assertNoFailures(adminPages("light"));
    }

    @Test
    @Order(3)
    void everyPageOfASystemAdminPassesInTheDarkScheme() {
        assertNoFailures(adminPages("dark"));
    }

    @Test
    @Order(4)
    void everyPageOfAPlainUserPassesInTheLightScheme() {
        assertNoFailures(userPages("light"));
    }

    @Test
    @Order(5)
    void everyPageOfAPlainUserPassesInTheDarkScheme() {
        assertNoFailures(userPages("dark"));
    }

    // --- keyboard and errors ------------------------------------------------------------------------------

    @Test
    @Order(6)
    void tabReachesEveryControlOfTheHookFormWithAVisibleFocusRing() {
        arrange();
        for (String scheme : List.of("light", "dark")) {
            scheme(scheme);
            ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
            browser.open("/console/hooks/edit.xhtml").waitForPage();
            tabThrough("hook form (" + scheme + ")", "#hook, .topbar", List.of("hook:save", "hook:cancel"));
        }
    }

    @Test
    @Order(7)
    void tabReachesEveryActionOfTheUsersPageWithAVisibleFocusRing() {
        arrange();
        for (String scheme : List.of("light", "dark")) {
            scheme(scheme);
            ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
            browser.open("/console/system/users.xhtml").waitForPage();
            tabThrough(
                    "Users page (" + scheme + ")",
                    "#users, #createUser, nav.side, .topbar",
                    List.of("createUser:create", "sysUsers"));
        }
    }

    @Test
    @Order(8)
    void fieldsThatFailedValidationPointAtTheirMessage() {
        arrange();
        scheme("light");
        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        // PrimeFaces inputs, Bean Validation.
        browser.open("/console/system/users.xhtml").waitForPage();
        browser.type("#createUser\\:username", "1-bad name")
                .type("#createUser\\:email", "bad")
                .type("#createUser\\:password", "short")
                .clickAndWait("#createUser\\:create");
        assertErrorsAnnounced("#createUser\\:username", "3 to 22 characters");
        assertErrorsAnnounced("#createUser\\:email", "Enter a valid email address.");
        assertErrorsAnnounced("#createUser\\:password", "Between 8 and 256 characters.");
        // A field that passes says nothing: no aria-invalid, no description.
        browser.type("#createUser\\:username", "good-" + ApiFixtures.suffix())
                .type("#createUser\\:email", "bad")
                .type("#createUser\\:password", "short")
                .clickAndWait("#createUser\\:create");
        WebElement username = browser.find("#createUser\\:username");
        assertTrue(
                username.getAttribute("aria-describedby") == null
                        && !"true".equals(username.getAttribute("aria-invalid")),
                "a valid field points at no message: " + username.getAttribute("outerHTML"));
        // A page's own check (ConsolePages.invalid), not Bean Validation.
        browser.open("/console/system/users.xhtml?user=" + user.username()).waitForPage();
        browser.type("#reset\\:newPassword", "Reset-pass-22")
                .type("#reset\\:repeatPassword", "Reset-pass-23")
                .clickAndWait("#reset\\:save");
        assertErrorsAnnounced("#reset\\:repeatPassword", "The two passwords differ.");
        // A standard h:selectOneMenu (the hook form's channel), which does not write aria-invalid itself.
        browser.open("/console/hooks/edit.xhtml").waitForPage();
        browser.clickAndWait("#hook\\:save");
        assertErrorsAnnounced("#hook\\:channel", "Pick a channel.");
    }

    // --- what each role sees -----------------------------------------------------------------------------

    private static List<Axe.Violation> adminPages(String scheme) {
        arrange();
        scheme(scheme);
        List<Axe.Violation> found = new ArrayList<>();
        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        visit(found, scheme, "Channels", "/console/index.xhtml");
        visit(found, scheme, "Integrations", "/console/hooks/index.xhtml");
        screenshot(scheme, "integrations");
        visit(found, scheme, "Add Incoming Webhook", "/console/hooks/edit.xhtml");
        browser.clickAndWait("#hook\\:save");
        audit(found, "Add Incoming Webhook, no channel picked", scheme);
        openHookPage(adminHookName);
        audit(found, "hook page", scheme);
        screenshot(scheme, "hook");
        browser.type("#tryit\\:payload", "{\"text\": ");
        browser.click("#tryit\\:preview");
        browser.find("#tryit .try-error");
        audit(found, "hook page, Try it refused", scheme);
        visit(found, scheme, "channel view", "/console/channel.xhtml?id=" + channelId);
        screenshot(scheme, "channel");
        visit(found, scheme, "Service Settings", "/console/system/settings.xhtml");
        browser.type("#settings\\:maxPostSize", "not a number").clickAndWait("#settings\\:save");
        audit(found, "Service Settings with an error", scheme);
        visit(found, scheme, "Teams", "/console/system/teams.xhtml");
        visit(found, scheme, "Teams, members of main", "/console/system/teams.xhtml?team=main");
        visit(found, scheme, "Channels, no team", "/console/system/channels.xhtml");
        visit(found, scheme, "Channels of main", "/console/system/channels.xhtml?team=main");
        visit(
                found,
                scheme,
                "Channels, members of a channel",
                "/console/system/channels.xhtml?team=main&channel=" + channelId);
        visit(found, scheme, "Users", "/console/system/users.xhtml");
        screenshot(scheme, "users");
        browser.click("button[title='Deactivate @" + user.username() + "']");
        new WebDriverWait(browser.driver(), Browser.WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#confirm\\:yes")));
        audit(found, "Users, confirmation dialog", scheme);
        screenshot(scheme, "users-confirm");
        browser.click("#confirm\\:no");
        new WebDriverWait(browser.driver(), Browser.WAIT)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-dialog-mask")));
        visit(found, scheme, "Users, reset password", "/console/system/users.xhtml?user=" + user.username());
        visit(found, scheme, "Audit Log", "/console/system/audits.xhtml");
        visit(found, scheme, "Site Statistics, last hour", "/console/system/statistics.xhtml");
        visit(found, scheme, "Site Statistics, last 24 hours", "/console/system/statistics.xhtml?window=day");
        screenshot(scheme, "statistics");
        return found;
    }

    private static List<Axe.Violation> userPages(String scheme) {
        arrange();
        scheme(scheme);
        List<Axe.Violation> found = new ArrayList<>();
        ConsoleUsers.signIn(browser, user.username(), user.password());
        assertEquals("@" + user.username(), browser.text("#whoami"));
        visit(found, scheme, "Channels (user)", "/console/index.xhtml");
        visit(found, scheme, "Integrations (user)", "/console/hooks/index.xhtml");
        if (!browser.has(".previous-url")) {
            // The user's hook rotated once: its row and its page then show the old URL's notice too.
            browser.click("button.rotate-hook, .rotate-hook > button");
            browser.waitForText(".rotate-grace-3", "30 days");
            audit(found, "Integrations (user), rotate menu open", scheme);
            browser.click(".rotate-grace-1");
            browser.waitForText("#messages", "The old URL keeps working until");
            audit(found, "Integrations (user), rotated", scheme);
        }
        openHookPage(userHookName);
        audit(found, "hook page (user)", scheme);
        visit(found, scheme, "Add Incoming Webhook (user)", "/console/hooks/edit.xhtml");
        visit(found, scheme, "channel view (user)", "/console/channel.xhtml?id=" + channelId);
        browser.consoleErrors();
        visit(found, scheme, "Not allowed (user)", "/console/system/settings.xhtml");
        return found;
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Data the pages show: a channel with posts and deliveries, a plain user with a hook of their own. */
    private static void arrange() {
        if (arranged) {
            return;
        }
        ConsoleUsers.ensureAdmin(browser);
        admin = ConsoleUsers.adminApi();
        String team = mainTeamId(admin);
        channelId = createChannel(admin, team, "O").getString("id");
        user = newUser(admin, "a11y");
        HttpResponse<String> joined = addTeamMemberResponse(admin, team, user.id());
        assertTrue(joined.statusCode() == 201 || joined.statusCode() == 200, joined.body());
        addChannelMember(admin, channelId, user.id());

        adminHookName = "A11y build bot " + ApiFixtures.suffix();
        String adminHook = createHook(admin, adminHookName);
        post(adminHook, Json.createObjectBuilder().add("text", RICH_POST).build());
        post(
                adminHook,
                Json.createObjectBuilder()
                        .add("text", "Disk report")
                        .add(
                                "attachments",
                                Json.createArrayBuilder()
                                        .add(DiskAlert.attachment(Json.createArrayBuilder()
                                                .add(DiskAlert.field("Host", "db-1", true))
                                                .add(DiskAlert.field(
                                                        "Runbook", "<https://wiki.example/d|Runbook>", false)))))
                        .build());
        // A refused request, so the deliveries table and the statistics show an error too.
        HttpResponse<String> refused = admin.postRaw("/hooks/" + adminHook, "application/json", "{\"text\": ");
        assertEquals(400, refused.statusCode(), refused.body());

        userHookName = "A11y user hook " + ApiFixtures.suffix();
        String userHook = createHook(user.client(), userHookName);
        post(
                userHook,
                Json.createObjectBuilder()
                        .add("text", "Hello from the user's hook")
                        .build());
        arranged = true;
    }

    private static String createHook(HooklineClient as, String name) {
        HttpResponse<String> created = as.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", name)
                        .add("description", "Posts from the accessibility test")
                        .build());
        assertEquals(201, created.statusCode(), created.body());
        return HooklineClient.json(created).getString("id");
    }

    private static void post(String hookId, JsonObject payload) {
        HttpResponse<String> response = admin.postJson("/hooks/" + hookId, payload);
        assertEquals(200, response.statusCode(), response.body());
    }

    /** Opens the hook's page through its Edit link in the Integrations list (pages name hooks by console key). */
    private static void openHookPage(String name) {
        browser.open("/console/hooks/index.xhtml").waitForPage();
        WebElement row = browser.all("#hooks tbody tr").stream()
                .filter(r -> r.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in " + browser.text("#hooks")));
        String href = row.findElement(By.cssSelector("a.edit-hook")).getAttribute("href");
        browser.driver().get(href);
        browser.waitForPage();
    }

    /** Tells Chromium which colour scheme the system prefers; it holds across page loads. */
    private static void scheme(String scheme) {
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void visit(List<Axe.Violation> found, String scheme, String name, String path) {
        browser.open(path).waitForPage();
        audit(found, name, scheme);
    }

    private static void screenshot(String scheme, String name) {
        browser.screenshot("a11y-" + scheme + "-" + name);
    }

    /**
     * Runs axe on the page now shown and adds what it finds; prints the page's counts. In the dark scheme the
     * page must also have followed it (a dark page background), or the run would prove nothing.
     */
    private static void audit(List<Axe.Violation> found, String name, String scheme) {
        String page = name + " [" + scheme + "]";
        boolean dark =
                Boolean.TRUE.equals(browser.script("return matchMedia('(prefers-color-scheme: dark)').matches;"));
        assertEquals("dark".equals(scheme), dark, page + ": the emulated colour scheme");
        List<Axe.Violation> violations = Axe.run(browser, page);
        if (dark) {
            Number luminance = (Number) browser.script(FocusRing.JS_HELPERS
                    + "return luminance(parseColor(getComputedStyle(document.body).backgroundColor));");
            if (luminance.doubleValue() > 0.2) {
                violations = new ArrayList<>(violations);
                violations.add(new Axe.Violation(
                        page,
                        "hookline-dark-scheme",
                        "serious",
                        "The page does not follow the dark colour scheme (light body background)",
                        List.of(new Axe.Node("body", "", "relative luminance " + luminance))));
            }
        }
        System.out.println("axe " + page + " " + browser.path() + ": " + Axe.counts(violations));
        found.addAll(violations);
    }

    private static void assertNoFailures(List<Axe.Violation> found) {
        Map<String, Integer> perPage = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Axe.Violation v : found) {
            if (v.failing()) {
                perPage.merge(v.page(), v.nodes().size(), Integer::sum);
                lines.add(v.describe());
            }
        }
        if (!lines.isEmpty()) {
            String report = "serious/critical axe violations per page " + perPage + "\n" + String.join("\n", lines);
            System.out.println(report);
            fail(report);
        }
    }

    /** The field says it is invalid and names the element that holds its message (which contains {@code text}). */
    private static void assertErrorsAnnounced(String css, String text) {
        WebElement field = browser.find(css);
        String html = field.getAttribute("outerHTML");
        assertEquals("true", field.getAttribute("aria-invalid"), css + " says it is invalid: " + html);
        String describedBy = field.getAttribute("aria-describedby");
        assertTrue(describedBy != null && !describedBy.isBlank(), css + " names its message: " + html);
        String message = (String) browser.script(
                "return arguments[0].split(/\\s+/).map(function (id) {"
                        + " var e = document.getElementById(id); return e ? e.textContent : ''; }).join(' ');",
                describedBy);
        assertTrue(!message.isBlank() && message.contains(text), css + " -> " + describedBy + ": '" + message + "'");
    }

    /**
     * Tabs through the page from its start until focus comes round again, checking each focused element's ring,
     * and asserts that every focusable control under {@code scope} was reached (and the {@code required} ids).
     */
    private static void tabThrough(String page, String scope, List<String> required) {
        @SuppressWarnings("unchecked")
        List<String> expected = (List<String>) browser.script(FocusRing.JS_HELPERS + FocusRing.MARK, scope);
        assertTrue(expected.size() > 3, page + ": focusable controls found: " + expected);
        for (String id : required) {
            assertTrue(expected.contains(id), page + ": " + id + " is among the controls " + expected);
        }
        browser.script("if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0);");
        List<String> reached = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 600; i++) {
            keys.sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) browser.script(FocusRing.JS_HELPERS + FocusRing.STATE);
            String key = (String) state.get("key");
            if (key == null || reached.contains(key)) {
                break;
            }
            reached.add(key);
            Object problem = state.get("problem");
            if (problem != null) {
                problems.add(key + ": " + problem);
            }
        }
        List<String> missed =
                expected.stream().filter(id -> !reached.contains(id)).toList();
        System.out.println("keyboard " + page + ": " + reached.size() + " stops, " + expected.size()
                + " controls expected, missed " + missed + ", focus problems " + problems);
        assertTrue(missed.isEmpty(), page + ": Tab never reached " + missed + " (reached " + reached + ")");
        assertTrue(problems.isEmpty(), page + ": focus not visible enough on " + problems);
    }
}
