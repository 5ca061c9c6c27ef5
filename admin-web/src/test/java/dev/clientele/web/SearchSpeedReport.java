package dev.clientele.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.ImportOptions;
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
        loginAsAdmin();
        report("search 'cust' (250 shown, more results)", "/admin/customers?q=cust");
        report("search 'first12 last1*' (selective)", "/admin/customers?q=first12+last1*");
        report("search '*99' (leading wildcard)", "/admin/customers?q=*99");
        report("group page 1 (50 of 100k)", "/admin/group?name=support");
        report("group page after cust050000", "/admin/group?name=support&after=cust050000");
        open("/admin/customers?q=cust");
        assertThat(id("more").getText()).contains("More results");
    }

    private void report(String what, String path) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http(request(path).header("Cookie", adminCookie()).GET());
            long ms = (System.nanoTime() - t) / 1_000;
            assertThat(r.statusCode()).isEqualTo(200);
            if (i >= 10) {
                times.add(ms);
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("speed: %-45s median %6.1f ms, p90 %6.1f ms (30 requests after 10 warm-up)%n", what,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.9)] / 1000.0);
    }
}
