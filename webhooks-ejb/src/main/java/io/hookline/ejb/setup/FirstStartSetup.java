package io.hookline.ejb.setup;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.NewTeamRequest;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.team.TeamAdmin;
import io.hookline.ejb.user.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
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
@DependsOn({"SchemaMigrator", "SettingsService"})
public class FirstStartSetup {

    public static final String DEFAULT_ADMIN_USERNAME = "admin";
    public static final String TEAM_NAME = "main";

    private static final Logger LOG = Logger.getLogger(FirstStartSetup.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TeamAdmin teams;

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
        em.flush(); // the team membership's foreign key needs the user row first
        // The same path as POST /api/v4/teams: the team, its default channels, the admin in all of them.
        teams.create(new Caller(admin.id(), true), new NewTeamRequest(TEAM_NAME, "Main", "O", ""));

        if (generated) {
            // Printed once, on the first start only: the admin's way in. Set HOOKLINE_ADMIN_PASSWORD to avoid it.
            LOG.warning(() -> "Hookline first start: created system admin '" + username
                    + "' with generated password: " + password);
        }
        LOG.info(() -> "Hookline first start: created system admin '" + username + "', team '" + TEAM_NAME
                + "', channels town-square and off-topic");
    }
}
