package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerQuery;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.SearchResult;
import dev.clientele.spi.CustomerBackend;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two back-ends of the same kind as customer sources of one directory: {@code first} then {@code second}, new
 * customers created in {@code second}.
 */
public abstract class SeveralSourcesContract extends BackendContractSupport {
    private CustomerBackend first;
    private CustomerBackend second;
    private CustomerDirectory onlyFirst;
    private CustomerDirectory onlySecond;

    @BeforeEach
    void openSources() {
        first = newBackendClosedLater("first");
        second = newBackendClosedLater("second");
        onlyFirst = build(directoryBuilder(first));
        onlySecond = build(directoryBuilder(second));
    }

    /** The directory under test; build it after seeding the sources, so that it caches nothing stale. */
    private CustomerDirectory chain() {
        return build(directoryBuilder(first, second).customers("first", "second").createIn("second"));
    }

    private static List<String> logins(SearchResult result) {
        return result.customers().stream().map(Customer::login).collect(Collectors.toList());
    }

    @Test
    @DisplayName("a login in both sources is looked up in the first source")
    void lookupFirstSourceWins() {
        onlyFirst.createCustomer(customer("jdoe").firstName("FromFirst").email("jdoe@first.example").build());
        onlySecond.createCustomer(customer("JDOE").firstName("FromSecond").email("jdoe@second.example").build());

        CustomerDirectory directory = chain();

        assertThat(directory.getCustomer("jdoe").firstName()).isEqualTo("FromFirst");
        assertThat(directory.findCustomer("JDoe")).get().extracting(Customer::firstName).isEqualTo("FromFirst");
    }

    @Test
    @DisplayName("a login only in the second source is found there")
    void lookupFallsThrough() {
        onlySecond.createCustomer(customer("jroe").firstName("FromSecond").build());

        assertThat(chain().getCustomer("jroe").firstName()).isEqualTo("FromSecond");
    }

    @Test
    @DisplayName("search merges both sources in login order")
    void searchMerges() {
        onlyFirst.createCustomer(customer("alpha").build());
        onlyFirst.createCustomer(customer("charlie").build());
        onlySecond.createCustomer(customer("Bravo").build());
        onlySecond.createCustomer(customer("delta").build());

        assertThat(logins(chain().search("*"))).containsExactly("alpha", "Bravo", "charlie", "delta");
    }

    @Test
    @DisplayName("search returns a login found in both sources once, with the first source's data")
    void searchFirstWinsOnDuplicate() {
        onlyFirst.createCustomer(customer("jdoe").firstName("FromFirst").email("jdoe@first.example").build());
        onlySecond.createCustomer(customer("jdoe").firstName("FromSecond").email("jdoe@second.example").build());
        onlySecond.createCustomer(customer("jroe").build());

        SearchResult result = chain().search("*");

        assertThat(logins(result)).containsExactly("jdoe", "jroe");
        assertThat(result.customers().get(0).firstName()).isEqualTo("FromFirst");
    }

    @Test
    @DisplayName("one limit applies to the merged result: limit 3 over 2 + 2 customers gives the first 3 and more")
    void oneGlobalLimit() {
        onlyFirst.createCustomer(customer("alpha").build());
        onlyFirst.createCustomer(customer("charlie").build());
        onlySecond.createCustomer(customer("bravo").build());
        onlySecond.createCustomer(customer("delta").build());

        SearchResult result = chain().search(CustomerQuery.builder().text("*").limit(3).build());

        assertThat(logins(result)).containsExactly("alpha", "bravo", "charlie");
        assertThat(result.moreResults()).isTrue();
    }

    @Test
    @DisplayName("the limit counts a login found in both sources once: 3 distinct customers under limit 3, no more")
    void limitCountsDuplicatesOnce() {
        onlyFirst.createCustomer(customer("alpha").build());
        onlyFirst.createCustomer(customer("bravo").email("bravo@first.example").build());
        onlySecond.createCustomer(customer("bravo").email("bravo@second.example").build());
        onlySecond.createCustomer(customer("charlie").build());

        SearchResult result = chain().search(CustomerQuery.builder().text("*").limit(3).build());

        assertThat(logins(result)).containsExactly("alpha", "bravo", "charlie");
        assertThat(result.moreResults()).isFalse();
    }

    @Test
    @DisplayName("create writes to the createIn source only")
    void createGoesToCreateIn() {
        chain().createCustomer(customer("jnew").build());

        assertThat(customerStore(second).findByLogin("jnew")).isPresent();
        assertThat(customerStore(first).findByLogin("jnew")).isEmpty();
    }

    @Test
    @DisplayName("creating a login that exists in the other source throws DuplicateCustomerException on login")
    void loginUniqueAcrossSources() {
        onlyFirst.createCustomer(customer("jdoe").build());
        CustomerDirectory directory = chain();

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> directory.createCustomer(customer("JDoe").email("other@acme.example").build()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("login"));
        assertThat(customerStore(second).count()).isZero();
    }

    @Test
    @DisplayName("creating an email that exists in the other source throws DuplicateCustomerException on email")
    void emailUniqueAcrossSources() {
        onlyFirst.createCustomer(customer("jdoe").email("desk@acme.example").build());
        CustomerDirectory directory = chain();

        assertThatExceptionOfType(DuplicateCustomerException.class)
                .isThrownBy(() -> directory.createCustomer(customer("jroe").email("DESK@acme.example").build()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(customerStore(second).count()).isZero();
    }

    @Test
    @DisplayName("updating a customer owned by the first source writes to the first source")
    void updateWritesToOwner() {
        onlyFirst.createCustomer(customer("jdoe").build());
        CustomerDirectory directory = chain();

        directory.updateCustomer(directory.getCustomer("jdoe").toBuilder().city("Hamburg").build());

        assertThat(customerStore(first).findByLogin("jdoe")).get().extracting(Customer::city).isEqualTo("Hamburg");
        assertThat(customerStore(second).findByLogin("jdoe")).isEmpty();
    }
}
