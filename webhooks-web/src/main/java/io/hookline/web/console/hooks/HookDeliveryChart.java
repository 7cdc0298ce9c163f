package io.hookline.web.console.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.stats.HookDeliveryStats;
import io.hookline.ejb.stats.StatisticsUnavailable;
import io.hookline.web.console.charts.BucketLabels;
import io.hookline.web.console.charts.ChartConfig;
import io.hookline.web.console.charts.ChartConfig.Bars;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chart on a hook's page (issue 20): its requests over the last 24 hours per half hour, answered ok or with an
 * error, from its delivery log, with the same numbers as a table. Read once per request, for the hook
 * {@link HookForm} opened (and checked the caller may see).
 */
@Named
@RequestScoped
public class HookDeliveryChart {

    static final String OK_COLOUR = "#2f6fde";
    static final String ERROR_COLOUR = "#c2410c";

    private static final Logger LOG = Logger.getLogger(HookDeliveryChart.class.getName());

    /** A half hour with requests. */
    public record Row(String time, long ok, long errors) {}

    @Inject
    private HookForm form;

    @Inject
    private HookAdmin hooks;

    @Inject
    private ConsoleCaller me;

    private HookDeliveryStats stats;
    private boolean loaded;

    /** The hook's numbers; null for a new hook, or when the database could not say. */
    public HookDeliveryStats getStats() {
        if (!loaded) {
            loaded = true;
            String id = form.hookId();
            if (id != null) {
                try {
                    stats = hooks.deliveryStats(me.caller(), id);
                } catch (StatisticsUnavailable | HooklineException e) {
                    LOG.log(Level.WARNING, "Hook delivery statistics unavailable: {0}", e.getMessage());
                }
            }
        }
        return stats;
    }

    public long getOkTotal() {
        return getStats() == null ? 0 : stats.ok().total();
    }

    public long getErrorTotal() {
        return getStats() == null ? 0 : stats.errors().total();
    }

    public String getConfig() {
        return ChartConfig.timeBars(
                BucketLabels.axis(stats.buckets()),
                List.of(
                        new Bars("ok", stats.ok().counts(), OK_COLOUR),
                        new Bars("errors", stats.errors().counts(), ERROR_COLOUR)),
                "UTC");
    }

    /** The half hours with requests, oldest first. */
    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        if (getStats() == null) {
            return rows;
        }
        for (int i = 0; i < stats.buckets().count(); i++) {
            long ok = stats.ok().counts().get(i);
            long errors = stats.errors().counts().get(i);
            if (ok + errors > 0) {
                rows.add(new Row(BucketLabels.table(stats.buckets(), i), ok, errors));
            }
        }
        return rows;
    }
}
