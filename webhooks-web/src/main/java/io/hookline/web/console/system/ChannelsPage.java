package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.NewChannelRequest;
import io.hookline.api.view.TeamView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.channel.ChannelAdmin;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.channel.ChannelMembers;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.team.TeamAdmin;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsoleListModel;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * System Console → Channels: the public channels and private groups (archived ones too) of the team
 * named by {@code ?team=}, {@value ListWindow#CONSOLE_ROWS} a page from the server, searched by name ({@code ?q=})
 * and sorted by column, a form to create one, archive and restore, and the members of the channel
 * whose id is in {@code ?channel=}. The forms post back to the same URL, so both parameters stay.
 */
@Named
@RequestScoped
public class ChannelsPage {

    @NotBlank(message = "Choose a channel name.")
    @Pattern(
            regexp = ChannelAdmin.NAME_REGEX,
            message = "1 to 64 characters: lowercase letters, digits, '-' and '_', starting with a letter or digit.")
    private String name;

    @NotBlank(message = "Enter a display name.")
    @Size(max = ChannelAdmin.MAX_DISPLAY_NAME, message = "At most " + ChannelAdmin.MAX_DISPLAY_NAME + " characters.")
    private String displayName;

    @Size(max = ChannelAdmin.MAX_PURPOSE, message = "At most " + ChannelAdmin.MAX_PURPOSE + " characters.")
    private String purpose;

    @NotNull(message = "Choose public or private.")
    @Pattern(regexp = "[OP]", message = "Public channel or private group.")
    private String type = "O";

    @NotBlank(message = "Enter a username.")
    private String username;

    /** The team picked in the menu; the page then opens with that team in its URL. */
    private String pickedTeam;

    @Inject
    private TeamAdmin teams;

    @Inject
    private ChannelAdmin channelAdmin;

    @Inject
    private ChannelDirectory directory;

    @Inject
    private ChannelMembers channelMembers;

    @Inject
    private UserAdmin users;

    @Inject
    private ConsoleCaller me;

    @Inject
    private FacesContext faces;

    private List<TeamView> teamList;
    private TeamView team;
    private ConsoleListModel<ChannelView> channels;
    private String query;
    private ChannelView channel;
    private List<UserView> members = List.of();
    private String missing;

    @PostConstruct
    void load() {
        teamList = teams.list(me.caller(), Page.of(0, Page.MAX_PER_PAGE));
        String teamName = ConsolePages.param("team");
        String channelId = ConsolePages.param("channel");
        team = null;
        channel = null;
        channels = null;
        query = ConsolePages.param("q");
        members = List.of();
        try {
            if (teamName != null) {
                team = teams.byName(me.caller(), teamName);
                pickedTeam = team.name();
                String teamId = team.id();
                String search = query;
                channels = new ConsoleListModel<>(
                        window -> directory.browsable(me.caller(), teamId, search, window),
                        () -> directory.countBrowsable(me.caller(), teamId, search),
                        ChannelView::id);
            }
            if (team != null && channelId != null) {
                ChannelView found = directory.get(me.caller(), channelId);
                if (!team.id().equals(found.teamId())) {
                    throw HooklineException.notFound(
                            "app.channel.get.existing.app_error", "That channel is not in this team.");
                }
                channel = found;
                members = channelMembers.users(me.caller(), channel.id(), Page.of(0, Page.MAX_PER_PAGE));
            }
        } catch (HooklineException e) {
            missing = e.getMessage();
        }
    }

    /** The team menu's change: open the page for that team (a GET, so the URL names the team). */
    public void showTeam() throws IOException {
        var external = faces.getExternalContext();
        String teamQuery = pickedTeam == null ? "" : "?team=" + URLEncoder.encode(pickedTeam, StandardCharsets.UTF_8);
        external.redirect(external.getRequestContextPath() + "/console/system/channels.xhtml" + teamQuery);
    }

    public void create() {
        try {
            ChannelView created = channelAdmin.create(
                    me.caller(), new NewChannelRequest(team.id(), name, displayName, type, purpose, ""));
            ConsolePages.info(kind(created) + " '" + created.name() + "' created.");
            name = null;
            displayName = null;
            purpose = null;
            type = "O";
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void archive(ChannelView target) {
        try {
            channelAdmin.archive(me.caller(), target.id());
            ConsolePages.info(kind(target) + " '" + target.name() + "' archived.");
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void restore(ChannelView target) {
        try {
            channelAdmin.restore(me.caller(), target.id());
            ConsolePages.info(kind(target) + " '" + target.name() + "' restored.");
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void addMember() {
        try {
            UserView user = users.byUsername(username);
            channelMembers.add(me.caller(), channel.id(), user.id());
            ConsolePages.info("@" + user.username() + " added to " + channel.displayName() + ".");
            username = null;
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void removeMember(UserView user) {
        try {
            channelMembers.remove(me.caller(), channel.id(), user.id());
            ConsolePages.info("@" + user.username() + " removed from " + channel.displayName() + ".");
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public String kind(ChannelView c) {
        return "P".equals(c.type()) ? "Private group" : "Public channel";
    }

    public boolean archived(ChannelView c) {
        return c.deleteAt() != 0;
    }

    /** Active and not the team's default channel, which Mattermost never archives. */
    public boolean archivable(ChannelView c) {
        return !archived(c) && !(ChannelAdmin.DEFAULT_CHANNEL.equals(c.name()) && "O".equals(c.type()));
    }

    /** Only when the selected channel is archived: members of an archived channel cannot be added. */
    public boolean isChannelArchived() {
        return channel != null && archived(channel);
    }

    public List<TeamView> getTeams() {
        return teamList;
    }

    public TeamView getTeam() {
        return team;
    }

    /** The team's channels, one page at a time; null before a team is picked. */
    public ConsoleListModel<ChannelView> getChannels() {
        return channels;
    }

    /** The search text ({@code ?q=}), or null. */
    public String getQuery() {
        return query;
    }

    public ChannelView getChannel() {
        return channel;
    }

    public List<UserView> getMembers() {
        return members;
    }

    public String getMissing() {
        return missing;
    }

    public String getPickedTeam() {
        return pickedTeam;
    }

    public void setPickedTeam(String pickedTeam) {
        this.pickedTeam = pickedTeam;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
