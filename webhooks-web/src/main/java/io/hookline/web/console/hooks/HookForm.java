package io.hookline.web.console.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.HookDeliveryView;
import io.hookline.api.view.HookView;
import io.hookline.api.view.NewHookRequest;
import io.hookline.api.view.PreviousUrlView;
import io.hookline.api.view.TeamView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.hook.HookLimits;
import io.hookline.ejb.settings.SettingsService;
import io.hookline.ejb.team.TeamAdmin;
import io.hookline.web.console.ConsoleListModel;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * Add or edit one incoming webhook ({@code edit.xhtml?hook=<console key>}; no key: a new hook). The page is
 * never addressed by the hook id, the secret of the hook's URL: a URL ends up in browser history, proxy logs
 * and screenshots. Old links of the form {@code ?id=<hook id>} are sent to the hook list without a look-up,
 * so they neither open the hook nor tell whether the id exists; the id stays in this server-side view only. The channel picker
 * lists the chosen team's public channels and the private groups the user belongs to. The default
 * username and icon fields appear only while the System Console lets integrations override them.
 * An existing hook's page also shows its recent deliveries, the answer to "why did my integration not post".
 */
@Named
@ViewScoped
public class HookForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Deliveries the page shows at a time, newest first unless sorted; the table pages through the log. */
    public static final int DELIVERIES_SHOWN = 50;

    private static final String HOOK_LIST = "/console/hooks/index.xhtml";

    /** The {@code hook} request parameter: the console key of the hook to edit. */
    private String key;
    /** The {@code id} parameter of links made before console keys: only ever redirected away from. */
    private String legacyId;
    /** The hook being edited, held in this view (server-side state), never sent to the browser. */
    private String id;

    private String teamId;

    @NotBlank(message = "Pick a channel.")
    private String channelId;

    @Size(max = HookLimits.MAX_DISPLAY_NAME, message = "At most " + HookLimits.MAX_DISPLAY_NAME + " characters.")
    private String displayName;

    @Size(max = HookLimits.MAX_DESCRIPTION, message = "At most " + HookLimits.MAX_DESCRIPTION + " characters.")
    private String description;

    private boolean channelLocked;

    @Size(max = HookLimits.MAX_USERNAME, message = "At most " + HookLimits.MAX_USERNAME + " characters.")
    private String username;

    @Size(max = SafeUrls.MAX_ICON_LENGTH, message = "At most " + SafeUrls.MAX_ICON_LENGTH + " characters.")
    private String iconUrl;

    private List<TeamView> teams;
    private List<ChannelView> channels;
    private ConsoleListModel<HookDeliveryView> deliveries;
    /** The previous URL after a rotation, while it still works, with its senders; null otherwise. */
    private PreviousUrlView previous;

    @Inject
    private ConsoleCaller me;

    @Inject
    private HookAdmin hooks;

    @Inject
    private TeamAdmin teamAdmin;

    @Inject
    private ChannelDirectory directory;

    @Inject
    private SettingsService settings;

    /** View action: load the hook being edited (403 for someone else's, 404 for none) or prepare a new one. */
    public void open() {
        if (legacyId != null && !legacyId.isBlank()) {
            ConsolePages.redirect(HOOK_LIST);
            return;
        }
        try {
            teams = teamAdmin.list(me.caller(), Page.of(0, Page.MAX_PER_PAGE));
            if (key != null && !key.isBlank()) {
                HookView hook = hooks.byConsoleKey(me.caller(), key).hook();
                id = hook.id();
                teamId = hook.teamId();
                channelId = hook.channelId();
                displayName = hook.displayName();
                description = hook.description();
                channelLocked = hook.channelLocked();
                username = hook.username();
                iconUrl = hook.iconUrl();
                String hookId = id;
                deliveries = new ConsoleListModel<>(
                        window -> hooks.deliveries(me.caller(), hookId, window),
                        () -> hooks.countDeliveries(me.caller(), hookId),
                        d -> d.createAt() + "-" + d.statusCode() + "-" + d.remoteAddress());
                previous = hook.previousIdExpiresAt() == null ? null : previousUrl();
            } else if (teamId == null && !teams.isEmpty()) {
                teamId = teams.get(0).id();
            }
            loadChannels();
        } catch (HooklineException e) {
            ConsolePages.refusePage(e);
        }
    }

    /** The team changed: offer its channels. */
    public void loadChannels() {
        channels = teamId == null ? List.of() : directory.hookTargets(me.caller(), teamId);
    }

    public void save() {
        NewHookRequest request = new NewHookRequest(
                isNew() ? null : id,
                channelId,
                displayName,
                description,
                channelLocked,
                overridesUsername() ? username : null,
                overridesIcon() ? iconUrl : null);
        try {
            if (isNew()) {
                hooks.create(me.caller(), request);
                ConsolePages.info("Webhook created. Copy its URL into your integration.");
            } else {
                hooks.update(me.caller(), id, request);
                ConsolePages.info("Webhook saved.");
            }
            ConsolePages.redirect(HOOK_LIST);
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    /** The previous URL and its senders; null when it expired between reading the hook and this. */
    private PreviousUrlView previousUrl() {
        try {
            return hooks.previousUrl(me.caller(), id);
        } catch (HooklineException expired) {
            return null;
        }
    }

    /** "Revoke old URL now": the previous URL stops at once; the page shows the hook without it. */
    public void revokePrevious() {
        try {
            hooks.revokePrevious(me.caller(), id);
            ConsolePages.info("The old URL no longer works.");
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
        previous = null;
    }

    /** The id of the hook being edited, for the page's "Try it" panel; null for a new hook. Never sent to the browser. */
    public String hookId() {
        return isNew() ? null : id;
    }

    public PreviousUrlView getPrevious() {
        return previous;
    }

    public boolean isNew() {
        return id == null || id.isBlank();
    }

    public boolean overridesUsername() {
        return settings.current().enablePostUsernameOverride();
    }

    public boolean overridesIcon() {
        return settings.current().enablePostIconOverride();
    }

    /** Whether the System Console keeps a delivery log at all (HookDeliveryLogSize above 0). */
    public boolean deliveryLogOn() {
        return settings.current().hookDeliveryLogSize() > 0;
    }

    /** How many requests the delivery log keeps per hook (HookDeliveryLogSize). */
    public int deliveryLogSize() {
        return settings.current().hookDeliveryLogSize();
    }

    /** Rows of the deliveries table per page. */
    public int getDeliveriesShown() {
        return DELIVERIES_SHOWN;
    }

    /** The hook's delivery log, one page at a time; null on the page of a new hook. */
    public ConsoleListModel<HookDeliveryView> getDeliveries() {
        return deliveries;
    }

    public List<TeamView> getTeams() {
        return teams;
    }

    public List<ChannelView> getChannels() {
        return channels;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getLegacyId() {
        return legacyId;
    }

    public void setLegacyId(String legacyId) {
        this.legacyId = legacyId;
    }

    public String getTeamId() {
        return teamId;
    }

    public void setTeamId(String teamId) {
        this.teamId = teamId;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isChannelLocked() {
        return channelLocked;
    }

    public void setChannelLocked(boolean channelLocked) {
        this.channelLocked = channelLocked;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getIconUrl() {
        return iconUrl;
    }

    public void setIconUrl(String iconUrl) {
        this.iconUrl = iconUrl;
    }
}
