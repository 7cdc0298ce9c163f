package io.hookline.web.live;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.UserView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.user.Roles;
import io.hookline.ejb.user.UserAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a user may still read a channel, decided from the database as it is now rather than from the
 * sign-in the stream was opened with: the account must exist and be active, and the channel readable with
 * the roles the account has now (a demoted system admin loses the channels only admins could read).
 */
@ApplicationScoped
public class StreamAccess {

    @Inject
    private UserAdmin users;

    @Inject
    private ChannelDirectory directory;

    boolean mayRead(String userId, String channelId) {
        try {
            UserView user = users.get(userId);
            if (user.deleteAt() != 0) {
                return false;
            }
            boolean admin = Roles.isSystemAdmin(user.roles());
            directory.get(new Caller(userId, admin), channelId);
            return true;
        } catch (HooklineException refused) {
            return false;
        }
    }
}
