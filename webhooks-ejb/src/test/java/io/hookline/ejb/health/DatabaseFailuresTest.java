package io.hookline.ejb.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseFailuresTest {

    /** How the failures arrive at the JAX-RS mapper: an EJBException around JPA around JDBC. */
    private static Throwable wrapped(SQLException sql) {
        return new EJBException(new PersistenceException("EclipseLink says", sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300"})
    void connectionSqlStatesAreOutages(String state) {
        assertTrue(DatabaseFailures.isConnectionFailure(wrapped(new SQLException("gone", state))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22001", "42P01", "40001", "57014"})
    void otherSqlStatesAreNotByThemselves(String state) {
        Throwable failure = wrapped(new SQLException("data", state));
        assertFalse(DatabaseFailures.isConnectionFailure(failure));
        assertTrue(DatabaseFailures.involvesDatabase(failure));
    }

    @Test
    void connectionExceptionTypesCountWithoutAState() {
        assertTrue(DatabaseFailures.isConnectionFailure(wrapped(new SQLTransientConnectionException("pool"))));
        assertTrue(DatabaseFailures.isConnectionFailure(wrapped(new SQLNonTransientConnectionException("closed"))));
        assertFalse(DatabaseFailures.isConnectionFailure(wrapped(new SQLIntegrityConstraintViolationException("dup"))));
        // Payara's data source: "Error in allocating a connection", the pool's ResourceException as cause.
        SQLException allocation = new SQLException("Error in allocating a connection");
        allocation.initCause(new ResourceException("max-pool-size reached and max-wait-time expired"));
        assertTrue(DatabaseFailures.isConnectionFailure(wrapped(allocation)));
    }

    @Test
    void aChainedNextExceptionIsRead() {
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseFailures.isConnectionFailure(wrapped(batch)));
    }

    @Test
    void transactionFailuresInvolveTheDatabase() {
        assertTrue(DatabaseFailures.involvesDatabase(new EJBException(new RollbackException("commit failed"))));
        assertFalse(DatabaseFailures.involvesDatabase(new EJBException(new IllegalStateException("bug"))));
        assertFalse(DatabaseFailures.involvesDatabase(new IOException("client went away")));
        assertFalse(DatabaseFailures.involvesDatabase(null));
    }

    @Test
    void aCyclicChainEnds() {
        SQLException a = new SQLException("a", "XX000");
        SQLException b = new SQLException("b", "XX000");
        a.setNextException(b);
        b.setNextException(a);
        assertFalse(DatabaseFailures.isConnectionFailure(a));
    }
}
