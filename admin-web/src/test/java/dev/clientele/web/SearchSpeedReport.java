package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerQuery;
import dev.clientele.Group;
import dev.clientele.ImportOptions;
import dev.clientele.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measured report, not an assertion on time: the Customers search page and a group's customer list with 100,000
 * customers on the embedded H2 store. Run with {@code -Dclientele.speed=true}; it prints the timings.
 */
@EnabledIfSystemProperty(named = "clientele.speed", matches = "true")
@DisplayName("Speed report: the Customers page with 100k customers on H2")
class SearchSpeedReport extends BrowserTest {
    static final int CUSTOMERS = 100_000;

    @Override
    CustomerDirectory directory() {
        return CustomerDirectory.builder()
                .backend("local", "jdbc", Map.of("url", "jdbc:h2:mem:speed;DB_CLOSE_DELAY=-1"))
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build()).build();
    }

    @Test
    @DisplayName("search at limit 250 and a page of a group's customers, timed over HTTP on the loopback")
    void report() {
        directory.createGroup(Group.of("support"));
        long t0 = System.nanoTime();
        directory.importCustomers(() -> IntStream.range(0, CUSTOMERS).mapToObj(i -> Customer.builder(
                String.format("cust%06d", i)).email("c" + i + "@speed.example").customerId("co" + (i % 500))
                .firstName("First" + (i % 1000)).lastName("Last" + i).build()).iterator(), ImportOptions.defaults());
        System.out.printf("speed: imported %,d customers in %.1f s%n", CUSTOMERS, (System.nanoTime() - t0) / 1e9);
        Map<String, Permission> half = new java.util.HashMap<>();
        IntStream.range(0, CUSTOMERS).filter(i -> i % 2 == 0).forEach(i -> half.put(String.format("cust%06d", i),
                Permission.RO));
        directory.setCustomersOf("support", half);
        loginAsAdmin();
        for (String q : List.of("cust", "first12 last1*", "*99")) {
            timed("library: search '" + q + "'", () -> directory.search(CustomerQuery.of(q)));
        }
        report("search 'cust' (250 shown, more results)", "/admin/customers?q=cust");
        report("search 'first12 last1*' (selective)", "/admin/customers?q=first12+last1*");
        report("search '*99' (leading wildcard)", "/admin/customers?q=*99");
        List<String> page = directory.customers(null, 50, true).customers().stream().map(Customer::login).toList();
        timed("library: a page of 50 customers", () -> directory.customers(null, 50, true));
        timed("library: customersOf(group, 50 logins)", () -> directory.customersOf("support", page));
        timed("library: customersOf(group), 50k links", () -> directory.customersOf("support"));
        report("group page 1 (50 of 100k, 50k linked)", "/admin/group?name=support");
        report("group page after cust050000", "/admin/group?name=support&after=cust050000");
        open("/admin/customers?q=cust");
        assertThat(id("more").getText()).contains("More results");
    }

    /**
     * Times a page over HTTP on one kept-alive connection (a new client per request would time its start-up):
     * server time plus the loopback and the client's reading.
     */
    private void report(String what, String path) {
        HttpClient client = HttpClient.newHttpClient();
        String cookie = adminCookie();
        timed(what, () -> {
            try {
                assertThat(client.send(request(path).header("Cookie", cookie).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Prints the median and p90 of 30 runs after 10 warm-up ones. */
    private static void timed(String what, Runnable run) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            run.run();
            long micros = (System.nanoTime() - t) / 1_000;
            if (i >= 10) {
                times.add(micros);
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("speed: %-50s median %6.1f ms, p90 %6.1f ms (30 requests after 10 warm-up)%n", what,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.9)] / 1000.0);
    }
}
