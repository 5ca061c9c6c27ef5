package dev.clientele.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/** A data source whose connections a test watches: every call on a connection goes through a {@link Watcher}. */
final class Proxies {
    private Proxies() {
    }

    /** Sees a call on a connection before it is made on the real one. */
    @FunctionalInterface
    interface Watcher {
        void before(Connection real, Method method, Object[] args) throws Throwable;
    }

    /** {@code real}, with {@code onConnection} run for every connection handed out and {@code watcher} on its calls. */
    static DataSource watching(DataSource real, Runnable onConnection, Watcher watcher) {
        return (DataSource) Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!(result instanceof Connection c)) {
                        return result;
                    }
                    onConnection.run();
                    return Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                watcher.before(c, m, a);
                                return invoke(c, m, a);
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
