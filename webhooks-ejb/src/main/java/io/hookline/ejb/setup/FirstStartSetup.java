package io.hookline.ejb.setup;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.NewTeamRequest;
import io.hookline.api.view.NewUserRequest;
import io.hookline.api.view.UserView;
import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.ejb.team.TeamAdmin;
import io.hookline.ejb.user.User;
import io.hookline.ejb.user.UserAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What Mattermost's first run leaves behind: a system admin, the team {@code main}, and its public
 * channels {@code town-square} and {@code off-topic}.
 *
 * <p>Two ways in. With {@code HOOKLINE_ADMIN_USERNAME} and {@code HOOKLINE_ADMIN_PASSWORD} set (environment,
 * system properties or any other MicroProfile Config source: {@link DeploymentConfig}), the first start
 * against an empty database creates that admin unattended, as scripted installs and the integration tests
 * need. Without them, nothing is created: the console's first-run page asks the first visitor for the admin's
 * name and password, as Mattermost's does, and calls {@link #createFirstAdmin}. No password is ever generated or logged.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "SettingsService"})
public class FirstStartSetup {

    public static final String TEAM_NAME = "main";

    private static final Logger LOG = Logger.getLogger(FirstStartSetup.class.getName());

    @Inject
    private UserAdmin users;

    @Inject
    private TeamAdmin teams;

    @Inject
    @ConfigProperty(name = DeploymentConfig.ADMIN_USERNAME)
    private Optional<String> adminUsername;

    @Inject
    @ConfigProperty(name = DeploymentConfig.ADMIN_PASSWORD)
    private Optional<String> adminPassword;

    @PostConstruct
    void createBootstrapAdmin() {
        var username = DeploymentConfig.present(adminUsername);
        var password = DeploymentConfig.present(adminPassword);
        if (!users.needsFirstAdmin()) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            LOG.info("Hookline first start: no system admin yet; open the console (/console/) to create one, "
                    + "or set HOOKLINE_ADMIN_USERNAME and HOOKLINE_ADMIN_PASSWORD");
            return;
        }
        // Several servers may start at once against the empty database: the first to lock the settings row
        // creates everything in its transaction, the others wait for that lock and then find the account.
        users.createFirstAdminIfNone(
                        new NewUserRequest(username.get(), username.get() + "@localhost", password.get(), "", "", ""))
                .ifPresentOrElse(
                        this::createMainTeam,
                        () -> LOG.info("Hookline first start: another server created the system admin meanwhile"));
    }

    /** The first system admin and the team they start in; 403 once any account exists. */
    public UserView createFirstAdmin(NewUserRequest request) {
        User admin = users.createFirstAdmin(request);
        createMainTeam(admin);
        return admin.view();
    }

    /** The same path as POST /api/v4/teams: the team, its default channels, the admin in all of them. */
    private void createMainTeam(User admin) {
        teams.create(new Caller(admin.id(), true), new NewTeamRequest(TEAM_NAME, "Main", "O", ""));
        LOG.info(() -> "Hookline first run: created system admin '" + admin.username() + "', team '" + TEAM_NAME
                + "', channels town-square and off-topic");
    }

    /** True while no account exists: the console's first-run page is open only then. */
    @Lock(LockType.READ)
    public boolean needsFirstAdmin() {
        return users.needsFirstAdmin();
    }
}
