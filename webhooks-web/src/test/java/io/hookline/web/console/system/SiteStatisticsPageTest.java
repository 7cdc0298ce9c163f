package io.hookline.web.console.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.ejb.stats.HookActivity;
import io.hookline.ejb.stats.StatsQueries;
import org.junit.jupiter.api.Test;

/** How the statistics page names hooks on a chart axis, and that every refusal series has a colour. */
class SiteStatisticsPageTest {

    private static HookActivity named(String name) {
        return new HookActivity("key", name, "Town Square", false, 1, 1);
    }

    @Test
    void namesFitTheAxisAtTheLimitAndAreCutPastIt() {
        String atLimit = "n".repeat(SiteStatisticsPage.AXIS_NAME_LENGTH);
        assertEquals(atLimit, SiteStatisticsPage.axisName(named(atLimit)));
        String cut = SiteStatisticsPage.axisName(named(atLimit + "x"));
        assertEquals(SiteStatisticsPage.AXIS_NAME_LENGTH, cut.length());
        assertEquals("n".repeat(SiteStatisticsPage.AXIS_NAME_LENGTH - 1) + "…", cut);
        assertEquals("(no name)", SiteStatisticsPage.axisName(named("")));
        assertEquals("(no name)", SiteStatisticsPage.displayName(named(" ")));
    }

    @Test
    void everyErrorSeriesAndOtherHaveAColour() {
        assertEquals(StatsQueries.MAX_ERROR_SERIES + 1, SiteStatisticsPage.ERROR_COLOURS.size());
    }
}
