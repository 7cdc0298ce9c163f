package io.hookline.ejb.user;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired login sessions every hour. A sign-in already drops its own user's expired rows; this
 * catches users who never sign in again, so the table holds at most the live sessions (each user at most
 * {@link SignInRecords#MAX_SESSIONS_PER_USER}) plus an hour's worth of expired ones.
 */
@Stateless
public class ExpiredSessions {

    private static final Logger LOG = Logger.getLogger(ExpiredSessions.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Schedule(hour = "*", minute = "41", persistent = false)
    public void prune() {
        int deleted = em.createNamedQuery(UserSession.DELETE_EXPIRED)
                .setParameter("now", System.currentTimeMillis())
                .executeUpdate();
        if (deleted > 0) {
            LOG.log(Level.FINE, "Deleted {0} expired login sessions", deleted);
        }
    }
}
