package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21, lists that scale: with 2,000 users, 1,000 hooks, 20,000 audit entries, 120 teams, 120 channels in a
 * team and a hook's full delivery log (seeded over JDBC, {@link ListSeed}), each console list pages on the server
 * (50 rows), searches and sorts, and answers in under {@value #BUDGET_MS} ms measured in the browser: a full page
 * by its Navigation Timing entry (start to load event), a page change or a sort (PrimeFaces Ajax) from the click to
 * the table's update. Each list is loaded once before it is measured (as an admin who opens it again: the
 * scripts and styles are cached, the server's code paths warm); one timing line per list is printed. A plain user
 * still sees only their own hooks. Runs last: the seeded rows would push other tests' rows off first pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(100)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListPagingBrowserIT extends AdminBrowserTestBase {

    static final long BUDGET_MS = 500;
    static final int PAGE = 50;

    static final int USERS = 2_000;
    static final int HOOKS = 1_000;
    static final int AUDITS = 20_000;
    static final int TEAMS = 120;
    static final int CHANNELS = 120;
    static final int BUILD_HOOKS = 30;
    static final int PLAIN_HOOKS = 60;
    static final int DELIVERIES = 100;

    /** Letters only: part of every seeded name and id, unique in the run. */
    static final String TAG = tag();

    static final String PLAIN_PASSWORD = "Plain-pass-21";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static String plainUser;
    private static String deliveriesKey;
    private static final List<String> TIMINGS = new ArrayList<>();

    private static String tag() {
        Random random = new Random();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tag.append((char) ('a' + random.nextInt(26)));
        }
        return tag.toString();
    }

    static String username(int n) {
        return TAG + String.format("%04d", n);
    }

    @BeforeAll
    static void seed() throws Exception {
        // The plain user signs in, so is made through the API (one password hash); the rest goes in over JDBC.
        plainUser = TAG + "plain";
        HttpResponse<String> created = admin.postJson(
                "/api/v4/users",
                Json.createObjectBuilder()
                        .add("username", plainUser)
                        .add("email", plainUser + "@example.com")
                        .add("password", PLAIN_PASSWORD)
                        .build());
        assertEquals(201, created.statusCode(), created.body());
        String plainId = HooklineClient.json(created).getString("id");
        String mainTeam = ApiFixtures.mainTeamId(admin);
        ApiFixtures.addTeamMember(admin, mainTeam, plainId);

        long started = System.nanoTime();
        try (ListSeed seed = new ListSeed(TAG)) {
            List<String[]> users = new ArrayList<>();
            for (int n = 0; n < USERS - 3; n++) {
                users.add(new String[] {username(n), username(n) + "@example.com"});
            }
            users.add(new String[] {TAG + "a_b", TAG + "a_b@example.com"});
            users.add(new String[] {TAG + "axb", TAG + "axb@example.com"});
            users.add(new String[] {TAG + "pct", TAG + "50%off@example.com"});
            List<String> userIds = seed.users(users);

            String town = seed.channelId(mainTeam, "town-square");
            String adminId = seed.userId(ConsoleUsers.ADMIN);
            String builds = seed.channel(0, mainTeam, "O", TAG + "-builds", "Builds " + TAG, adminId, false);
            seed.commit();
            List<Object[]> hooks = new ArrayList<>();
            for (int n = 0; n < HOOKS; n++) {
                String channel = n < BUILD_HOOKS ? builds : town;
                hooks.add(new Object[] {userIds.get(n % 50), channel, mainTeam, hookName(n), 1_000L * n});
            }
            seed.hooks(0, hooks);
            List<Object[]> mine = new ArrayList<>();
            for (int n = 0; n < PLAIN_HOOKS; n++) {
                mine.add(new Object[] {plainId, town, mainTeam, "Mine " + TAG + String.format(" %02d", n), 500L * n});
            }
            seed.hooks(HOOKS, mine);
            deliveriesKey = seed.consoleKey(HOOKS - 1);
            seed.deliveries(seed.hookId(HOOKS - 1), town, DELIVERIES);

            List<Object[]> audits = new ArrayList<>();
            long now = System.currentTimeMillis();
            String[] actions = {"updateIncomingHook", "createIncomingHook", "deleteIncomingHook", "updateConfig"};
            for (int n = 0; n < AUDITS; n++) {
                String action = n % 100 == 7 ? TAG + "Rare" : actions[n % actions.length];
                // Spread over the last 20 days, newest first by n.
                audits.add(new Object[] {userIds.get(n % (USERS - 3)), action, now - 86_400L * n});
            }
            seed.audits(audits);

            for (int n = 0; n < TEAMS; n++) {
                seed.team(n, TAG + "-t" + String.format("%03d", n), "Team " + TAG + String.format(" %03d", n), "O");
            }
            String chanTeam = seed.team(TEAMS, TAG + "-chan", "Channels " + TAG, "O");
            for (int n = 0; n < CHANNELS; n++) {
                seed.channel(
                        1 + n,
                        chanTeam,
                        n % 4 == 3 ? "P" : "O",
                        TAG + "-c" + String.format("%03d", n),
                        "Chan " + String.format("%03d", (n * 37) % CHANNELS),
                        adminId,
                        n % 10 == 9);
            }
            seed.commit();
        }
        System.out.printf(
                "list paging: seeded %d users, %d hooks, %d audit entries, %d teams, %d channels, %d deliveries over"
                        + " JDBC in %d ms%n",
                USERS,
                HOOKS + PLAIN_HOOKS,
                AUDITS,
                TEAMS + 1,
                CHANNELS + 1,
                DELIVERIES,
                (System.nanoTime() - started) / 1_000_000);
    }

    static String hookName(int n) {
        return "Hook " + TAG + String.format(" %04d", (n * 7919) % HOOKS);
    }

    @AfterAll
    static void printTimings() {
        TIMINGS.forEach(System.out::println);
        System.out.println(
                "list paging: " + extraRounds + " figures measured again (over budget in their first round)");
    }

    @Test
    @Order(1)
    void users() {
        ConsoleUsers.signInAsAdmin(browser);
        String table = "#users\\:list";
        String path = "/console/system/users.xhtml";
        long first = firstPage(path, table);
        List<String> names = column(table, 1);
        assertEquals(PAGE, names.size(), "a page of 50");
        assertSorted(names, "usernames, page 1");

        long page2 = nextPage(table);
        List<String> names2 = column(table, 1);
        assertEquals(PAGE, names2.size());
        assertSorted(names2, "usernames, page 2");
        assertTrue(names.get(PAGE - 1).compareTo(names2.get(0)) < 0, names + " then " + names2);

        long search = timedSearch(path, "#userSearchText", username(1234), "#userSearchGo");
        assertEquals(List.of("@" + username(1234)), column(table, 1));
        // LIKE's wildcards typed in the search are taken literally.
        search(path, "#userSearchText", TAG + "a_b", "#userSearchGo");
        assertEquals(List.of("@" + TAG + "a_b"), column(table, 1), "'_' is no wildcard");
        search(path, "#userSearchText", "50%", "#userSearchGo");
        assertEquals(List.of(TAG + "50%off@example.com"), column(table, 2), "'%' is no wildcard");
        search(path, "#userSearchText", "@" + TAG.toUpperCase(Locale.ROOT) + "00", "#userSearchGo");
        List<String> byPrefix = column(table, 1);
        assertEquals(PAGE, byPrefix.size());
        assertTrue(byPrefix.stream().allMatch(u -> u.startsWith("@" + TAG + "00")), byPrefix.toString());
        search(path, "#userSearchText", "no-such-" + TAG, "#userSearchGo");
        assertTrue(browser.text(table).contains("No user matches the search."), browser.text(table));

        browser.open(path + "?q=" + TAG).waitForPage();
        long sort = timedSort(table, "Email");
        List<String> emails = column(table, 2);
        assertEquals(PAGE, emails.size());
        assertSorted(emails, "emails ascending");
        sort(table, "Email");
        List<String> descending = column(table, 2);
        assertSorted(reversed(descending), "emails descending");
        assertTrue(descending.get(0).compareTo(emails.get(PAGE - 1)) > 0);
        nextPage(table);
        assertSorted(reversed(column(table, 2)), "page 2 keeps the sort");
        assertTrue(column(table, 2).get(0).compareTo(descending.get(PAGE - 1)) < 0);
        report("users", first, page2, search, sort);
    }

    @Test
    @Order(2)
    void integrations() {
        ConsoleUsers.signInAsAdmin(browser);
        String table = "#hooks\\:list";
        String path = "/console/hooks/index.xhtml";
        long first = firstFullPage(path, table);
        long page2 = nextFullPage(table);

        long search = timedSearch(path, "#hookSearchText", "builds " + TAG, "#hookSearchGo");
        List<String> channels = column(table, 2);
        assertEquals(BUILD_HOOKS, channels.size(), channels.toString());
        assertTrue(channels.stream().allMatch(c -> c.equals("Builds " + TAG)), channels.toString());
        search(path, "#hookSearchText", hookName(42).substring(5), "#hookSearchGo");
        assertEquals(1, rows(table).size());
        assertTrue(
                column(table, 1).get(0).startsWith(hookName(42)),
                column(table, 1).toString());

        browser.open(path + "?q=" + TAG).waitForPage();
        long sort = timedSort(table, "Name");
        List<String> names = column(table, 1).stream()
                .map(n -> n.lines().findFirst().orElse(""))
                .toList();
        assertEquals(PAGE, names.size());
        assertSorted(names, "hook names ascending");
        assertEquals("Hook " + TAG + " 0000", names.get(0));
        nextPage(table);
        assertEquals(
                "Hook " + TAG + " 0050",
                column(table, 1).get(0).lines().findFirst().orElse(""));
        report("integrations", first, page2, search, sort);
    }

    @Test
    @Order(3)
    void teams() {
        ConsoleUsers.signInAsAdmin(browser);
        String table = "#teams\\:list";
        String path = "/console/system/teams.xhtml";
        long first = firstFullPage(path, table);
        assertSorted(column(table, 1), "team names");
        long page2 = nextFullPage(table);
        long search = timedSearch(path, "#teamSearchText", TAG + "-t007", "#teamSearchGo");
        assertEquals(List.of(TAG + "-t007"), column(table, 1));
        browser.open(path + "?q=" + TAG).waitForPage();
        long sort = timedSort(table, "Display name");
        sort(table, "Display name");
        List<String> names = column(table, 2);
        assertEquals(PAGE, names.size());
        assertEquals("Team " + TAG + " 119", names.get(0), "descending after the second click");
        assertSorted(reversed(names), "display names descending");
        report("teams", first, page2, search, sort);
    }

    @Test
    @Order(4)
    void channels() {
        ConsoleUsers.signInAsAdmin(browser);
        String table = "#channels\\:list";
        String path = "/console/system/channels.xhtml?team=" + TAG + "-chan";
        long first = firstFullPage(path, table);
        assertFalse(browser.text(table).contains("Archived"), "active channels first");
        long page2 = nextFullPage(table);
        long search = timedSearch(path, "#channelSearchText", "~" + TAG + "-c042", "#channelSearchGo");
        assertEquals(1, rows(table).size());
        assertTrue(browser.text(table).contains("~" + TAG + "-c042"), browser.text(table));
        browser.open(path).waitForPage();
        long sort = timedSort(table, "Channel");
        List<String> names = column(table, 1);
        assertEquals(PAGE, names.size());
        assertTrue(names.get(0).startsWith("Chan 000"), names.toString());
        assertSorted(names, "channels by display name");
        report("channels", first, page2, search, sort);
    }

    @Test
    @Order(5)
    void auditLog() {
        ConsoleUsers.signInAsAdmin(browser);
        String table = "#auditList\\:audits";
        String path = "/console/system/audits.xhtml";
        long first = firstPage(path, table);
        List<String> when = column(table, 1);
        assertEquals(PAGE, when.size());
        assertSorted(reversed(when), "newest first");
        long page2 = nextPage(table);
        List<String> when2 = column(table, 1);
        assertEquals(PAGE, when2.size());
        assertTrue(when2.get(0).compareTo(when.get(PAGE - 1)) <= 0, "page 2 is older");

        browser.open(path).waitForPage();
        browser.type("#auditActor", username(7));
        long search = timedSearch(path, "#auditAction", "RARE", "#auditSearchGo");
        List<String> actors = column(table, 2);
        assertEquals(List.of("@" + username(7)), actors.stream().distinct().toList(), actors.toString());
        assertEquals(List.of(TAG + "Rare"), column(table, 3).stream().distinct().toList());
        // n % 100 == 7 and n % 1997 == 7: n = 7 and the next ones a multiple of 199,700 later: one entry.
        assertEquals(1, actors.size(), actors.toString());

        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        browser.open(path + "?from=" + day + "&to=" + day + "&action=" + TAG + "rare")
                .waitForPage();
        List<String> days = column(table, 1);
        assertEquals(10, days.size(), "one day of rare entries: 1,000 a day, one in a hundred rare");
        assertTrue(days.stream().allMatch(d -> d.startsWith(day.toString())), days.toString());
        assertEquals(List.of(TAG + "Rare"), column(table, 3).stream().distinct().toList());

        browser.open(path + "?action=" + URLEncoder.encode("%", StandardCharsets.UTF_8))
                .waitForPage();
        assertTrue(browser.text(table).contains("No entry matches the search."), "'%' is no wildcard");

        browser.open(path).waitForPage();
        long sort = timedSort(table, "Action");
        List<String> actions = column(table, 3);
        assertEquals(PAGE, actions.size());
        assertSorted(actions, "actions ascending");
        report("audit log", first, page2, search, sort);
    }

    @Test
    @Order(6)
    void deliveries() {
        ConsoleUsers.signInAsAdmin(browser);
        String table = "#deliveries\\:list";
        String path = "/console/hooks/edit.xhtml?hook=" + deliveriesKey;
        long first = firstPage(path, table);
        List<String> times = column(table, 1);
        assertEquals(PAGE, times.size());
        assertSorted(reversed(times), "newest first");
        long page2 = nextFullPage(table);
        assertNotEquals(times.get(0), column(table, 1).get(0));
        long sort = timedSort(table, "Status");
        List<String> statuses = column(table, 2);
        assertEquals(PAGE, statuses.size());
        assertEquals(List.of("200"), statuses.stream().distinct().toList(), "ok ones first");
        sort(table, "Status");
        List<String> descending = column(table, 2);
        assertEquals("400", descending.get(0), "then refusals first");
        assertSorted(reversed(descending), "statuses descending");
        report("hook deliveries", first, page2, -1, sort);
    }

    @Test
    @Order(7)
    void aPlainUserPagesThroughTheirOwnHooksOnly() {
        ConsoleUsers.signIn(browser, plainUser, PLAIN_PASSWORD);
        String table = "#hooks\\:list";
        String path = "/console/hooks/index.xhtml";
        firstPage(path, table);
        List<String> names = column(table, 1);
        assertEquals(PAGE, names.size());
        assertTrue(names.stream().allMatch(n -> n.startsWith("Mine " + TAG)), names.toString());
        nextPage(table);
        List<String> rest = column(table, 1);
        assertEquals(PLAIN_HOOKS - PAGE, rest.size(), rest.toString());
        assertTrue(rest.stream().allMatch(n -> n.startsWith("Mine " + TAG)), rest.toString());
        search(path, "#hookSearchText", hookName(42).substring(5), "#hookSearchGo");
        assertTrue(browser.text(table).contains("No webhook matches the search."), browser.text(table));
        assertFalse(browser.pageText().contains("Created by"), "no creator column for a plain user");
    }

    // --- measuring -------------------------------------------------------------------------------------------

    /** Each figure is the median of this many measurements, taken after one unmeasured warm-up. */
    static final int RUNS = 3;

    /**
     * A figure over budget is measured again, up to this many rounds in all, and the lowest round's median counts:
     * other processes on the test machine (parallel builds, the other CI lane) can slow one round down.
     */
    static final int ROUNDS = 3;

    /** Rounds measured beyond the first, reported with the timings. */
    private static int extraRounds;

    private static long bestOf(java.util.function.LongSupplier round) {
        long best = round.getAsLong();
        for (int i = 1; i < ROUNDS && best >= BUDGET_MS; i++) {
            extraRounds++;
            best = Math.min(best, round.getAsLong());
        }
        return best;
    }

    /**
     * Loads {@code path} once to warm up, then {@value #RUNS} times: the median of their Navigation Timing, start
     * to load event.
     */
    /** {@link #firstPage}, and it is a full page ({@value #PAGE} rows). */
    private static long firstFullPage(String path, String table) {
        long ms = firstPage(path, table);
        assertEquals(PAGE, rows(table).size());
        return ms;
    }

    /** {@link #nextPage}, and it is a full page ({@value #PAGE} rows). */
    private static long nextFullPage(String table) {
        long ms = nextPage(table);
        assertEquals(PAGE, rows(table).size());
        return ms;
    }

    private static long firstPage(String path, String table) {
        return bestOf(() -> firstPageRound(path, table));
    }

    private static long firstPageRound(String path, String table) {
        browser.open(path).waitForPage();
        browser.find(table);
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            browser.open(path).waitForPage();
            browser.find(table);
            ms.add(navigationMillis());
        }
        return median(ms);
    }

    /** The median of {@value #RUNS} identical searches (a GET each): their result pages' Navigation Timing. */
    private static long timedSearch(String path, String field, String text, String submit) {
        return bestOf(() -> timedSearchRound(path, field, text, submit));
    }

    private static long timedSearchRound(String path, String field, String text, String submit) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ms.add(search(path, field, text, submit));
        }
        return median(ms);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    /** A search submitted through the page's GET form: the result page's Navigation Timing. */
    private static long search(String path, String field, String text, String submit) {
        if (!browser.path().equals(path.replaceAll("\\?.*", ""))) {
            browser.open(path).waitForPage();
        }
        browser.type(field, text);
        browser.clickAndWait(submit);
        return navigationMillis();
    }

    private static long navigationMillis() {
        Object ms = null;
        for (int i = 0; i < 100 && ms == null; i++) {
            ms = browser.script("var n = performance.getEntriesByType('navigation')[0];"
                    + " return n && n.loadEventEnd > 0 ? n.loadEventEnd - n.startTime : null;");
            if (ms == null) {
                sleep(20);
            }
        }
        assertTrue(ms instanceof Number, "no navigation timing");
        return Math.round(((Number) ms).doubleValue());
    }

    /**
     * From page 1 to page 2 by the paginator's next button, once to warm up and {@value #RUNS} times measured (back
     * to page 1 in between): the median time until PrimeFaces has put the new rows in. Ends on page 2.
     */
    private static long nextPage(String table) {
        long ms = nextPageRound(table);
        for (int i = 1; i < ROUNDS && ms >= BUDGET_MS; i++) {
            extraRounds++;
            ajaxClick(browser.find(table + " .ui-paginator-prev"));
            ms = Math.min(ms, nextPageRound(table));
        }
        return ms;
    }

    private static long nextPageRound(String table) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i <= RUNS; i++) {
            String before = String.join("|", column(table, 1));
            long took = ajaxClick(browser.find(table + " .ui-paginator-next"));
            assertNotEquals(before, String.join("|", column(table, 1)), "the rows changed");
            if (i > 0) {
                ms.add(took);
            }
            if (i < RUNS) {
                ajaxClick(browser.find(table + " .ui-paginator-prev"));
                assertEquals(before, String.join("|", column(table, 1)), "back on page 1");
            }
        }
        return median(ms);
    }

    /** Clicks the header of the column headed {@code header} once: sorts by it, then the other way round. */
    private static long sort(String table, String header) {
        return ajaxClick(header(table, header));
    }

    /**
     * Sorts by the column headed {@code header}, measured: once ascending to warm up, then {@value #RUNS} + 1 times
     * (descending, ascending, …), the median time to the table's update. Ends sorted ascending.
     */
    private static long timedSort(String table, String header) {
        sort(table, header);
        return bestOf(() -> timedSortRound(table, header));
    }

    /** From ascending: descending, ascending, … an even number of clicks, so every round ends ascending. */
    private static long timedSortRound(String table, String header) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < RUNS + 1; i++) {
            ms.add(sort(table, header));
        }
        return median(ms);
    }

    private static WebElement header(String table, String header) {
        return browser.all(table + " thead th.ui-sortable-column").stream()
                .filter(h -> h.getText().trim().equals(header))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sortable column " + header + " in " + table));
    }

    /** Clicks {@code element} and waits for PrimeFaces' Ajax round trip to end (pfAjaxComplete, DOM updated). */
    private static long ajaxClick(WebElement element) {
        Object ms = browser.driver()
                .executeAsyncScript(
                        "var el = arguments[0], done = arguments[arguments.length - 1], t0 = performance.now();"
                                + " $(document).one('pfAjaxComplete', function () {"
                                + "   setTimeout(function () { done(performance.now() - t0); }, 0); });"
                                + " el.click();",
                        element);
        browser.waitForPage();
        return Math.round(((Number) ms).doubleValue());
    }

    private static List<WebElement> rows(String table) {
        return browser.driver().findElements(By.cssSelector(table + "_data > tr:not(.ui-datatable-empty-message)"));
    }

    /** The texts of the {@code n}-th column (from 1) of the table's rows. */
    private static List<String> column(String table, int n) {
        return rows(table).stream()
                .map(r -> r.findElement(By.cssSelector("td:nth-child(" + n + ")"))
                        .getText()
                        .trim())
                .toList();
    }

    private static List<String> reversed(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static void assertSorted(List<String> values, String what) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        List<String> ignoringCase = new ArrayList<>(values);
        ignoringCase.sort(String.CASE_INSENSITIVE_ORDER);
        assertTrue(values.equals(sorted) || values.equals(ignoringCase), what + " not sorted: " + values);
    }

    private static void report(String list, long first, long page2, long search, long sort) {
        String line = "list " + list + ": first page " + first + " ms, page 2 " + page2 + " ms"
                + (search < 0 ? "" : ", search " + search + " ms") + ", sort " + sort + " ms";
        System.out.println(line);
        TIMINGS.add(line);
        Predicate<Long> slow = ms -> ms >= BUDGET_MS;
        assertFalse(
                slow.test(first) || slow.test(page2) || slow.test(search) || slow.test(sort),
                line + ": over " + BUDGET_MS + " ms at " + Instant.now());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
