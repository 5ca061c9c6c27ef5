package dev.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Permission;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("Health per back-end and the directory's meters")
class HealthAndMetricsTest {
    static {
        BuildProperties.forget();
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClienteleAutoConfiguration.class,
                    ClienteleHealthAutoConfiguration.class))
            .withPropertyValues("clientele.password.iterations=1000");

    @Test
    @DisplayName("one indicator per back-end: UP with type, stores (ro/rw) and counts when details are asked for")
    void healthPerBackend() {
        runner.withPropertyValues("clientele.backend.local.type=memory", "clientele.backend.ro.type=memory",
                "clientele.backend.ro.read-only=true", "clientele.customers=local, ro").run(context -> {
                    CustomerDirectory directory = context.getBean(CustomerDirectory.class);
                    directory.createGroup(Group.of("support"));
                    CompositeHealthContributor clientele = context.getBean("clienteleHealthContributor",
                            CompositeHealthContributor.class);
                    HealthIndicator local = (HealthIndicator) clientele.getContributor("local");
                    HealthIndicator ro = (HealthIndicator) clientele.getContributor("ro");

                    Health plain = local.health(false);
                    assertThat(plain.getStatus()).isEqualTo(Status.UP);
                    assertThat(plain.getDetails()).isEmpty();

                    Health detailed = local.health(true);
                    assertThat(detailed.getDetails()).containsEntry("type", "memory")
                            .containsKeys("description", "stores", "counts");
                    assertThat((Map<Object, Object>) detailed.getDetails().get("counts")).containsEntry("groups", 1L)
                            .containsEntry("customers", 0L);
                    assertThat((Map<Object, Object>) detailed.getDetails().get("stores")).containsEntry("customers", "rw");
                    assertThat((Map<Object, Object>) ro.health(true).getDetails().get("stores"))
                            .containsEntry("customers", "ro");
                });
    }

    @Test
    @DisplayName("a back-end whose database is gone is DOWN, with the reason and without the password")
    void healthDown() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID());
        ds.setPassword("Sup3r-Secret");
        ds.setConnectionTimeout(250);
        runner.withBean("dataSource", DataSource.class, () -> ds, d -> d.setDestroyMethodName(""))
                .withPropertyValues("clientele.backend.local.type=jdbc").run(context -> {
                    HealthIndicator local = (HealthIndicator) context.getBean("clienteleHealthContributor",
                            CompositeHealthContributor.class).getContributor("local");
                    assertThat(local.health(true).getStatus()).isEqualTo(Status.UP);
                    ds.close();
                    Health down = local.health(true);
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails().get("error").toString()).contains("BackendUnavailableException")
                            .doesNotContain("Sup3r-Secret");
                });
    }

    @Test
    @DisplayName("off with management.health.clientele.enabled=false")
    void healthOff() {
        runner.withPropertyValues("clientele.backend.local.type=memory", "management.health.clientele.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("clienteleHealthContributor"));
    }

    @Test
    @DisplayName("a jdbc back-end with its own url publishes its pool's gauges; over the host's DataSource none")
    void poolGauges() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("clientele.backend.local.type=jdbc",
                        "clientele.backend.local.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "clientele.backend.local.pool-size=3")
                .run(context -> {
                    context.getBean(CustomerDirectory.class).createGroup(Group.of("support"));
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("clientele.backend.pool.max").tag("backend", "local").gauge().value())
                            .isEqualTo(3);
                    assertThat(registry.get("clientele.backend.pool.active").tag("type", "jdbc").gauge().value())
                            .isZero();
                });
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("dataSource", DataSource.class, () -> ds)
                .withPropertyValues("clientele.backend.local.type=jdbc")
                .run(context -> assertThat(context.getBean(MeterRegistry.class).find("clientele.backend.pool.max")
                        .gauges()).isEmpty());
    }

    @Test
    @DisplayName("a MeterRegistry bean gets logins by outcome, lookup, search and permission timers, cache hits")
    void meters() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("clientele.backend.local.type=memory", "clientele.policy.group-support=true")
                .run(context -> {
                    CustomerDirectory directory = context.getBean(CustomerDirectory.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    directory.createGroup(Group.of("support"));
                    directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                            .firstName("J").lastName("Doe").build(), "Corr3ct-Horse".toCharArray());
                    directory.link("jdoe", "support", Permission.RW);

                    directory.authenticate("jdoe", "Corr3ct-Horse".toCharArray());
                    directory.authenticate("jdoe", "wrong".toCharArray());
                    directory.authenticate("nobody", "wrong".toCharArray());
                    directory.findCustomer("jdoe");
                    directory.findCustomer("jdoe");
                    directory.findByEmail("jdoe@acme.example");
                    directory.search("jd");
                    directory.hasPermission("jdoe", "support", Permission.RW);
                    directory.hasPermission("jdoe", "support", Permission.RW);
                    directory.hasPermission("jdoe", "billing", Permission.RO);

                    assertThat(registry.get("clientele.logins").tag("outcome", "success").counter().count())
                            .isEqualTo(1);
                    assertThat(registry.get("clientele.logins").tag("outcome", "bad-credentials").counter().count())
                            .isEqualTo(2);
                    assertThat(registry.get("clientele.lookups").tag("by", "login").timer().count()).isEqualTo(2);
                    assertThat(registry.get("clientele.lookups").tag("by", "email").timer().count()).isEqualTo(1);
                    assertThat(registry.get("clientele.searches").timer().count()).isEqualTo(1);
                    assertThat(registry.get("clientele.permission.checks").tag("result", "granted").timer().count())
                            .isEqualTo(2);
                    assertThat(registry.get("clientele.permission.checks").tag("result", "denied").timer().count())
                            .isEqualTo(1);
                    assertThat(registry.get("clientele.cache.hit.ratio").tag("cache", "permissions").gauge().value())
                            .isGreaterThan(0.0);
                    assertThat(registry.get("cache.gets").tag("cache", "clientele.customers").tag("result", "hit")
                            .functionCounter().count()).isGreaterThan(0.0);

                    directory.close();
                    assertThat(registry.find("clientele.logins").meters()).isEmpty();
                });
    }
}
