package dev.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ConfigurationException;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEvent;
import dev.clientele.CustomerEventListener;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.spi.CustomerBackend;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The auto-configured CustomerDirectory")
class ClienteleAutoConfigurationTest {
    static {
        BuildProperties.forget();
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClienteleAutoConfiguration.class));

    @Test
    @DisplayName("is built from clientele.* properties, with Spring's relaxed names and YAML-style lists")
    void fromProperties() {
        runner.withPropertyValues("clientele.backend.local.type=memory", "clientele.policy.groupSupport=true",
                "clientele.policy.always-groups[0]=users:rw", "clientele.policy.always-groups[1]=faq:ro",
                "clientele.search.limit=40", "clientele.password.iterations=1000").run(context -> {
            assertThat(context).hasNotFailed();
            CustomerDirectory directory = context.getBean(CustomerDirectory.class);
            assertThat(directory.policy().groupSupport()).isTrue();
            assertThat(directory.policy().alwaysGroups()).containsEntry("users", Permission.RW)
                    .containsEntry("faq", Permission.RO);
            assertThat(directory.backends()).containsOnlyKeys("local");
        });
    }

    @Test
    @DisplayName("a broken configuration fails the start with every problem, each named as written, secrets masked")
    void brokenConfiguration() {
        runner.withPropertyValues("clientele.backend.local.type=memory", "clientele.policy.groupSupport=maybe",
                "clientele.search.limit=0", "clientele.customers=local, nowhere", "clientele.polcy.group-support=true",
                "clientele.password.min-length=-3", "clientele.backend.corp.bindPassword=Sup3r-Secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    ConfigurationException e = findCause(context.getStartupFailure(), ConfigurationException.class);
                    assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.policy.groupSupport ("))
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.search.limit ("))
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.customers ("))
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.polcy.group-support ("))
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.password.min-length ("))
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.backend.corp.type"));
                    assertThat(e.problems()).hasSize(6);
                    assertThat(e.getMessage()).doesNotContain("Sup3r-Secret");
                });
    }

    @Test
    @DisplayName("back-end problems found when opening the back-ends are named as written too, the password masked")
    void brokenBackend() {
        runner.withPropertyValues("clientele.backend.local.type=jdbc", "clientele.backend.local.poolSize=zero",
                "clientele.backend.local.url=jdbc:h2:mem:x;PASSWORD=Sup3r-Secret", "clientele.backend.local.colour=red")
                .run(context -> {
                    ConfigurationException e = findCause(context.getStartupFailure(), ConfigurationException.class);
                    assertThat(e.problems()).extracting(ConfigurationException.Problem::key)
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.backend.local.poolSize ("))
                            .anySatisfy(k -> assertThat(k).startsWith("clientele.backend.local.colour ("));
                    assertThat(e.getMessage()).doesNotContain("Sup3r-Secret");
                });
    }

    @Test
    @DisplayName("a jdbc back-end without a url uses the application's DataSource and never closes it")
    void hostDataSource() throws Exception {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID());
            runner.withBean("dataSource", DataSource.class, () -> ds, d -> d.setDestroyMethodName(""))
                    .withPropertyValues("clientele.backend.local.type=jdbc").run(context -> {
                        assertThat(context).hasNotFailed();
                        CustomerDirectory directory = context.getBean(CustomerDirectory.class);
                        assertThat(directory.backends().get("local").describe()).contains("connections of the host");
                        directory.createGroup(Group.of("support"));
                    });
            assertThat(ds.isClosed()).isFalse();
            try (Connection c = ds.getConnection(); var rs = c.createStatement()
                    .executeQuery("SELECT name FROM clientele_groups")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("support");
            }
        }
    }

    @Test
    @DisplayName("the directory (and the pools it opened) closes with the context")
    void closedWithContext() {
        List<CustomerBackend> backends = new ArrayList<>();
        runner.withPropertyValues("clientele.backend.own.type=jdbc",
                "clientele.backend.own.url=jdbc:h2:mem:" + UUID.randomUUID()).run(context ->
                backends.add(context.getBean(CustomerDirectory.class).backends().get("own")));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(BackendUnavailableException.class)
                .isThrownBy(() -> backends.get(0).customers().orElseThrow().count());
    }

    @Test
    @DisplayName("backs off when the application defines its own directory")
    void backsOff() {
        runner.withBean(CustomerDirectory.class, () -> CustomerDirectory.builder().backend("memory").build())
                .withPropertyValues("clientele.backend.local.type=memory").run(context -> {
                    assertThat(context).hasSingleBean(CustomerDirectory.class);
                    assertThat(context.getBean(CustomerDirectory.class).backends()).containsOnlyKeys("memory");
                });
    }

    @Test
    @DisplayName("event listener beans get the directory's events; customizer beans adjust the builder")
    void listenersAndCustomizers() {
        List<CustomerEvent> events = new ArrayList<>();
        runner.withPropertyValues("clientele.backend.local.type=memory")
                .withBean(CustomerEventListener.class, () -> events::add)
                .withBean(ClienteleDirectoryCustomizer.class, () -> b -> b.passwordHasher(
                        dev.clientele.password.Pbkdf2PasswordHasher.withIterations(1000)))
                .run(context -> {
                    CustomerDirectory directory = context.getBean(CustomerDirectory.class);
                    directory.createCustomer(Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                            .firstName("John").lastName("Doe").build(), "Corr3ct-Horse".toCharArray());
                    assertThat(events).extracting(CustomerEvent::subject).contains("jdoe");
                });
    }

    static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + t, t);
    }
}
