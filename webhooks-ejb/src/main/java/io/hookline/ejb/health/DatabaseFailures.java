package io.hookline.ejb.health;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a failure's cause chain for the database's part in it. A request that failed because the
 * database is unreachable must be answered 503 (integrations retry it), never 4xx (they drop it) and
 * not as if Hookline had a bug.
 */
public final class DatabaseFailures {

    /** PostgreSQL's "the server went away" codes besides class 08 (admin shutdown, crash shutdown, cannot connect now). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /** Longest cause chain followed (a cycle or a pathological chain must not loop). */
    static final int MAX_CHAIN = 64;

    private DatabaseFailures() {}

    /**
     * True when the chain says the connection itself failed: SQLState class 08 (connection exception),
     * 53 (insufficient resources, e.g. too many connections), PostgreSQL's shutdown codes, or the JDBC
     * connection exception types, or the server's pool could not hand out a connection (a connector
     * {@link ResourceException}: creation failed, or every connection stayed busy past the pool's max wait).
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || SERVER_GOING_AWAY.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when an SQLException in the chain carries this SQLState (23505: a unique key already taken). */
    public static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when the failure passed through JDBC, JPA, the connection pool or the transaction manager. */
    public static boolean involvesDatabase(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException
                    || t instanceof PersistenceException
                    || t instanceof ResourceException
                    || t instanceof RollbackException
                    || t instanceof SystemException
                    || t instanceof EJBTransactionRolledbackException) {
                return true;
            }
        }
        return false;
    }

    /** The failure, its causes, and the next exceptions JDBC chains onto an SQLException. */
    static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        List<Throwable> out = new ArrayList<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && out.size() < MAX_CHAIN) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return out;
    }
}
