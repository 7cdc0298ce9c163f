package io.hookline.ejb.metrics;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection from the container's pool, counted in its user's "in use" from {@link MeteredConnections} handing
 * it out until its first {@code close()} (which counts down even when the pool's close throws). Every other call
 * goes straight to the container's connection. A proxy, not a hand-written {@link Connection}: only {@code close}
 * differs, and the post writers make a handful of calls per batch, not per request.
 */
final class CountedConnection implements InvocationHandler {

    private final Connection delegate;
    private final AtomicInteger inUse;
    /** A connection belongs to one thread at a time (as JDBC code uses it), so a plain field is enough. */
    private boolean closed;

    private CountedConnection(Connection delegate, AtomicInteger inUse) {
        this.delegate = delegate;
        this.inUse = inUse;
    }

    /** {@code delegate}, counted in {@code inUse} until closed (the caller has counted it up). */
    static Connection of(Connection delegate, AtomicInteger inUse) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new CountedConnection(delegate, inUse));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            close();
            return null;
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            // What the container's connection threw, as it threw it (SQLException and the rest).
            throw e.getCause();
        }
    }

    private void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            delegate.close();
        } finally {
            inUse.decrementAndGet();
        }
    }
}
