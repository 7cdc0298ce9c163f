package io.hookline.web.console.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.HookView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.hook.ConsoleHook;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.hook.RotationGrace;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsoleListModel;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.EpochMillisConverter;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Integrations → Incoming Webhooks: the caller's hooks (every hook for a system admin, with its
 * creator), {@value ListWindow#CONSOLE_ROWS} a page from the server, searched by name or channel ({@code ?q=})
 * and sorted by column, and the row actions delete, regenerate URL and rotate URL (the old URL keeps working for a grace
 * period chosen from {@link #GRACE_CHOICES}).
 */
@Named
@RequestScoped
public class HookList {

    /** A hook as the list shows it: names instead of ids, and the key its edit page is opened by. */
    public record Row(HookView hook, String key, String channelName, String creatorName) {}

    @Inject
    private ConsoleCaller me;

    @Inject
    private HookAdmin hooks;

    @Inject
    private UserAdmin users;

    @Inject
    private ChannelDirectory channels;

    /** The grace periods "Rotate URL" offers, in seconds, with their labels; the API takes any allowed value. */
    public static final List<GraceChoice> GRACE_CHOICES = List.of(
            new GraceChoice(3_600, "for 1 hour"),
            new GraceChoice(RotationGrace.DEFAULT_SECONDS, "for 1 day"),
            new GraceChoice(7 * 86_400, "for 7 days"),
            new GraceChoice(RotationGrace.MAX_SECONDS, "for 30 days"));

    /** One entry of the "Rotate URL" menu. */
    public record GraceChoice(long seconds, String label) {}

    private ConsoleListModel<Row> rows;
    private String query;

    @PostConstruct
    void load() {
        query = ConsolePages.param("q");
        String search = query;
        rows = new ConsoleListModel<>(
                window -> rows(search, window), () -> hooks.countForConsole(me.caller(), search), Row::key);
    }

    /** One page of hooks, with channel names looked up once per channel and creator names in one query. */
    private List<Row> rows(String search, ListWindow window) {
        List<ConsoleHook> page = hooks.searchForConsole(me.caller(), search, window);
        Map<String, String> userNames = users.usernames(
                page.stream().map(listed -> listed.hook().userId()).collect(Collectors.toSet()));
        Map<String, String> channelNames = new HashMap<>();
        return page.stream()
                .map(listed -> new Row(
                        listed.hook(),
                        listed.key(),
                        channelNames.computeIfAbsent(listed.hook().channelId(), this::channelName),
                        userNames.computeIfAbsent(
                                listed.hook().userId(), id -> users.get(id).username())))
                .toList();
    }

    private String channelName(String channelId) {
        try {
            return channels.get(me.caller(), channelId).displayName();
        } catch (HooklineException notReadable) {
            return "(a channel you cannot read)";
        }
    }

    /** The list, one page at a time. */
    public ConsoleListModel<Row> getRows() {
        return rows;
    }

    /** The search text ({@code ?q=}), or null. */
    public String getQuery() {
        return query;
    }

    public void delete(String hookId) {
        try {
            hooks.delete(me.caller(), hookId);
            ConsolePages.info("Webhook deleted. Its URL no longer works.");
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
        load();
    }

    public List<GraceChoice> getGraceChoices() {
        return GRACE_CHOICES;
    }

    /** "Rotate URL": a new URL at once, the old one still posting for {@code graceSeconds}. */
    public void rotate(String hookId, long graceSeconds) {
        try {
            HookView rotated = hooks.rotate(me.caller(), hookId, graceSeconds).hook();
            ConsolePages.info(
                    rotated.previousIdExpiresAt() == null
                            ? "New URL created. The old URL no longer works: update your integration."
                            : "New URL created. The old URL keeps working until "
                                    + EpochMillisConverter.FORMAT.format(
                                            Instant.ofEpochMilli(rotated.previousIdExpiresAt()))
                                    + ": update your integrations before then.");
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
        load();
    }

    public void regenerate(String hookId) {
        try {
            hooks.regenerate(me.caller(), hookId);
            ConsolePages.info("New URL created. The old URL no longer works: update your integration.");
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
        load();
    }
}
