package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A back-end whose customer store is read-only (a corporate directory, say): it says so, and every write is refused
 * with {@link ReadOnlyBackendException} before anything is written. Skipped for back-ends that cannot make one.
 */
public abstract class ReadOnlyContract extends BackendContractSupport {
    private CustomerBackend readOnly;
    private CustomerStore store;

    @BeforeEach
    void openReadOnly() {
        readOnly = closeLater(newReadOnlyBackend("readonly"));
        store = customerStore(readOnly);
    }

    private static Customer stored(String login) {
        return customer(login).version(1).created(MutableClock.DEFAULT_START).changed(MutableClock.DEFAULT_START)
                .build();
    }

    @Test
    @DisplayName("the customer store says it is read-only")
    void saysReadOnly() {
        assertThat(store.readOnly()).isTrue();
    }

    @Test
    @DisplayName("createCustomer through the directory throws ReadOnlyBackendException and writes nothing")
    void createRejected() {
        CustomerDirectory directory = build(directoryBuilder(readOnly));

        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> directory.createCustomer(customer("jdoe").build()));

        assertThat(store.count()).isZero();
        assertThat(directory.findCustomer("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("createCustomer with a password through the directory throws ReadOnlyBackendException and writes nothing")
    void createWithPasswordRejected() {
        CustomerDirectory directory = build(directoryBuilder(readOnly));

        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> directory.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray()));

        assertThat(store.count()).isZero();
        readOnly.credentials().ifPresent(credentials -> assertThat(credentials.passwordHash("jdoe")).isEmpty());
    }

    @Test
    @DisplayName("the store refuses an insert with ReadOnlyBackendException")
    void storeInsertRejected() {
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> store.insert(stored("jdoe"), true));
        assertThat(store.count()).isZero();
    }

    @Test
    @DisplayName("the store refuses an update (and so an invalidation) with ReadOnlyBackendException")
    void storeUpdateRejected() {
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> store.update(stored("jdoe").toBuilder().version(2).build(), 1, true));
        assertThat(store.count()).isZero();
    }

    @Test
    @DisplayName("the store refuses a delete with ReadOnlyBackendException")
    void storeDeleteRejected() {
        assertThatExceptionOfType(ReadOnlyBackendException.class).isThrownBy(() -> store.delete("jdoe"));
    }
}
