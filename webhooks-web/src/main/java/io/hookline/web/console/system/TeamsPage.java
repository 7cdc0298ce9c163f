package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewTeamRequest;
import io.hookline.api.view.TeamView;
import io.hookline.api.view.UserView;
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
import java.util.List;

/**
 * System Console → Teams: every team, {@value ListWindow#CONSOLE_ROWS} a page from the server, searched by name
 * ({@code ?q=}) and sorted by column, a form to create one, and the members of the team named by the
 * {@code ?team=} parameter (which the console's forms keep in their action URL).
 */
@Named
@RequestScoped
public class TeamsPage {

    @NotBlank(message = "Choose a team name.")
    @Pattern(
            regexp = TeamAdmin.NAME_REGEX,
            message =
                    "2 to 64 characters: lowercase letters, digits and '-', starting and ending with a letter or digit.")
    private String name;

    @NotBlank(message = "Enter a display name.")
    @Size(max = TeamAdmin.MAX_DISPLAY_NAME, message = "At most " + TeamAdmin.MAX_DISPLAY_NAME + " characters.")
    private String displayName;

    @NotNull(message = "Choose who may join.")
    @Pattern(regexp = "[OI]", message = "Open or invite only.")
    private String type = "O";

    @NotBlank(message = "Enter a username.")
    private String username;

    @Inject
    private TeamAdmin teams;

    @Inject
    private UserAdmin users;

    @Inject
    private ConsoleCaller me;

    @Inject
    private FacesContext faces;

    private ConsoleListModel<TeamView> list;
    private String query;
    private TeamView selected;
    private List<UserView> members = List.of();
    private String missing;

    @PostConstruct
    void load() {
        query = ConsolePages.param("q");
        String search = query;
        list = new ConsoleListModel<>(
                window -> teams.search(me.caller(), search, window),
                () -> teams.count(me.caller(), search),
                TeamView::id);
        String teamName = ConsolePages.param("team");
        if (teamName == null) {
            return;
        }
        try {
            selected = teams.byName(me.caller(), teamName);
            members = teams.members(me.caller(), selected.id(), Page.of(0, Page.MAX_PER_PAGE));
        } catch (HooklineException e) {
            missing = e.getMessage();
        }
    }

    public void create() {
        try {
            TeamView team = teams.create(me.caller(), new NewTeamRequest(name, displayName, type, ""));
            ConsolePages.info("Team '" + team.name() + "' created.");
            name = null;
            displayName = null;
            type = "O";
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void addMember() {
        try {
            UserView user = users.byUsername(username);
            teams.addMember(me.caller(), selected.id(), user.id());
            ConsolePages.info("@" + user.username() + " added to " + selected.displayName() + ".");
            username = null;
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void removeMember(UserView user) {
        try {
            teams.removeMember(me.caller(), selected.id(), user.id());
            ConsolePages.info("@" + user.username() + " removed from " + selected.displayName() + ".");
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public String typeLabel(String type) {
        return "I".equals(type) ? "Invite only" : "Open";
    }

    /** The list, one page at a time. */
    public ConsoleListModel<TeamView> getTeams() {
        return list;
    }

    /** The search text ({@code ?q=}), or null. */
    public String getQuery() {
        return query;
    }

    public TeamView getSelected() {
        return selected;
    }

    public List<UserView> getMembers() {
        return members;
    }

    /** Why the team asked for in {@code ?team=} is not shown, or null. */
    public String getMissing() {
        return missing;
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
