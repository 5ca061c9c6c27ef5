package dev.clientele.benchmarks.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Round trips, counted: a {@link DataSource} wrapper counting the connections borrowed from it and the statements
 * made on them (prepared, created or callable); the LDAP fixture counts its requests into the same counters.
 */
public final class Counting {
    final AtomicLong connections = new AtomicLong();
    final AtomicLong statements = new AtomicLong();

    /** Connections and statements since the last reset. */
    public record Count(long connections, long statements) {
    }

    public void reset() {
        connections.set(0);
        statements.set(0);
    }

    public Count count() {
        return new Count(connections.get(), statements.get());
    }

    /** A data source over {@code real} whose connections and statements are counted here. */
    public DataSource wrap(DataSource real) {
        ClassLoader loader = Counting.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
            Object result = invoke(real, m, args);
            if (!(result instanceof Connection c)) {
                return result;
            }
            connections.incrementAndGet();
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (p, cm, a) -> {
                String name = cm.getName();
                if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                    statements.incrementAndGet();
                }
                return invoke(c, cm, a);
            });
        });
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
