package io.hookline.ejb.metrics;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source whose connections {@link MeteredConnections} counts for one user (for Flyway, which takes one). */
final class CountedDataSource implements DataSource {

    private final DataSource delegate;
    private final MeteredConnections.User user;
    private final MeteredConnections connections;

    CountedDataSource(DataSource delegate, MeteredConnections.User user, MeteredConnections connections) {
        this.delegate = delegate;
        this.user = user;
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connections.connection(delegate, user);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connections.connection(delegate, user, username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
