package dev.clientele.benchmarks;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerQuery;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.SearchResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths on the in-memory back-end: a permission check, a lookup by login, a prefix search — with the
 * directory's cache on (the default) and off (the cost of the evaluation and of the store itself).
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && java -jar benchmarks/target/clientele-benchmarks.jar jmh HotPath}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {

    @Param({"1000", "10000"})
    public int customers;

    @Param({"true", "false"})
    public boolean cached;

    private CustomerDirectory directory;
    /** The logins asked for, made before the run: the benchmark measures the directory, not string concatenation. */
    private String[] logins;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        directory = CustomerDirectory.builder()
                .backend("memory")
                .policy(CustomerGroupPolicy.builder().groupSupport(true).alwaysGroups(Map.of("users", Permission.RW)).build())
                .cacheTtl(cached ? Duration.ofMinutes(5) : Duration.ZERO)
                .build();
        logins = new String[customers];
        for (int i = 0; i < customers; i++) {
            logins[i] = login(i);
        }
        directory.createGroup(Group.of("users"));
        for (int g = 0; g < 50; g++) {
            directory.createGroup(Group.of("queue-" + g));
        }
        for (int c = 0; c < 100; c++) {
            directory.createCompany(Company.builder("company-" + c).name("Company " + c).build());
        }
        for (int i = 0; i < customers; i++) {
            directory.createCustomer(Customer.builder(login(i)).email(login(i) + "@example.com")
                    .customerId("company-" + (i % 100)).firstName(i % 7 == 0 ? "John" : "Jane")
                    .lastName("Doe" + i).build());
            directory.link(login(i), "queue-" + (i % 50), Permission.RW);
        }
        for (int c = 0; c < 100; c++) {
            directory.linkCompany("company-" + c, "queue-" + ((c + 7) % 50), Permission.RO);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        directory.close();
    }

    private static String login(int i) {
        return "user" + i;
    }

    private String nextLogin() {
        next = (next + 7919) % customers;
        return logins[next];
    }

    @Benchmark
    public boolean permissionCheck() {
        return directory.hasPermission(nextLogin(), "queue-3", Permission.RO);
    }

    @Benchmark
    public Optional<Customer> lookupByLogin() {
        return directory.findCustomer(nextLogin());
    }

    @Benchmark
    public SearchResult prefixSearch() {
        return directory.search(CustomerQuery.builder().text("user12*").limit(50).build());
    }
}
