package io.hookline.web.console.channel;

import io.hookline.api.view.ChannelView;
import io.hookline.api.view.TeamView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.team.TeamAdmin;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The console's home: each of the caller's teams with the channels they can open. */
@Named
@RequestScoped
public class ChannelList {

    /** One team and its channels, as the page lists them. */
    public record TeamChannels(TeamView team, List<ChannelView> channels) {}

    @Inject
    private ConsoleCaller me;

    @Inject
    private TeamAdmin teams;

    @Inject
    private ChannelDirectory directory;

    private List<TeamChannels> teamChannels;

    @PostConstruct
    void load() {
        teamChannels = teams.list(me.caller(), Page.of(0, Page.MAX_PER_PAGE)).stream()
                .map(team -> new TeamChannels(team, directory.browsable(me.caller(), team.id())))
                .toList();
    }

    public List<TeamChannels> getTeams() {
        return teamChannels;
    }
}
