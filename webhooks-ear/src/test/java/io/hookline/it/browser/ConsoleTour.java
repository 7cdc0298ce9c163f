package io.hookline.it.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Every console page a person can reach, as a list of stops, for tests that look at all of them (layout,
 * accessibility): what a system admin sees, what a plain user sees (their System Console answers 403), and what
 * anyone sees signed out. Pages that need data take it from {@link Places}: the hook whose page has deliveries,
 * the channel with posts, the team and channel whose members the System Console lists.
 */
final class ConsoleTour {

    /** One page: a short name (for screenshots and messages) and its path with query. */
    record Stop(String name, String path) {}

    /** The data the pages show: ids and names a test seeded. The hook pages go by console key (never by id). */
    record Places(
            String channelId,
            String adminHookKey,
            String userHookKey,
            String teamName,
            String channelIdInTeam,
            String username) {}

    private ConsoleTour() {}

    /** Signed out: the sign-in page and the answer for an unknown address. */
    static List<Stop> signedOut() {
        return List.of(new Stop("signin", "/signin.xhtml"), new Stop("not-found", "/no-such-page.xhtml"));
    }

    /** Every page a system admin reaches, System Console included. */
    static List<Stop> admin(Places places) {
        List<Stop> stops = new ArrayList<>(common(places, places.adminHookKey()));
        stops.add(new Stop("settings", "/console/system/settings.xhtml"));
        stops.add(new Stop("teams", "/console/system/teams.xhtml"));
        stops.add(new Stop("team-members", "/console/system/teams.xhtml?team=" + places.teamName()));
        stops.add(new Stop(
                "system-channels",
                "/console/system/channels.xhtml?team=" + places.teamName() + "&channel=" + places.channelIdInTeam()));
        stops.add(new Stop("users", "/console/system/users.xhtml"));
        stops.add(new Stop("user-password", "/console/system/users.xhtml?user=" + places.username()));
        stops.add(new Stop("audits", "/console/system/audits.xhtml"));
        stops.add(new Stop("statistics", "/console/system/statistics.xhtml?window=day"));
        stops.add(new Stop("not-found", "/console/no-such-page.xhtml"));
        return stops;
    }

    /** Every page a plain user reaches; the System Console answers "Not allowed" (403). */
    static List<Stop> user(Places places) {
        List<Stop> stops = new ArrayList<>(common(places, places.userHookKey()));
        stops.add(new Stop("forbidden", "/console/system/users.xhtml"));
        stops.add(new Stop("not-found", "/console/no-such-page.xhtml"));
        return stops;
    }

    private static List<Stop> common(Places places, String hookKey) {
        return List.of(
                new Stop("channels", "/console/index.xhtml"),
                new Stop("channel-view", "/console/channel.xhtml?id=" + places.channelId()),
                new Stop("integrations", "/console/hooks/index.xhtml"),
                new Stop("hook-add", "/console/hooks/edit.xhtml"),
                new Stop("hook", "/console/hooks/edit.xhtml?hook=" + hookKey));
    }
}
