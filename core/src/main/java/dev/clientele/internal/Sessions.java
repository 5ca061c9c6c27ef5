package dev.clientele.internal;

import dev.clientele.spi.CustomerBackend;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * One directory call as one session of every back-end ({@link CustomerBackend#inSession}): a JDBC back-end then
 * serves all the statements of a permission evaluation or a login over one connection.
 */
final class Sessions {
    private final List<CustomerBackend> backends;

    Sessions(Collection<CustomerBackend> backends) {
        this.backends = backends.stream().distinct().toList();
    }

    <T> T run(Supplier<T> work) {
        return run(0, work);
    }

    private <T> T run(int i, Supplier<T> work) {
        if (i == backends.size()) {
            return work.get();
        }
        return backends.get(i).inSession(() -> run(i + 1, work));
    }
}
