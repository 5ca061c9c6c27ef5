package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerEvent;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.CustomerBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bulk import: every create rule per row, refusals reported row by row, batches. */
public abstract class ImportContract extends BackendContractSupport {

    private static List<Customer> rows(int count, String prefix) {
        List<Customer> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(customer(prefix + i).build());
        }
        return rows;
    }

    @Test
    @DisplayName("stores every valid row with version 1 (where kept) and reports how many")
    void storesEveryValidRow() {
        ImportResult result = directory.importCustomers(rows(25, "imp"));

        assertThat(result.added()).isEqualTo(25);
        assertThat(result.refused()).isEmpty();
        assertThat(result.stopped()).isFalse();
        assertThat(customerStore().count()).isEqualTo(25);
        Customer c = directory.getCustomer("imp7");
        assertThat(c.version()).isEqualTo(versionAfter(1));
        if (keepsTimestamps()) {
            assertThat(c.created()).isEqualTo(clock.instant());
        }
        assertThat(events.ofType(CustomerEvent.Type.CREATED)).hasSize(25)
                .allSatisfy(e -> assertThat(e.detail()).isEqualTo("import"));
    }

    @Test
    @DisplayName("with keepTimestamps, a row keeps its own created and changed timestamps (a migration)")
    void keepsTimestampsOfRows() {
        java.time.Instant created = java.time.Instant.parse("2019-05-06T07:08:09Z");
        java.time.Instant changed = java.time.Instant.parse("2021-01-02T03:04:05Z");
        List<Customer> rows = List.of(customer("old").created(created).changed(changed).build(),
                customer("fresh").build());

        ImportResult result = directory.importCustomers(rows, ImportOptions.defaults().withKeepTimestamps(true));

        assertThat(result.added()).isEqualTo(2);
        if (keepsTimestamps()) {
            assertThat(directory.getCustomer("old").created()).isEqualTo(created);
            assertThat(directory.getCustomer("old").changed()).isEqualTo(changed);
            assertThat(directory.getCustomer("fresh").created()).isEqualTo(clock.instant());
        }
    }

    @Test
    @DisplayName("refuses a row with bad fields, naming its row and every bad field, and stores the others")
    void refusesInvalidRows() {
        List<Customer> rows = rows(3, "ok");
        rows.add(1, Customer.builder("bad").email("not-an-email").build());

        ImportResult result = directory.importCustomers(rows);

        assertThat(result.added()).isEqualTo(3);
        assertThat(result.refused()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.login()).isEqualTo("bad");
            assertThat(r.errors()).containsKeys("email", "customerId", "firstName", "lastName");
        });
        assertThat(directory.findCustomer("bad")).isEmpty();
        assertThat(directory.findCustomer("ok2")).isPresent();
    }

    @Test
    @DisplayName("refuses a login or email that an earlier row of the same import took, in any case")
    void refusesDuplicatesInsideTheImport() {
        List<Customer> rows = List.of(
                customer("jdoe").build(),
                customer("JDOE").email("other@acme.example").build(),
                customer("jane").email("JDOE@acme.example").build(),
                customer("max").build());

        ImportResult result = directory.importCustomers(rows);

        assertThat(result.added()).isEqualTo(2);
        assertThat(result.refused()).extracting(ImportResult.Refused::row).containsExactly(1, 2);
        assertThat(result.refused().get(0).errors()).containsOnlyKeys("login");
        assertThat(result.refused().get(1).errors()).containsOnlyKeys("email");
        assertThat(directory.getCustomer("jdoe").email()).isEqualTo("jdoe@acme.example");
        assertThat(directory.findCustomer("jane")).isEmpty();
    }

    @Test
    @DisplayName("refuses rows whose login or email an existing customer has, and stores the rest")
    void refusesDuplicatesOfExistingCustomers() {
        createCustomer("taken");
        List<Customer> rows = List.of(
                customer("new1").build(),
                customer("Taken").email("fresh@acme.example").build(),
                customer("new2").email("TAKEN@acme.example").build(),
                customer("new3").build());

        ImportResult result = directory.importCustomers(rows);

        assertThat(result.added()).isEqualTo(2);
        assertThat(result.refused()).extracting(ImportResult.Refused::row).containsExactly(1, 2);
        assertThat(result.refused().get(0).errors()).isEqualTo(Map.of("login", "exists already"));
        assertThat(result.refused().get(1).errors()).isEqualTo(Map.of("email", "exists already"));
        assertThat(customerStore().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("finds duplicates across batches and stores every batch")
    void spansBatches() {
        List<Customer> rows = rows(250, "b");
        rows.add(customer("B17").email("b17-again@acme.example").build()); // row 250 repeats row 17's login

        ImportResult result = directory.importCustomers(rows, ImportOptions.defaults().withBatchSize(40));

        assertThat(result.added()).isEqualTo(250);
        assertThat(result.refused()).extracting(ImportResult.Refused::row).containsExactly(250);
        assertThat(customerStore().count()).isEqualTo(250);
    }

    @Test
    @DisplayName("with stopOnError stops at the first refused row; rows before it stay, rows after it are not stored")
    void stopsOnError() {
        List<Customer> rows = rows(5, "s");
        rows.add(2, Customer.builder("broken").build());

        ImportResult result = directory.importCustomers(rows, ImportOptions.defaults().withStopOnError(true)
                .withBatchSize(1));

        assertThat(result.stopped()).isTrue();
        assertThat(result.refused()).extracting(ImportResult.Refused::row).containsExactly(2);
        assertThat(result.added()).isEqualTo(2);
        assertThat(directory.findCustomer("s1")).isPresent();
        assertThat(directory.findCustomer("s2")).isEmpty();
        assertThat(customerStore().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("with stopOnError, a row refused because it exists stops the import before its batch is written")
    void stopsOnExistingRowBeforeWriting() {
        createCustomer("s1");
        ImportResult result = directory.importCustomers(rows(4, "s"), ImportOptions.defaults().withStopOnError(true));

        assertThat(result.stopped()).isTrue();
        assertThat(result.refused()).extracting(ImportResult.Refused::row).containsExactly(1);
        assertThat(result.added()).isEqualTo(1);
        assertThat(directory.findCustomer("s0")).isPresent();
        assertThat(directory.findCustomer("s2")).isEmpty();
    }

    @Test
    @DisplayName("fills an empty customer ID with the email when the directory is set to")
    void customerIdFromEmail() {
        CustomerDirectory d = newDirectory(b -> b.customerIdFromEmail(true));
        ImportResult result = d.importCustomers(List.of(customer("mail").customerId(null).build()));

        assertThat(result.added()).isEqualTo(1);
        assertThat(d.getCustomer("mail").customerId()).isEqualTo("mail@acme.example");
    }

    @Test
    @DisplayName("refuses a row whose login another customer source has")
    void refusesLoginOfAnotherSource() {
        CustomerBackend first = newBackendClosedLater("first");
        CustomerBackend second = newBackendClosedLater("second");
        CustomerDirectory d = build(directoryBuilder(first, second).customers("first", "second").createIn("second"));
        build(directoryBuilder(first)).createCustomer(customer("owned").build());

        ImportResult result = d.importCustomers(List.of(customer("owned").email("x@acme.example").build(),
                customer("fresh").build()));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.refused()).singleElement().satisfies(r -> assertThat(r.login()).isEqualTo("owned"));
        assertThat(customerStore(second).findByLogin("fresh")).isPresent();
        assertThat(customerStore(second).findByLogin("owned")).isEmpty();
    }

    @Test
    @DisplayName("into a read-only source is refused before anything is stored")
    void readOnlyTarget() {
        CustomerBackend readOnly = closeLater(newReadOnlyBackend("ro"));
        CustomerDirectory d = build(directoryBuilder(readOnly));

        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> d.importCustomers(rows(3, "r")));
        assertThat(customerStore(readOnly).count()).isZero();
    }

    @Test
    @DisplayName("onExisting SKIP leaves existing customers as they are and counts them as skipped")
    void skipsExisting() {
        createCustomer("taken");
        Customer before = directory.getCustomer("taken");

        ImportResult result = directory.importCustomers(List.of(customer("TAKEN").city("Elsewhere").build(),
                customer("fresh").build()), ImportOptions.defaults().withOnExisting(ImportOptions.OnExisting.SKIP));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.skipped()).containsExactly(0);
        assertThat(result.refused()).isEmpty();
        assertThat(directory.getCustomer("taken")).isEqualTo(before);
    }

    @Test
    @DisplayName("onExisting UPDATE gives the stored customer the row's fields, its own email included, and keeps"
            + " its password; a row taking another customer's email is refused")
    void updatesExisting() {
        directory.createCustomer(customer("taken").build(), "Old-Passw0rd".toCharArray());
        createCustomer("other");

        ImportResult result = directory.importCustomers(List.of(
                customer("Taken").city("Elsewhere").build(),
                customer("other").email("taken@acme.example").build(),
                customer("fresh").build()),
                ImportOptions.defaults().withOnExisting(ImportOptions.OnExisting.UPDATE));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.refused()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.errors()).containsKey("email");
        });
        Customer updated = directory.getCustomer("taken");
        assertThat(updated.city()).isEqualTo("Elsewhere");
        assertThat(updated.login()).isEqualTo("taken");
        assertThat(directory.authenticate("taken", "Old-Passw0rd".toCharArray()).succeeded()).isTrue();
        assertThat(directory.getCustomer("other").email()).isEqualTo("other@acme.example");
    }

    @Test
    @DisplayName("a dry run applies every rule and reports what a real import would, and writes nothing")
    void dryRun() {
        createCustomer("taken");
        Customer before = directory.getCustomer("taken");
        List<Customer> rows = rows(30, "dry");
        rows.add(Customer.builder("broken").build());
        rows.add(customer("taken").city("Elsewhere").build());

        ImportResult refusing = directory.importCustomers(rows, ImportOptions.defaults().withDryRun(true)
                .withBatchSize(7));
        assertThat(refusing.dryRun()).isTrue();
        assertThat(refusing.added()).isEqualTo(30);
        assertThat(refusing.refused()).extracting(ImportResult.Refused::row).containsExactly(30, 31);

        ImportResult updating = directory.importCustomers(rows, ImportOptions.defaults().withDryRun(true)
                .withOnExisting(ImportOptions.OnExisting.UPDATE));
        assertThat(updating.updated()).isEqualTo(1);

        assertThat(customerStore().count()).isEqualTo(1);
        assertThat(directory.getCustomer("taken")).isEqualTo(before);
        assertThat(events.ofType(CustomerEvent.Type.CREATED)).hasSize(1);
        assertThat(events.ofType(CustomerEvent.Type.UPDATED)).isEmpty();
    }
}
