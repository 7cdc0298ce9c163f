package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.mainChannelId;
import static io.hookline.it.ApiFixtures.suffix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import io.hookline.it.Poll;
import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 20 in Chromium: hooks post (some refused), then System Console → Site Statistics shows them in its charts
 * and tables, by as much as was sent, and the hook's page draws its deliveries over the day; each chart is a canvas
 * Chart.js really drew on (its bars' colour is on it), with the same numbers as the table beside it, and no script
 * error or Content-Security-Policy violation. Other browser tests post too, so the site-wide numbers are compared
 * before and after this test's requests; the hook is this test's own. Screenshots at 1280 and 390 px.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(6)
class SiteStatisticsBrowserIT extends AdminBrowserTestBase {

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    /** Tall enough for the whole dashboard in one desktop screenshot. */
    private static final Dimension DESKTOP_TALL = new Dimension(1280, 1800);

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final int OK_POSTS = 5;
    private static final int NO_TEXT = 3;
    private static final int NO_CHANNEL = 2;
    /** The colour of hook posts' and ok deliveries' bars (SiteStatisticsPage, HookDeliveryChart). */
    private static final int[] BLUE = {0x2f, 0x6f, 0xde};
    /** The colour of refused requests' bars, and of the most frequent error id. */
    private static final int[] ORANGE = {0xc2, 0x41, 0x0c};

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void postsAndRefusalsShowInTheChartsAndTablesOfSiteStatisticsAndTheHooksPage() {
        String channel = mainChannelId(admin, "town-square");
        String name = "Stats robot " + suffix();
        String hookId = createHook(admin, channel, name, false, "", "").getString("id");

        ConsoleUsers.signInAsAdmin(browser);
        browser.open("/console/system/statistics.xhtml").waitForPage();
        long postsBefore = number("#postTotal");
        long hookPostsBefore = number("#hookPostTotal");
        long refusedBefore = number("#refusalTotal");
        Map<String, Long> byIdBefore = refusalsById();

        for (int i = 0; i < OK_POSTS; i++) {
            assertEquals(
                    200, post(hookId, "{\"text\":\"build " + i + " passed\"}").statusCode());
        }
        String noText = refuse(hookId, "{}", NO_TEXT);
        String noChannel =
                refuse(hookId, "{\"text\":\"x\",\"channel\":\"no-such-channel-" + suffix() + "\"}", NO_CHANNEL);
        awaitDeliveries(hookId, OK_POSTS + NO_TEXT + NO_CHANNEL);

        // The last hour: the totals moved by exactly what was sent.
        browser.driver().manage().window().setSize(DESKTOP_TALL);
        browser.clickAndWait("#sysStatistics");
        assertEquals("/console/system/statistics.xhtml", browser.path());
        assertEquals("page", browser.find("#lastHour").getAttribute("aria-current"));
        assertEquals(postsBefore + OK_POSTS, number("#postTotal"));
        assertEquals(hookPostsBefore + OK_POSTS, number("#hookPostTotal"));
        assertEquals(refusedBefore + NO_TEXT + NO_CHANNEL, number("#refusalTotal"));
        Map<String, Long> byId = refusalsById();
        assertEquals(byIdBefore.getOrDefault(noText, 0L) + NO_TEXT, byId.get(noText), byId.toString());
        assertEquals(byIdBefore.getOrDefault(noChannel, 0L) + NO_CHANNEL, byId.get(noChannel), byId.toString());

        // This test's hook in both lists, with its own numbers, linked by console key (never by its id).
        WebElement busiest = hookRow("#busiest", name);
        assertEquals(
                String.valueOf(OK_POSTS),
                busiest.findElement(By.cssSelector(".hook-count")).getText());
        WebElement failing = hookRow("#failing", name);
        assertEquals(
                String.valueOf(NO_TEXT + NO_CHANNEL),
                failing.findElement(By.cssSelector(".hook-count")).getText());
        assertEquals(
                String.valueOf(OK_POSTS + NO_TEXT + NO_CHANNEL),
                failing.findElement(By.cssSelector(".hook-total")).getText());
        assertFalse(browser.driver().getPageSource().contains(hookId), "the page never holds a hook id");

        // Each chart drew, with the table's numbers.
        assertEquals(number("#postTotal"), chartTotal("#postsChart"));
        assertEquals(number("#refusalTotal"), chartTotal("#refusalsChart"));
        assertEquals(tableCounts("#busiest"), chartValues("#busiestChart", 0));
        assertEquals(tableCounts("#failing"), chartValues("#failingChart", 0));
        assertTrue(pixelsOf("#postsChart", BLUE) > 0, "the posts chart has blue bars");
        assertTrue(pixelsOf("#busiestChart", BLUE) > 0, "the busiest hooks chart has blue bars");
        assertTrue(pixelsOf("#failingChart", ORANGE) > 0, "the failing hooks chart has orange bars");
        assertTrue(pixelsOf("#refusalsChart", ORANGE) > 0, "the refusal chart's most frequent error id is drawn");

        // The per-minute table (behind "The numbers per minute") adds up to the same totals.
        browser.click("#bucketNumbers summary");
        long tablePosts = browser.all("#postsCard .bucket-posts").stream()
                .mapToLong(cell -> Long.parseLong(cell.getText()))
                .sum();
        assertEquals(number("#postTotal"), tablePosts);
        browser.click("#bucketNumbers summary"); // closed again: the screenshot shows the whole dashboard
        assertNoConsoleErrors();
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("site-statistics-1280");

        browser.driver().manage().window().setSize(PHONE);
        waitForCharts();
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("site-statistics-390");
        scrollTo("#busiestCard");
        browser.screenshot("site-statistics-hooks-390");
        assertTrue(pixelsOf("#busiestChart", BLUE) > 0, "the busiest hooks chart redrew at phone width");
        browser.driver().manage().window().setSize(DESKTOP_TALL);

        // The last day: the same requests, per half hour.
        browser.clickAndWait("#lastDay");
        assertEquals("page", browser.find("#lastDay").getAttribute("aria-current"));
        assertTrue(browser.text("#postsHeading").contains("30 minutes"), browser.text("#postsHeading"));
        assertTrue(number("#postTotal") >= postsBefore + OK_POSTS);
        assertEquals(number("#postTotal"), chartTotal("#postsChart"));
        assertEquals(
                String.valueOf(OK_POSTS),
                hookRow("#busiest", name)
                        .findElement(By.cssSelector(".hook-count"))
                        .getText());
        assertNoConsoleErrors();
        browser.screenshot("site-statistics-day-1280");

        // The hook's page: its day of deliveries, ok and refused, exactly this test's requests.
        hookRow("#busiest", name).findElement(By.cssSelector("a.hook-name")).click();
        browser.waitForPage();
        assertEquals("/console/hooks/edit.xhtml", browser.path());
        assertEquals(OK_POSTS, number("#deliveryOkTotal"));
        assertEquals(NO_TEXT + NO_CHANNEL, number("#deliveryErrorTotal"));
        assertEquals(List.of((long) OK_POSTS), nonZero(chartValues("#deliveryChart", 0)));
        assertEquals(List.of((long) NO_TEXT + NO_CHANNEL), nonZero(chartValues("#deliveryChart", 1)));
        assertTrue(pixelsOf("#deliveryChart", BLUE) > 0, "ok deliveries are drawn");
        assertTrue(pixelsOf("#deliveryChart", ORANGE) > 0, "refused deliveries are drawn");
        browser.click("#deliveryNumbers summary");
        assertEquals(String.valueOf(OK_POSTS), browser.text("#deliveryNumbers .bucket-ok"));
        assertEquals(String.valueOf(NO_TEXT + NO_CHANNEL), browser.text("#deliveryNumbers .bucket-errors"));
        assertNoConsoleErrors();
        browser.driver().manage().window().setSize(DESKTOP);
        scrollTo("#deliveryChartCard");
        browser.screenshot("hook-deliveries-chart-1280");
        browser.driver().manage().window().setSize(PHONE);
        scrollTo("#deliveryChartCard");
        waitForCharts();
        browser.screenshot("hook-deliveries-chart-390");
        browser.driver().manage().window().setSize(DESKTOP);
        assertNoConsoleErrors();
    }

    /** Sends {@code body} {@code times} times, each refused with the same error id, which it answers. */
    private static String refuse(String hookId, String body, int times) {
        String id = null;
        for (int i = 0; i < times; i++) {
            HttpResponse<String> response = post(hookId, body);
            assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
            String answered = HooklineClient.json(response).getString("id");
            assertTrue(id == null || id.equals(answered), answered);
            id = answered;
        }
        return id;
    }

    private static HttpResponse<String> post(String hookId, String body) {
        return ApiFixtures.anonymous().postRaw("/hooks/" + hookId, "application/json", body);
    }

    private static void awaitDeliveries(String hookId, int count) {
        Poll.until(
                Duration.ofSeconds(5),
                () -> {
                    HttpResponse<String> response = admin.get("/api/v4/hooks/incoming/" + hookId + "/deliveries");
                    assertEquals(200, response.statusCode(), response.body());
                    return HooklineClient.jsonArray(response);
                },
                (JsonArray log) -> log.size() >= count,
                log -> "expected " + count + " deliveries: " + log);
    }

    private static long number(String css) {
        return Long.parseLong(browser.text(css).trim());
    }

    /** The refusal table: error id → refused requests; empty while nothing was refused. */
    private static Map<String, Long> refusalsById() {
        Map<String, Long> counts = new HashMap<>();
        for (WebElement row : browser.all("#refusals tbody tr")) {
            counts.put(
                    row.findElement(By.cssSelector(".refusal-id")).getText(),
                    Long.parseLong(
                            row.findElement(By.cssSelector(".refusal-count")).getText()));
        }
        return counts;
    }

    private static WebElement hookRow(String table, String name) {
        return browser.all(table + " tbody tr").stream()
                .filter(row -> row.findElements(By.cssSelector(".hook-name")).stream()
                        .anyMatch(cell -> cell.getText().equals(name)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + table + ": " + browser.text(table)));
    }

    private static List<Long> tableCounts(String table) {
        return browser.all(table + " tbody .hook-count").stream()
                .map(cell -> Long.parseLong(cell.getText()))
                .toList();
    }

    private static List<Long> nonZero(List<Long> values) {
        return values.stream().filter(v -> v != 0).toList();
    }

    /** The Chart.js chart PrimeFaces drew on the canvas of {@code chart} (a p:chart's id), once it has. */
    private static void awaitChart(String chart) {
        Poll.until(
                Duration.ofSeconds(10),
                () -> browser.script(
                        "var c = document.querySelector(arguments[0] + ' canvas');"
                                + " return !!(c && window.Chart && window.Chart.getChart(c));",
                        chart),
                Boolean.TRUE::equals,
                drawn -> "no chart drawn in " + chart);
    }

    /** After the window changed size: until every chart has been redrawn to its container's new width. */
    private static void waitForCharts() {
        Poll.until(
                Duration.ofSeconds(10),
                () -> browser.script("return Array.prototype.every.call(document.querySelectorAll('.ui-chart canvas'),"
                        + " function (c) { var chart = window.Chart.getChart(c);"
                        + " return !!chart && Math.abs(chart.width - c.parentNode.clientWidth) < 2; });"),
                Boolean.TRUE::equals,
                resized -> "charts not redrawn at the new width");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> chartValues(String chart, int dataset) {
        awaitChart(chart);
        List<Object> values = (List<Object>) browser.script(
                "return window.Chart.getChart(document.querySelector(arguments[0] + ' canvas'))"
                        + ".data.datasets[arguments[1]].data;",
                chart,
                dataset);
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** Every bar of every set of the chart, added up. */
    private static long chartTotal(String chart) {
        awaitChart(chart);
        Number total = (Number) browser.script(
                "return window.Chart.getChart(document.querySelector(arguments[0] + ' canvas')).data.datasets"
                        + ".reduce(function (sum, set) { return sum + set.data.reduce(function (a, b) { return a + b; },"
                        + " 0); }, 0);",
                chart);
        return total.longValue();
    }

    /** Pixels of exactly {@code rgb} on the chart's canvas: bars Chart.js drew in that colour. */
    private static long pixelsOf(String chart, int[] rgb) {
        awaitChart(chart);
        Number count = (Number) browser.script(
                "var c = document.querySelector(arguments[0] + ' canvas');"
                        + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                        + " for (var i = 0; i < d.length; i += 4) {"
                        + " if (d[i] === arguments[1] && d[i + 1] === arguments[2] && d[i + 2] === arguments[3]"
                        + " && d[i + 3] === 255) { n++; } }"
                        + " return n;",
                chart,
                rgb[0],
                rgb[1],
                rgb[2]);
        return count.longValue();
    }

    private static void scrollTo(String css) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
    }

    private static void assertNoConsoleErrors() {
        var errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "script errors or CSP violations: " + errors);
    }
}
