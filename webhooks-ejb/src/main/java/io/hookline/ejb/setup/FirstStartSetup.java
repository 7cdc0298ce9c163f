package io.hookline.ejb.setup;

import io.hookline.ejb.channel.Channel;
import io.hookline.ejb.channel.ChannelMember;
import io.hookline.ejb.channel.ChannelType;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.team.Team;
import io.hookline.ejb.team.TeamMember;
import io.hookline.ejb.user.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * On the first start against an empty database, creates what Mattermost's first run leaves behind:
 * a system admin, the team {@code main}, and its public channels {@code town-square} and
 * {@code off-topic}. Later starts find users and do nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FirstStartSetup {

    public static final String DEFAULT_ADMIN_USERNAME = "admin";
    public static final String TEAM_NAME = "main";

    private static final Logger LOG = Logger.getLogger(FirstStartSetup.class.getName());

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void createFirstUsersTeamAndChannels() {
        if (em.createNamedQuery(User.COUNT, Long.class).getSingleResult() > 0) {
            return;
        }
        String username = DeploymentConfig.get(DeploymentConfig.ADMIN_USERNAME).orElse(DEFAULT_ADMIN_USERNAME);
        String configured = DeploymentConfig.get(DeploymentConfig.ADMIN_PASSWORD).orElse(null);
        boolean generated = configured == null;
        String password = generated ? Ids.newId() : configured;
        long now = System.currentTimeMillis();
        User admin = new User(username, username + "@localhost", password, true, now);
        em.persist(admin);
        Team team = new Team(TEAM_NAME, "Main", now);
        em.persist(team);
        // The entities hold plain id columns, not JPA relationships, so EclipseLink cannot infer an
        // insert order that satisfies the foreign keys: flush parents before their children.
        em.flush();
        em.persist(new TeamMember(team.id(), admin.id(), now));
        for (String[] channel : new String[][] {{"town-square", "Town Square"}, {"off-topic", "Off-Topic"}}) {
            Channel created = new Channel(team.id(), ChannelType.O, channel[0], channel[1], admin.id(), now);
            em.persist(created);
            em.flush();
            em.persist(new ChannelMember(created.id(), admin.id(), now));
        }
        em.flush(); // fail the deployment here, loudly, rather than at commit

        if (generated) {
            // Printed once, on the first start only: the admin's way in. Set HOOKLINE_ADMIN_PASSWORD to avoid it.
            LOG.warning(() -> "Hookline first start: created system admin '" + username
                    + "' with generated password: " + password);
        }
        LOG.info(() -> "Hookline first start: created system admin '" + username + "', team '" + TEAM_NAME
                + "', channels town-square and off-topic");
    }
}
