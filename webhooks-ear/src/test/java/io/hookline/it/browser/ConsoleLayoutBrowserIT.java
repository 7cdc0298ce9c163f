package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21: every console page (see {@link ConsoleTour}) at 1280 and 390 px, signed in as a system admin, as a
 * plain user, and signed out, over realistic data (a few hundred hook posts, long names, ids, URLs, emails and
 * purposes). On no page may a table cell, or anything inside one, clip its content (content wider than the box
 * that hides it, or text cut with an ellipsis), and the page itself never scrolls sideways: a wide table scrolls
 * in its own container, which then takes keyboard focus and has a name. A screenshot of each page at each width
 * lands in target/screenshots/layout-{who}-{width}-{page}.png.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(7)
class ConsoleLayoutBrowserIT extends BrowserTestBase {

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final List<Dimension> WIDTHS = List.of(DESKTOP, PHONE);
    /** Full-page screenshots stop here (a long list would make a PNG of many megabytes). */
    private static final int MAX_SHOT_HEIGHT = 5000;

    private static final String PASSWORD = "Layout-pass-1";
    private static final int OK_POSTS = 240;
    private static final int REFUSED_POSTS = 30;
    private static final int USER_POSTS = 60;

    /**
     * What counts as clipped, in the page: a cell (td/th) whose content is wider than it; an element inside a cell
     * that hides what overflows it (overflow hidden/clip) or cuts its text (text-overflow) and is narrower than its
     * content; an ancestor of a table that hides the table's overflow. A container that scrolls a table sideways
     * must be reachable by keyboard (tabindex) and named (aria-label/labelledby), and show that it goes on (its
     * right edge fades: data-scroll-more). Returns one line per finding.
     */
    private static final String SCAN = String.join(
            "\n",
            "var out = [];",
            "function shown(el) { return el.getClientRects().length > 0; }",
            "function text(el) { return (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim()"
                    + ".substring(0, 70); }",
            "function name(el) { var c = typeof el.className === 'string' && el.className.trim()"
                    + " ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';"
                    + " return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + c; }",
            "function line(kind, el) { return kind + ' ' + name(el) + ' \"' + text(el) + '\" (' + el.scrollWidth"
                    + " + ' > ' + el.clientWidth + ' px)'; }",
            "function hides(cs) { return cs.overflowX === 'hidden' || cs.overflowX === 'clip'; }",
            "document.querySelectorAll('td, th').forEach(function (cell) {",
            "  if (!shown(cell)) { return; }",
            "  if (cell.scrollWidth > cell.clientWidth + 1) { out.push(line('cell', cell)); return; }",
            "  cell.querySelectorAll('*').forEach(function (el) {",
            "    if (!shown(el)) { return; }",
            "    var cs = getComputedStyle(el);",
            "    if ((hides(cs) || cs.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1) {",
            "      out.push(line('in cell', el)); }",
            "  });",
            "});",
            "document.querySelectorAll('table').forEach(function (table) {",
            "  if (!shown(table)) { return; }",
            "  for (var el = table; el && el !== document.body; el = el.parentElement) {",
            "    if (el.scrollWidth <= el.clientWidth + 1) { continue; }",
            "    var cs = getComputedStyle(el);",
            "    if (hides(cs)) { out.push(line('table cut by', el)); break; }",
            "    if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') {",
            "      if (!el.hasAttribute('tabindex') || el.tabIndex < 0",
            "          || !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'))) {",
            "        out.push(line('scrolls without focus or name', el)); }",
            "      else if (el.scrollLeft < 1 && el.getAttribute('data-scroll-more') !== 'right') {",
            "        out.push(line('scrolls without its fading edge', el)); }",
            "      break; }",
            "  }",
            "});",
            "return out;");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static ConsoleTour.Places places;
    private static String plainUser;
    /** Page (who/width/name) → what the scan found there; printed, then asserted empty. */
    private static final Map<String, List<String>> FINDINGS = new LinkedHashMap<>();

    private static final List<String> SIDEWAYS = new ArrayList<>();

    @BeforeAll
    static void arrange() {
        // On a fresh server the first-run page is still there: look at it before it goes.
        browser.open("/signin.xhtml").waitForPage();
        if (browser.path().equals("/setup.xhtml")) {
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/setup.xhtml").waitForPage();
                look("guest", size, "first-run");
            }
        }
        ConsoleUsers.ensureAdmin(browser);
        seed(ConsoleUsers.adminApi());
    }

    @Test
    void noTableCellClipsItsContentAndNoPageScrollsSidewaysOnAnyPageAtAnyWidth() {
        signOut();
        assertTheScanSeesClipping();
        for (ConsoleTour.Stop stop : ConsoleTour.signedOut()) {
            visit("guest", stop);
        }
        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        assertEquals("@" + ConsoleUsers.ADMIN, browser.text("#whoami"));
        for (ConsoleTour.Stop stop : ConsoleTour.admin(places)) {
            visit("admin", stop);
        }
        ConsoleUsers.signIn(browser, plainUser, PASSWORD);
        assertEquals("@" + plainUser, browser.text("#whoami"));
        for (ConsoleTour.Stop stop : ConsoleTour.user(places)) {
            visit("user", stop);
        }
        browser.driver().manage().window().setSize(DESKTOP);

        StringBuilder report = new StringBuilder();
        int total = 0;
        for (var page : FINDINGS.entrySet()) {
            total += page.getValue().size();
            report.append(page.getKey())
                    .append(": ")
                    .append(page.getValue().size())
                    .append(" clipped\n");
            page.getValue().stream()
                    .limit(25)
                    .forEach(f -> report.append("    ").append(f).append('\n'));
        }
        System.out.println("Clipped-cell scan: " + total + " findings on " + FINDINGS.size() + " pages\n" + report);
        System.out.println("Pages scrolling sideways: " + SIDEWAYS);
        assertTrue(SIDEWAYS.isEmpty(), "pages wider than the window: " + SIDEWAYS);
        assertEquals(0, total, "clipped table content:\n" + report);
    }

    /**
     * On a phone the Users table shows two columns of six: its right edge fades while columns are out of sight to
     * the right, both edges once scrolled part way, the left edge at the end.
     */
    @Test
    void aTableWiderThanAPhoneShowsWhichSideHasMoreColumns() {
        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        browser.driver().manage().window().setSize(PHONE);
        try {
            browser.open("/console/system/users.xhtml").waitForPage();
            String box = "[data-scroll-region='auto']";
            assertEquals("right", browser.find(box).getAttribute("data-scroll-more"));
            browser.script(
                    "var b = document.querySelector(arguments[0]); b.scrollLeft = (b.scrollWidth - b.clientWidth) / 2;",
                    box);
            waitForCue(box, "both");
            browser.script("var b = document.querySelector(arguments[0]); b.scrollLeft = b.scrollWidth;", box);
            waitForCue(box, "left");
            browser.screenshot("layout-admin-390-users-scrolled");
            // Reached from the keyboard, the box drops its fade: a mask would hide its focus ring.
            browser.find(box).sendKeys(Keys.ARROW_LEFT);
            assertEquals(
                    List.of(true, "none", "solid"),
                    browser.script(
                            "var b = document.querySelector(arguments[0]), cs = getComputedStyle(b);"
                                    + " return [document.activeElement === b, cs.maskImage, cs.outlineStyle];",
                            box));
        } finally {
            browser.driver().manage().window().setSize(DESKTOP);
        }
    }

    private static void waitForCue(String box, String side) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> side.equals(browser.find(box).getAttribute("data-scroll-more")));
    }

    /** The scan itself: a table that cuts a cell and ellipsizes a value, added to the page, is found. */
    @SuppressWarnings("unchecked")
    private static void assertTheScanSeesClipping() {
        browser.script("var t = document.createElement('table'); t.id = 'scanProbe';"
                + " t.style.tableLayout = 'fixed'; t.style.width = '120px';"
                + " var cell = t.insertRow().insertCell(); cell.style.overflow = 'hidden';"
                + " cell.textContent = 'AnUnbreakableValueMuchWiderThanItsCell';"
                + " var other = t.insertRow().insertCell(); var span = document.createElement('span');"
                + " span.style.display = 'block'; span.style.overflow = 'hidden'; span.style.whiteSpace = 'nowrap';"
                + " span.style.textOverflow = 'ellipsis'; span.textContent = 'text cut short with an ellipsis here';"
                + " other.appendChild(span); document.querySelector('.page').appendChild(t);");
        List<String> found = (List<String>) browser.script(SCAN);
        browser.script("document.getElementById('scanProbe').remove();");
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("cell td"), found.toString());
        assertTrue(found.get(1).startsWith("in cell span"), found.toString());
    }

    private static void signOut() {
        browser.open("/signin.xhtml").waitForPage();
        if (browser.has("#account\\:signOut")) {
            browser.clickAndWait("#account\\:signOut");
        }
    }

    private static void visit(String who, ConsoleTour.Stop stop) {
        for (Dimension size : WIDTHS) {
            browser.driver().manage().window().setSize(size);
            browser.open(stop.path()).waitForPage();
            assertTrue(browser.has(".page-title"), who + " " + stop + ": no console page: " + browser.pageText());
            look(who, size, stop.name());
        }
    }

    /** Scans the page now shown, then saves its screenshot. */
    @SuppressWarnings("unchecked")
    private static void look(String who, Dimension size, String page) {
        long inner = ((Number) browser.script("return window.innerWidth;")).longValue();
        assertEquals(size.getWidth(), inner, "the window is as wide as asked");
        String key = who + "/" + size.getWidth() + "/" + page;
        // Tables folded away in <details> (numbers behind charts) are opened: they are scanned too.
        browser.script("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        List<String> found = (List<String>) browser.script(SCAN);
        if (!found.isEmpty()) {
            FINDINGS.put(key, found);
        }
        long wide = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
        long shown = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        if (wide > shown) {
            SIDEWAYS.add(key + " (" + wide + " > " + shown + " px)");
        }
        screenshot("layout-" + who + "-" + size.getWidth() + "-" + page);
    }

    /** The whole page (up to {@link #MAX_SHOT_HEIGHT} px), through Chromium's DevTools: not just the window. */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name) {
        Map<String, Object> metrics = browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        // The whole window's width: captured beyond the viewport, the page is laid out without a scroll bar.
        long width = ((Number) browser.script("return window.innerWidth;")).longValue();
        long height = Math.min(MAX_SHOT_HEIGHT, ((Number) content.get("height")).longValue());
        Map<String, Object> shot = browser.driver()
                .executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path dir = Path.of(System.getProperty("hookline.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the data the pages show --------------------------------------------------------------------------------

    /**
     * A team, channels and users with long names, a plain user who is a member, hooks of both with long titles
     * and descriptions, a few hundred posts through them (some refused, some split into several posts), and the
     * audit entries all of that leaves.
     */
    private static void seed(HooklineClient admin) {
        String suffix = ApiFixtures.suffix();
        String teamName = "layout-team-with-a-rather-long-name-" + suffix;
        JsonObject team = created(admin.postJson(
                "/api/v4/teams",
                Json.createObjectBuilder()
                        .add("name", teamName)
                        .add("display_name", "Platform Engineering and Release Automation " + suffix)
                        .add("type", "O")
                        .build()));
        String teamId = team.getString("id");

        String longUrl = "https://ci.example-corporation.com/job/platform-release-pipeline/"
                + "builds/2026-12-03T23-59-59Z/artifacts/reports/integration-tests/index.html";
        String channelId = created(admin.postJson(
                        "/api/v4/channels",
                        Json.createObjectBuilder()
                                .add("team_id", teamId)
                                .add("name", "build-results-of-the-integration-pipeline-" + suffix)
                                .add("display_name", "Build results of the nightly integration pipeline")
                                .add(
                                        "purpose",
                                        "Every build of the release pipeline reports here; the full"
                                                + " report of the last one is at " + longUrl)
                                .add("type", "O")
                                .build()))
                .getString("id");
        for (String type : new String[] {"O", "P"}) {
            created(admin.postJson(
                    "/api/v4/channels",
                    Json.createObjectBuilder()
                            .add("team_id", teamId)
                            .add("name", "x" + type.toLowerCase() + "-" + "deployment-notifications-" + suffix)
                            .add("display_name", "Deployment notifications for production (" + type + ")")
                            .add("purpose", longUrl)
                            .add("type", type)
                            .build()));
        }

        plainUser = null;
        String lastUser = null;
        for (int i = 0; i < 6; i++) {
            String username = "lay" + i + ApiFixtures.suffix();
            String id = created(admin.postJson(
                            "/api/v4/users",
                            Json.createObjectBuilder()
                                    .add("username", username)
                                    .add(
                                            "email",
                                            "firstname.middlename.lastname.with-a-long-mailbox." + username
                                                    + "@engineering.departments.example-corporation.com")
                                    .add("password", PASSWORD)
                                    .build()))
                    .getString("id");
            ApiFixtures.addTeamMember(admin, teamId, id);
            ApiFixtures.addChannelMember(admin, channelId, id);
            if (plainUser == null) {
                plainUser = username;
            }
            lastUser = username;
        }
        HooklineClient user = new HooklineClient();
        assertEquals(200, user.login(plainUser, PASSWORD).statusCode());

        String adminHookName = "Nightly integration pipeline of the platform release train " + suffix.substring(0, 4);
        String adminHook = hook(admin, channelId, adminHookName, longUrl);
        for (int i = 1; i < 4; i++) {
            hook(admin, channelId, "Deployment notifier for the production cluster number " + i, longUrl);
        }
        String userHookName = "Personal build watcher of " + plainUser + " for every branch";
        String userHook = hook(user, channelId, userHookName, longUrl);

        for (int i = 0; i < OK_POSTS; i++) {
            String text = i % 40 == 0
                    ? "Release notes " + i + ": " + "All integration tests passed on every platform. ".repeat(180)
                    : "Build " + i + " of the nightly pipeline passed: " + longUrl;
            assertHookOk(adminHook, Json.createObjectBuilder().add("text", text).build());
        }
        assertHookOk(
                adminHook,
                Json.createObjectBuilder()
                        .add(
                                "text",
                                "| Component | Status | Report |\n|---|---|---|\n"
                                        + "| platform-release-pipeline-integration-tests | :white_check_mark: passed | "
                                        + longUrl + " |\n| deployment | failed | see the logs |")
                        .build());
        for (int i = 0; i < REFUSED_POSTS; i++) {
            String body = i % 2 == 0
                    ? "{}"
                    : "{\"text\":\"x\",\"channel\":\"no-such-channel-with-a-long-name-" + suffix + "\"}";
            HttpResponse<String> response = ApiFixtures.hookJson(adminHook, body);
            assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
        }
        for (int i = 0; i < USER_POSTS; i++) {
            assertHookOk(
                    userHook,
                    Json.createObjectBuilder()
                            .add("text", "Branch feature/" + i + "-a-very-long-branch-name built: " + longUrl)
                            .build());
        }
        places = new ConsoleTour.Places(
                channelId, editKey(true, adminHookName), editKey(false, userHookName), teamName, channelId, lastUser);
    }

    private static String hook(HooklineClient as, String channelId, String name, String longUrl) {
        return created(as.postJson(
                        "/api/v4/hooks/incoming",
                        Json.createObjectBuilder()
                                .add("channel_id", channelId)
                                .add("display_name", name)
                                .add("description", "Posts the result of every run; the dashboard is at " + longUrl)
                                .add("channel_locked", false)
                                .add("username", "")
                                .add("icon_url", "")
                                .build()))
                .getString("id");
    }

    private static void assertHookOk(String hookId, JsonObject body) {
        HttpResponse<String> response = ApiFixtures.hookJson(hookId, body.toString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    /** The console key of the hook named {@code name}, from its Edit link on its creator's Integrations page. */
    private static String editKey(boolean admin, String name) {
        if (admin) {
            ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        } else {
            ConsoleUsers.signIn(browser, plainUser, PASSWORD);
        }
        browser.open("/console/hooks/index.xhtml").waitForPage();
        WebElement row = browser.all("table tbody tr").stream()
                .filter(r -> r.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
        String href = row.findElement(By.cssSelector("a.edit-hook")).getAttribute("href");
        return href.replaceAll(".*[?&]hook=([^&]+).*", "$1");
    }
}
