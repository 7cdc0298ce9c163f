package io.hookline.it;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 over plain HTTP, on every database the ITs run on (the statistics are SQL aggregates): System Console →
 * Site Statistics counts exactly the posts and refusals sent, names the hook by its console key, never by its id,
 * and keeps a hostile hook name from ending the inline script PrimeFaces writes the chart into; only system admins
 * open it; the hook's page counts its own deliveries. SiteStatisticsBrowserIT looks at the drawn charts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SiteStatisticsIT {

    private static final String PAGE = "/console/system/statistics.xhtml";
    private static final String HOSTILE_NAME = "</script><script>alert(1)</script>";
    private static final Pattern EDIT_LINK =
            Pattern.compile("href=\"[^\"]*/console/hooks/edit\\.xhtml\\?hook=([^\"&]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void siteStatisticsCountWhatWasSentAndTheHookPageItsOwnDeliveries() {
        HooklineClient admin = ApiFixtures.admin();
        TestUser owner = newUser(admin, "sts");
        String teamId = createTeam(owner.client()).getString("id");
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        String hookId = createHook(owner.client(), channelId, HOSTILE_NAME, false, "", "")
                .getString("id");
        ConsoleSession console = ConsoleSession.signIn(HooklineClient.adminUsername(), HooklineClient.adminPassword());

        String before = page(console, PAGE);
        for (int i = 0; i < 4; i++) {
            ApiFixtures.postThroughHook(hookId, "deploy " + i);
        }
        String refusedId = null;
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused =
                    ApiFixtures.anonymous().postRaw("/hooks/" + hookId, "application/json", "{}");
            assertEquals(400, refused.statusCode(), refused.body());
            refusedId = HooklineClient.json(refused).getString("id");
        }
        awaitDeliveries(owner.client(), hookId, 6);

        HttpResponse<String> response = console.get(PAGE);
        assertEquals(200, response.statusCode());
        String after = response.body();
        assertEquals(number(before, "postTotal") + 4, number(after, "postTotal"));
        assertEquals(number(before, "hookPostTotal") + 4, number(after, "hookPostTotal"));
        assertEquals(number(before, "refusalTotal") + 2, number(after, "refusalTotal"));
        assertRefusalsMoved(before, after, refusedId, 2);

        // The lists are the ten busiest / most failing hooks of the whole server: after the other ITs (the hostile
        // corpus refuses hundreds of requests) this hook may rank below them, and then every listed hook must
        // outrank it.
        String key = consoleKey(owner);
        boolean listed = assertListedOrOutranked(section(after, "busiestCard"), key, 4);
        if (assertListedOrOutranked(section(after, "failingCard"), key, 2)) {
            assertEquals("6", cell(section(after, "failingCard"), key, "hook-total"));
        }
        assertFalse(after.contains(hookId), "the page never holds a hook id");

        // The hook's name is in the busiest-hooks chart's inline script, escaped so that it cannot end it; every
        // inline script carries the CSP nonce.
        assertFalse(after.contains(HOSTILE_NAME), "the hostile name appears only escaped");
        if (listed) {
            assertTrue(after.contains("\\u003c/script\\u003e\\u003cscript\\u003e"), "escaped in the chart's JSON");
        }
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.matches(".*script-src 'self' 'nonce-[^']+';?"), csp);
        assertFalse(
                after.matches("(?s).*<script(?![^>]*\\bnonce=)(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>.*"),
                "no inline script without the nonce");
        assertTrue(after.contains("PrimeFaces.cw(\"Chart\""), "the charts are PrimeFaces widgets");

        // The day: the same hook, the same posts.
        String day = page(console, PAGE + "?window=day");
        assertListedOrOutranked(section(day, "busiestCard"), key, 4);
        assertTrue(number(day, "postTotal") >= number(after, "postTotal"));

        // Only system admins: the hook's owner is refused by the container.
        ConsoleSession ownerConsole = ConsoleSession.signIn(owner.username(), owner.password());
        assertEquals(403, ownerConsole.get(PAGE).statusCode());

        // The hook's page, as its owner sees it: exactly its own requests.
        String edit = page(ownerConsole, "/console/hooks/edit.xhtml?hook=" + key);
        assertEquals(4, number(edit, "deliveryOkTotal"));
        assertEquals(2, number(edit, "deliveryErrorTotal"));
        assertTrue(edit.contains("id=\"deliveryChart\""), "the delivery chart is on the page");
    }

    private static String page(ConsoleSession console, String path) {
        HttpResponse<String> response = console.get(path);
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static void awaitDeliveries(HooklineClient owner, String hookId, int count) {
        Poll.until(
                Duration.ofSeconds(5),
                () -> HooklineClient.jsonArray(owner.get("/api/v4/hooks/incoming/" + hookId + "/deliveries")),
                (JsonArray log) -> log.size() >= count,
                log -> "expected " + count + " deliveries: " + log);
    }

    private static long number(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
        assertTrue(m.find(), "no " + id + " on the page");
        return Long.parseLong(m.group(1));
    }

    /**
     * The refusals of {@code errorId} moved by exactly {@code sent} when the table lists the id before and after;
     * not listed after, it ranks below the six most frequent ids, and the table must list six ids and "other".
     */
    private static void assertRefusalsMoved(String before, String after, String errorId, int sent) {
        if (!listsRefusals(after, errorId)) {
            assertTrue(listsRefusals(after, "other"), "an id past the six most frequent is counted as other");
            assertEquals(7, counts(after, "refusal-count").size(), "six ids and other");
        } else if (listsRefusals(before, errorId)) {
            assertEquals(refusals(before, errorId) + sent, refusals(after, errorId));
        } else {
            // It joined the six most frequent with these refusals.
            assertTrue(refusals(after, errorId) >= sent, after);
        }
    }

    private static boolean listsRefusals(String html, String errorId) {
        return html.contains("class=\"refusal-id\">" + errorId + "</code>");
    }

    /** Every number in the cells of class {@code cellClass}. */
    private static List<Long> counts(String html, String cellClass) {
        Matcher m = Pattern.compile("class=\"" + cellClass + "\">(\\d+)<").matcher(html);
        List<Long> counts = new ArrayList<>();
        while (m.find()) {
            counts.add(Long.parseLong(m.group(1)));
        }
        return counts;
    }

    /**
     * The hook's row shows {@code expected}, or the list is full (ten hooks) and every listed hook has at least as
     * many; true when the hook is listed.
     */
    private static boolean assertListedOrOutranked(String table, String key, long expected) {
        if (table.contains("hook=" + key + "\"")) {
            assertEquals(String.valueOf(expected), cell(table, key, "hook-count"));
            return true;
        }
        List<Long> listed = counts(table, "hook-count");
        assertEquals(10, listed.size(), "the hook is missing from a list that is not full: " + table);
        assertTrue(listed.stream().allMatch(n -> n >= expected), "a listed hook ranks below this one: " + listed);
        return false;
    }

    /** The refusals of one error id in the refusal table; 0 when it is not listed (or no table: nothing refused). */
    private static long refusals(String html, String errorId) {
        Matcher m = Pattern.compile(
                        "class=\"refusal-id\">" + Pattern.quote(errorId) + "</code>.*?class=\"refusal-count\">(\\d+)<",
                        Pattern.DOTALL)
                .matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no " + id);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    /** The text of the cell {@code cellClass} in the row that links to the hook with console key {@code key}. */
    private static String cell(String table, String key, String cellClass) {
        Matcher m = Pattern.compile(
                        "hook=" + Pattern.quote(key) + "\".*?class=\"" + cellClass + "\">(\\d+)<", Pattern.DOTALL)
                .matcher(table);
        assertTrue(m.find(), "no row for " + key + " in " + table);
        return m.group(1);
    }

    /** The owner's one hook's console key, from their hook list. */
    private static String consoleKey(TestUser owner) {
        String list = page(ConsoleSession.signIn(owner.username(), owner.password()), "/console/hooks/index.xhtml");
        Matcher m = EDIT_LINK.matcher(list);
        assertTrue(m.find(), "no edit link on the hook list");
        return m.group(1);
    }
}
