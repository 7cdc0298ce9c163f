package io.hookline.web.console.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.HookView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrations → Incoming Webhooks: the caller's hooks (every hook for a system admin, with its
 * creator), and the row actions delete and regenerate URL.
 */
@Named
@RequestScoped
public class HookList {

    /** A hook as the list shows it: names instead of ids, and the key its edit page is opened by. */
    public record Row(HookView hook, String key, String channelName, String creatorName) {
    }

    @Inject
    private ConsoleCaller me;

    @Inject
    private HookAdmin hooks;

    @Inject
    private UserAdmin users;

    @Inject
    private ChannelDirectory channels;

    private List<Row> rows;

    @PostConstruct
    void load() {
        Map<String, String> userNames = new HashMap<>();
        Map<String, String> channelNames = new HashMap<>();
        rows = hooks.listForConsole(me.caller(), Page.of(0, Page.MAX_PER_PAGE)).stream()
                .map(listed -> new Row(listed.hook(), listed.key(),
                        channelNames.computeIfAbsent(listed.hook().channelId(), this::channelName),
                        userNames.computeIfAbsent(listed.hook().userId(), id -> users.get(id).username())))
                .toList();
    }

    private String channelName(String channelId) {
        try {
            return channels.get(me.caller(), channelId).displayName();
        } catch (HooklineException notReadable) {
            return "(a channel you cannot read)";
        }
    }

    public List<Row> getRows() {
        return rows;
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
