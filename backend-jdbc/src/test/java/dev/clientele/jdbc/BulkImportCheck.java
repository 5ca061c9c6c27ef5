package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.spi.CustomerBackend;
import java.time.Duration;
import java.util.Map;

/**
 * Imports {@link BulkData} (100,000 customers, two of them colliding with earlier rows) into a back-end that already
 * holds a customer with the login of row 10 and one with the email of row 20, and checks what was reported and
 * stored. Shared by the H2 and PostgreSQL tests.
 */
final class BulkImportCheck {
    private BulkImportCheck() {
    }

    static void importAndCheck(CustomerBackend backend) {
        try (CustomerDirectory directory = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO)
                .build()) {
            directory.createCustomer(BulkData.customer(10).toBuilder().email("first.ten@bulk.example").build());
            directory.createCustomer(Customer.builder("twenty").email(BulkData.email(20)).customerId("c")
                    .firstName("T").lastName("W").build());

            ImportResult result = directory.importCustomers(new BulkData(), ImportOptions.defaults());

            assertThat(result.stopped()).isFalse();
            assertThat(result.refused()).extracting(ImportResult.Refused::row, ImportResult.Refused::login,
                    ImportResult.Refused::errors).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(10, BulkData.login(10),
                                    Map.of("login", "exists already")),
                            org.assertj.core.groups.Tuple.tuple(20, BulkData.login(20),
                                    Map.of("email", "exists already")),
                            org.assertj.core.groups.Tuple.tuple(BulkData.DUPLICATE_LOGIN_ROW, BulkData.login(100),
                                    Map.of("login", "is taken by an earlier row")),
                            org.assertj.core.groups.Tuple.tuple(BulkData.DUPLICATE_EMAIL_ROW, "dupmail",
                                    Map.of("email", "is used by an earlier row")));
            assertThat(result.added()).isEqualTo(BulkData.ROWS - 4);
            assertThat(backend.customers().orElseThrow().count()).isEqualTo(BulkData.ROWS - 4 + 2);
            assertThat(directory.getCustomer(BulkData.login(99_999)).email()).isEqualTo(BulkData.email(99_999));
            assertThat(directory.getCustomer(BulkData.login(10)).email()).isEqualTo("first.ten@bulk.example");
            assertThat(directory.findByEmail(BulkData.email(20))).extracting(Customer::login).containsExactly("twenty");
        }
    }
}
