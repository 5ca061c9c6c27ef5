package dev.clientele.benchmarks.store;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Clientele against the raw query on a real store, per {@link Scenario}: the method {@code x_raw} is the hand-written
 * query of the same data, {@code x} the directory call. Run through {@link Suite}, which runs JMH in this JVM (fork
 * 0) so that each store is filled once per size, and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(0)
public class StoreBenchmark {
    @Param({"h2"})
    public String store;

    @Param({"10000"})
    public int customers;

    private Fixture fixture;
    /** Every customer's login, made before the run: the calls measure the store, not String.format. */
    private String[] logins;
    private int next;
    private int nextWarm;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.of(store, customers);
        logins = new String[customers];
        for (int i = 0; i < customers; i++) {
            logins[i] = Data.login(i);
        }
        for (int i = 0; i < Scenario.WARM_SET; i++) {
            fixture.warm().hasPermission(Data.login(i), Scenario.GROUP, dev.clientele.Permission.RO);
            fixture.warm().findCustomer(Data.login(i));
        }
    }

    /** A customer spread over the whole store: the working set is every customer. */
    private String any() {
        next = (next + 7919) % customers;
        return logins[next];
    }

    /** A customer of the warm set. */
    private String warm() {
        nextWarm = (nextWarm + 7) % Scenario.WARM_SET;
        return logins[nextWarm];
    }

    @Benchmark
    public Object customerAndPermissions() {
        return Scenario.CUSTOMER_AND_PERMISSIONS.run(fixture, false, any());
    }

    @Benchmark
    public Object customerAndPermissions_raw() {
        return Scenario.CUSTOMER_AND_PERMISSIONS.run(fixture, true, any());
    }

    @Benchmark
    public Object hasPermission() {
        return Scenario.HAS_PERMISSION.run(fixture, false, any());
    }

    @Benchmark
    public Object hasPermission_raw() {
        return Scenario.HAS_PERMISSION.run(fixture, true, any());
    }

    @Benchmark
    public Object login() {
        return Scenario.LOGIN.run(fixture, false, any());
    }

    @Benchmark
    public Object login_raw() {
        return Scenario.LOGIN.run(fixture, true, any());
    }

    @Benchmark
    public Object boundedHasPermission() {
        return Scenario.BOUNDED_HAS_PERMISSION.run(fixture, false, any());
    }

    @Benchmark
    public Object boundedHasPermission_raw() {
        return Scenario.BOUNDED_HAS_PERMISSION.run(fixture, true, any());
    }

    @Benchmark
    public Object warmHasPermission() {
        return Scenario.WARM_HAS_PERMISSION.run(fixture, false, warm());
    }

    @Benchmark
    public Object warmFindCustomer() {
        return Scenario.WARM_FIND_CUSTOMER.run(fixture, false, warm());
    }

    @Benchmark
    public Object search() {
        return Scenario.SEARCH.run(fixture, false, any());
    }

    @Benchmark
    public Object search_raw() {
        return Scenario.SEARCH.run(fixture, true, any());
    }
}
