package io.hookline.web.console.system;

import io.hookline.ejb.settings.SettingsService;
import io.hookline.ejb.stats.HookActivity;
import io.hookline.ejb.stats.Series;
import io.hookline.ejb.stats.SiteStatistics;
import io.hookline.ejb.stats.SiteStats;
import io.hookline.ejb.stats.StatisticsUnavailable;
import io.hookline.ejb.stats.StatsQueries;
import io.hookline.ejb.stats.StatsWindow;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.charts.BucketLabels;
import io.hookline.web.console.charts.ChartConfig;
import io.hookline.web.console.charts.ChartConfig.Bars;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * System Console → Site statistics ({@code statistics.xhtml?window=hour|day}, plain links as the switch): posts per
 * minute or half hour, refused hook requests by error id, the busiest and the most failing hooks. Each chart has its
 * numbers beside or under it as a table, for screen readers and for anyone who wants the exact count.
 */
@Named
@RequestScoped
public class SiteStatisticsPage {

    /** Colours of the refusal series, in rank order; the last is "other". Distinct for common colour blindness. */
    static final List<String> ERROR_COLOURS =
            List.of("#c2410c", "#7c3aed", "#0e7490", "#be185d", "#a16207", "#4d7c0f", "#6b7280");

    static final String HOOK_POSTS_COLOUR = "#2f6fde";
    static final String OTHER_POSTS_COLOUR = "#9aa5b8";
    static final String FAILED_COLOUR = "#c2410c";

    /** Characters of a hook's name on a chart axis (the table beside it shows it whole): fits beside the bars at 390 px. */
    static final int AXIS_NAME_LENGTH = 20;

    private static final Logger LOG = Logger.getLogger(SiteStatisticsPage.class.getName());

    /** A bucket with something in it, for the tables under the time charts. */
    public record BucketRow(String time, long posts, long hookPosts, String refusals) {}

    @Inject
    private SiteStatistics statistics;

    @Inject
    private ConsoleCaller me;

    @Inject
    private SettingsService settings;

    private StatsWindow window;
    private SiteStats stats;

    @PostConstruct
    void load() {
        window = StatsWindow.named(ConsolePages.param("window"));
        try {
            stats = statistics.site(me.caller(), window);
        } catch (StatisticsUnavailable e) {
            LOG.log(Level.WARNING, "Site statistics unavailable: {0}", e.getMessage());
            ConsolePages.error("The statistics cannot be read right now (is the database reachable?).");
        }
    }

    public boolean isAvailable() {
        return stats != null;
    }

    public boolean isDay() {
        return window == StatsWindow.DAY;
    }

    /** "minute" or "30 minutes": what one bar of the time charts covers. */
    public String getBucketName() {
        return isDay() ? "30 minutes" : "minute";
    }

    public String getWindowName() {
        return isDay() ? "last 24 hours" : "last hour";
    }

    /** How many requests each hook's delivery log keeps (ServiceSettings.HookDeliveryLogSize). */
    public int getDeliveryLogSize() {
        return settings.current().hookDeliveryLogSize();
    }

    public SiteStats getStats() {
        return stats;
    }

    public String getPostsChart() {
        List<Long> other = IntStream.range(0, stats.posts().counts().size())
                .mapToObj(i -> stats.posts().counts().get(i)
                        - stats.hookPosts().counts().get(i))
                .toList();
        return ChartConfig.timeBars(
                BucketLabels.axis(stats.buckets()),
                List.of(
                        new Bars("From hooks", stats.hookPosts().counts(), HOOK_POSTS_COLOUR),
                        new Bars("Other posts", other, OTHER_POSTS_COLOUR)),
                "UTC");
    }

    public String getRefusalsChart() {
        List<Bars> sets = new ArrayList<>();
        List<Series> refusals = stats.refusals();
        for (int i = 0; i < refusals.size(); i++) {
            Series series = refusals.get(i);
            String colour = series.name().equals(StatsQueries.OTHER_ERRORS)
                    ? ERROR_COLOURS.get(ERROR_COLOURS.size() - 1)
                    : ERROR_COLOURS.get(i);
            sets.add(new Bars(series.name(), series.counts(), colour));
        }
        return ChartConfig.timeBars(BucketLabels.axis(stats.buckets()), sets, "UTC");
    }

    public String getBusiestChart() {
        return rankChart(stats.busiestHooks(), "Posts", HOOK_POSTS_COLOUR);
    }

    public String getFailingChart() {
        return rankChart(stats.failingHooks(), "Refused requests", FAILED_COLOUR);
    }

    private static String rankChart(List<HookActivity> hooks, String label, String colour) {
        return ChartConfig.rankBars(
                hooks.stream().map(SiteStatisticsPage::axisName).toList(),
                new Bars(label, hooks.stream().map(HookActivity::count).toList(), colour));
    }

    /** A hook as the lists name it: its title, or "(no name)", cut to fit an axis. */
    static String axisName(HookActivity hook) {
        String name = displayName(hook);
        return name.length() <= AXIS_NAME_LENGTH ? name : name.substring(0, AXIS_NAME_LENGTH - 1) + "…";
    }

    public static String displayName(HookActivity hook) {
        return hook.displayName() == null || hook.displayName().isBlank() ? "(no name)" : hook.displayName();
    }

    /** The buckets with posts or refusals, oldest first, with their counts (error ids as "id: n, …"). */
    public List<BucketRow> getBucketRows() {
        List<BucketRow> rows = new ArrayList<>();
        for (int i = 0; i < stats.buckets().count(); i++) {
            long posts = stats.posts().counts().get(i);
            List<String> refused = new ArrayList<>();
            for (Series series : stats.refusals()) {
                long n = series.counts().get(i);
                if (n > 0) {
                    refused.add(series.name() + ": " + n);
                }
            }
            if (posts > 0 || !refused.isEmpty()) {
                rows.add(new BucketRow(
                        BucketLabels.table(stats.buckets(), i),
                        posts,
                        stats.hookPosts().counts().get(i),
                        String.join(", ", refused)));
            }
        }
        return rows;
    }
}
