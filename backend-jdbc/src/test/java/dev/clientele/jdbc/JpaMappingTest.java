package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.Permission;
import dev.clientele.Validity;
import dev.clientele.jdbc.entity.CompanyEntity;
import dev.clientele.jdbc.entity.CustomerEntity;
import dev.clientele.jdbc.entity.GroupEntity;
import dev.clientele.jdbc.entity.LinkEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JPA mappings of the back-end's tables (Hibernate, hbm2ddl.auto=validate)")
class JpaMappingTest {
    private static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    @DisplayName("on H2, Hibernate validates the migrated schema and reads what the directory wrote")
    void h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcH2ContractTest.freshUrl());
        check(ds, null);
    }

    @Test
    @DisplayName("on PostgreSQL, Hibernate validates the migrated schema and reads what the directory wrote")
    void postgres() {
        check(PostgresServer.shared().dataSource(), PostgresServer.freshSchema());
    }

    /** A mapping that does not fit the schema: proves that validation is on. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "clientele_groups")
    static class MisfitGroup {
        @jakarta.persistence.Id
        @jakarta.persistence.Column(name = "name_key")
        String nameKey;

        @jakarta.persistence.Column(name = "no_such_column")
        String missing;
    }

    @Test
    @DisplayName("a mapping that does not fit the schema is refused by the validation (so the checks above are real)")
    void validationIsOn() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcH2ContractTest.freshUrl());
        JdbcBackend.create("local", ds).close();
        PersistenceConfiguration config = new PersistenceConfiguration("misfit")
                .managedClass(MisfitGroup.class)
                .property("hibernate.connection.datasource", ds)
                .property("hibernate.hbm2ddl.auto", "validate");

        org.assertj.core.api.Assertions.assertThatThrownBy(config::createEntityManagerFactory)
                .hasStackTraceContaining("no_such_column");
    }

    private static void check(DataSource ds, String schema) {
        try (JdbcBackend backend = JdbcBackend.create("local", ds, JdbcOptions.defaults().withSchema(schema));
                CustomerDirectory directory = CustomerDirectory.builder().backend(backend)
                        .clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)).build()) {
            directory.createGroup(Group.of("Support").withComment("first level"));
            directory.createCompany(Company.builder("ACME").name("Acme Inc.").city("Berlin").build());
            directory.createCustomer(Customer.builder("JDoe").email("John.Doe@acme.example").customerId("ACME")
                    .firstName("John").lastName("O'Doe").additionalCustomerIds("beta")
                    .attribute("department", "Sales \"EMEA\"").build());
            directory.link("jdoe", "support", Permission.RW);
            directory.linkCompany("acme", "support", Permission.RO);

            PersistenceConfiguration config = new PersistenceConfiguration("clientele-test")
                    .managedClass(CustomerEntity.class)
                    .managedClass(CompanyEntity.class)
                    .managedClass(GroupEntity.class)
                    .managedClass(LinkEntity.class)
                    .property("hibernate.connection.datasource", ds)
                    .property("hibernate.hbm2ddl.auto", "validate");
            if (schema != null) {
                config.property("hibernate.default_schema", schema);
            }
            try (EntityManagerFactory emf = config.createEntityManagerFactory();
                    EntityManager em = emf.createEntityManager()) {
                CustomerEntity c = em.find(CustomerEntity.class, "jdoe");
                assertThat(c.getLogin()).isEqualTo("JDoe");
                assertThat(c.getEmailKey()).isEqualTo("john.doe@acme.example");
                assertThat(c.getCustomerId()).isEqualTo("ACME");
                assertThat(c.getLastName()).isEqualTo("O'Doe");
                assertThat(c.getValidity()).isEqualTo(Validity.VALID);
                assertThat(c.getAdditionalCustomerIdsJson()).isEqualTo("[\"beta\"]");
                assertThat(c.getAttributesJson()).isEqualTo("{\"department\":\"Sales \\\"EMEA\\\"\"}");
                assertThat(c.getCreated()).isEqualTo(NOW);
                assertThat(c.getVersion()).isEqualTo(1);

                assertThat(em.find(CompanyEntity.class, "acme").getName()).isEqualTo("Acme Inc.");
                assertThat(em.find(GroupEntity.class, "support").getComment()).isEqualTo("first level");

                List<LinkEntity> links = em.createQuery(
                        "select l from LinkEntity l where l.groupKey = :g order by l.kind", LinkEntity.class)
                        .setParameter("g", "support").getResultList();
                assertThat(links).extracting(LinkEntity::toMembership).containsExactly(
                        dev.clientele.Membership.company("ACME", "Support", Permission.RO),
                        dev.clientele.Membership.customer("JDoe", "Support", Permission.RW));
            }
        }
    }
}
