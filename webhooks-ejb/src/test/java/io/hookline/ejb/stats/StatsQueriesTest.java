package io.hookline.ejb.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.testing.LogCapture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statistics' SQL on a database the real migrations made (in-memory H2): counts per bucket at the window's
 * edges, the lists' and the error series' bounds at and past them, and hooks named by console key only.
 */
class StatsQueriesTest {

    /** Flyway's INFO lines for every test's fresh schema stay out of the build's output. */
    @RegisterExtension
    final LogCapture flyway = LogCapture.named("org.flywaydb");

    private static final String URL = "jdbc:h2:mem:stats-queries;DB_CLOSE_DELAY=-1";
    private static final long MINUTE = 60_000L;
    /** A whole minute (and half hour) since the epoch, 2026-11-27 14:00 UTC, plus a few seconds. */
    private static final long NOW = 1_795_788_000_000L + 12_345L;

    private Connection db;
    private StatsTables tables;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(URL, "sa", "").load().migrate();
        db = DriverManager.getConnection(URL, "sa", "");
        tables = new StatsTables(db);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static TimeBuckets hour() {
        return StatsWindow.HOUR.endingAt(NOW);
    }

    @Test
    void postsCountInTheirMinuteAndOnlyInsideTheHour() throws SQLException {
        TimeBuckets hour = hour();
        String hook = tables.hook("a", "keya", "CI", false);
        tables.post(hour.start() - 1, hook); // one millisecond too early
        tables.post(hour.start(), hook); // the first minute's first millisecond
        tables.post(hour.start() + MINUTE - 1, null); // the first minute's last
        tables.post(hour.start() + 30 * MINUTE + 5, hook);
        tables.post(hour.start() + 30 * MINUTE + 6, hook);
        tables.post(NOW, null); // the current minute, still filling
        tables.post(hour.end(), hook); // past the window

        Series[] posts = StatsQueries.postsPerBucket(db, hour);
        assertEquals(60, posts[0].counts().size());
        assertEquals(2, posts[0].counts().get(0));
        assertEquals(1, posts[1].counts().get(0));
        assertEquals(2, posts[0].counts().get(30));
        assertEquals(2, posts[1].counts().get(30));
        assertEquals(1, posts[0].counts().get(59));
        assertEquals(0, posts[1].counts().get(59));
        assertEquals(5, posts[0].total());
        assertEquals(3, posts[1].total());
    }

    @Test
    void aDayHasFortyEightHalfHours() throws SQLException {
        TimeBuckets day = StatsWindow.DAY.endingAt(NOW);
        assertEquals(48, day.count());
        assertEquals(0, day.start() % StatsWindow.DAY.bucketMillis());
        assertTrue(day.start() <= NOW - 23 * 3_600_000L && NOW < day.end());
        tables.post(day.start(), null);
        tables.post(day.start() + 29 * MINUTE, null);
        tables.post(day.start() + 30 * MINUTE, null);
        tables.post(NOW, null);
        Series posts = StatsQueries.postsPerBucket(db, day)[0];
        assertEquals(List.of(2L, 1L), posts.counts().subList(0, 2));
        assertEquals(1, posts.counts().get(47));
        assertEquals(4, posts.total());
    }

    @Test
    void refusalsAreCountedPerErrorIdMostFrequentFirst() throws SQLException {
        TimeBuckets hour = hour();
        String hook = tables.hook("a", "keya", "CI", false);
        tables.delivery(hook, hour.start(), ""); // ok: not a refusal
        tables.delivery(hook, hour.start(), "rate_limited");
        tables.delivery(hook, hour.start() + 2 * MINUTE, "rate_limited");
        tables.delivery(hook, hour.start() + 2 * MINUTE, "rate_limited");
        tables.delivery(hook, hour.start() + 3 * MINUTE, "channel_not_found");
        tables.delivery(hook, hour.start() - 1, "channel_not_found"); // before the window

        List<Series> refusals = StatsQueries.refusalsPerBucket(db, hour);
        assertEquals(List.of("rate_limited", "channel_not_found"), names(refusals));
        assertEquals(1, refusals.get(0).counts().get(0));
        assertEquals(2, refusals.get(0).counts().get(2));
        assertEquals(3, refusals.get(0).total());
        assertEquals(1, refusals.get(1).counts().get(3));
        assertEquals(1, refusals.get(1).total());
    }

    @Test
    void noRefusalsNoSeries() throws SQLException {
        String hook = tables.hook("a", "keya", "CI", false);
        tables.delivery(hook, NOW, "");
        assertEquals(List.of(), StatsQueries.refusalsPerBucket(db, hour()));
    }

    @Test
    void atTheLimitEveryErrorIdIsItsOwnSeriesAndPastItTheRestAreOther() throws SQLException {
        String hook = tables.hook("a", "keya", "CI", false);
        int ids = StatsQueries.MAX_ERROR_SERIES;
        for (int id = 0; id < ids; id++) {
            // id0 the most frequent: ids - id refusals each.
            for (int n = 0; n < ids - id; n++) {
                tables.delivery(hook, NOW, "id" + id);
            }
        }
        List<Series> atLimit = StatsQueries.refusalsPerBucket(db, hour());
        assertEquals(ids, atLimit.size());
        assertFalse(names(atLimit).contains(StatsQueries.OTHER_ERRORS));
        assertEquals("id0", atLimit.get(0).name());

        // Two more ids, one refusal each: past the limit, summed as "other", and no refusal is lost.
        tables.delivery(hook, NOW, "extra1");
        tables.delivery(hook, NOW - MINUTE, "extra2");
        List<Series> past = StatsQueries.refusalsPerBucket(db, hour());
        assertEquals(ids + 1, past.size());
        Series other = past.get(ids);
        assertEquals(StatsQueries.OTHER_ERRORS, other.name());
        assertEquals(2, other.total());
        assertEquals(1, other.counts().get(59));
        assertEquals(1, other.counts().get(58));
        long all = (long) ids * (ids + 1) / 2 + 2;
        assertEquals(all, past.stream().mapToLong(Series::total).sum());
    }

    @Test
    void busiestHooksRankByPostsAndNameNoHookId() throws SQLException {
        TimeBuckets hour = hour();
        String ci = tables.hook("ci", "keyci", "CI builds", false);
        String alerts = tables.hook("alerts", "keyalerts", "Alerts", false);
        String old = tables.hook("old", "keyold", "Old URL", true);
        for (int i = 0; i < 3; i++) {
            tables.post(NOW - i, alerts);
        }
        tables.post(NOW, ci);
        tables.post(NOW, old);
        tables.post(NOW, null);
        tables.post(hour.start() - 1, ci); // before the window

        List<HookActivity> busiest = StatsQueries.busiestHooks(db, hour.start(), hour.end());
        assertEquals(3, busiest.size());
        HookActivity first = busiest.get(0);
        assertEquals(new HookActivity("keyalerts", "Alerts", "Town Square", false, 3, 3), first);
        assertEquals(1, busiest.get(1).count());
        assertEquals(1, busiest.get(2).count());
        assertTrue(busiest.stream().anyMatch(h -> h.deleted() && h.consoleKey().equals("keyold")));
        assertFalse(busiest.toString().contains(ci), "no hook id: it is the secret of the hook's URL");
    }

    @Test
    void atMostTenHooksAreListed() throws SQLException {
        List<String> hooks = new ArrayList<>();
        for (int i = 0; i <= StatsQueries.MAX_HOOKS; i++) {
            hooks.add(tables.hook("h" + i, "key" + i, "Hook " + i, false));
        }
        // At the limit: ten hooks posted, ten listed.
        for (int i = 0; i < StatsQueries.MAX_HOOKS; i++) {
            for (int n = 0; n <= i; n++) {
                tables.post(NOW, hooks.get(i));
            }
        }
        assertEquals(
                StatsQueries.MAX_HOOKS,
                StatsQueries.busiestHooks(db, hour().start(), hour().end()).size());
        // Past it: the eleventh, quietest, is left out; the busiest (hook 9, ten posts) leads.
        tables.post(NOW, hooks.get(StatsQueries.MAX_HOOKS));
        List<HookActivity> busiest = StatsQueries.busiestHooks(db, hour().start(), hour().end());
        assertEquals(StatsQueries.MAX_HOOKS, busiest.size());
        assertEquals("key9", busiest.get(0).consoleKey());
        assertEquals(10, busiest.get(0).count());
        List<Long> counts =
                new ArrayList<>(busiest.stream().map(HookActivity::count).toList());
        List<Long> sorted = new ArrayList<>(counts);
        sorted.sort(Collections.reverseOrder());
        assertEquals(sorted, counts);
    }

    @Test
    void failingHooksRankByRefusalsWithTheirDeliveriesBeside() throws SQLException {
        TimeBuckets hour = hour();
        String fine = tables.hook("fine", "keyfine", "Fine", false);
        String flaky = tables.hook("flaky", "keyflaky", "Flaky", false);
        String broken = tables.hook("broken", "keybroken", "Broken", false);
        tables.delivery(fine, NOW, "");
        tables.delivery(flaky, NOW, "");
        tables.delivery(flaky, NOW, "");
        tables.delivery(flaky, NOW, "payload_too_large");
        tables.delivery(broken, NOW, "channel_not_found");
        tables.delivery(broken, NOW - MINUTE, "channel_not_found");
        tables.delivery(broken, hour.start() - 1, "channel_not_found"); // before the window

        List<HookActivity> failing = StatsQueries.failingHooks(db, hour.start(), hour.end());
        assertEquals(
                List.of(
                        new HookActivity("keybroken", "Broken", "Town Square", false, 2, 2),
                        new HookActivity("keyflaky", "Flaky", "Town Square", false, 1, 3)),
                failing);
    }

    @Test
    void aHooksDeliveriesAreOkOrRefusedPerHalfHourOfItsOwnLogOnly() throws SQLException {
        TimeBuckets day = StatsWindow.DAY.endingAt(NOW);
        String mine = tables.hook("mine", "keymine", "Mine", false);
        String other = tables.hook("other", "keyother", "Other", false);
        tables.delivery(mine, day.start(), "");
        tables.delivery(mine, day.start() + 30 * MINUTE - 1, "rate_limited");
        tables.delivery(mine, NOW, "");
        tables.delivery(mine, NOW, "");
        tables.delivery(mine, NOW, "channel_not_found");
        tables.delivery(mine, day.start() - 1, "");
        tables.delivery(other, NOW, "");

        HookDeliveryStats stats = StatsQueries.hookDeliveries(db, mine, day);
        assertEquals(48, stats.ok().counts().size());
        assertEquals(1, stats.ok().counts().get(0));
        assertEquals(1, stats.errors().counts().get(0));
        assertEquals(2, stats.ok().counts().get(47));
        assertEquals(1, stats.errors().counts().get(47));
        assertEquals(3, stats.ok().total());
        assertEquals(2, stats.errors().total());
    }

    private static List<String> names(List<Series> series) {
        return series.stream().map(Series::name).toList();
    }
}
