package dev.clientele.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clientele.Customer;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.SearchResult;
import dev.clientele.ValidationException;
import dev.clientele.password.PasswordHasher;
import dev.clientele.password.Pbkdf2PasswordHasher;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerSearch;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The chain of customer sources")
class CustomerSourcesTest {
    private static final PasswordHasher HASHER = Pbkdf2PasswordHasher.withIterations(1_000);

    /** The smallest real store: a sorted map; enough for the chain's rules. */
    private static final class MapStore implements CustomerStore {
        final TreeMap<String, Customer> byKey = new TreeMap<>();
        final boolean readOnly;

        MapStore(boolean readOnly, Customer... customers) {
            this.readOnly = readOnly;
            for (Customer c : customers) {
                byKey.put(Keys.of(c.login()), c);
            }
        }

        @Override
        public boolean readOnly() {
            return readOnly;
        }

        @Override
        public Optional<Customer> findByLogin(String login) {
            return Optional.ofNullable(byKey.get(Keys.of(login)));
        }

        @Override
        public List<Customer> findByEmail(String email) {
            return byKey.values().stream().filter(c -> Keys.same(c.email(), email)).toList();
        }

        @Override
        public List<Customer> findByCustomerId(String customerId, int limit) {
            return byKey.values().stream().filter(c -> Keys.same(c.customerId(), customerId)).limit(limit).toList();
        }

        @Override
        public List<Customer> search(CustomerSearch search) {
            return byKey.values().stream().filter(search::matches).limit(search.fetchLimit()).toList();
        }

        @Override
        public List<Customer> page(String afterLoginKey, int size, boolean includeInvalid) {
            return (afterLoginKey == null ? byKey : byKey.tailMap(afterLoginKey, false)).values().stream()
                    .filter(c -> includeInvalid || c.isValid()).limit(size).toList();
        }

        @Override
        public long count() {
            return byKey.size();
        }

        @Override
        public void insert(Customer customer, boolean uniqueEmail) {
            byKey.put(Keys.of(customer.login()), customer);
        }

        @Override
        public void update(Customer customer, long expectedVersion, boolean uniqueEmail) {
            byKey.put(Keys.of(customer.login()), customer);
        }

        @Override
        public boolean delete(String login) {
            return byKey.remove(Keys.of(login)) != null;
        }
    }

    private static Customer customer(String login, String email, String name) {
        return Customer.builder(login).email(email).customerId("acme").firstName(name).lastName("Doe").build();
    }

    private static CustomerBackend backend(String name, CustomerStore store) {
        return new CustomerBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String type() {
                return "test";
            }

            @Override
            public Optional<CustomerStore> customers() {
                return Optional.of(store);
            }

            @Override
            public void close() {
            }
        };
    }

    private final MapStore corp = new MapStore(true, customer("jdoe", "jdoe@corp.example", "Corp"),
            customer("alice", "alice@corp.example", "Alice"));
    private final MapStore local = new MapStore(false, customer("JDOE", "jdoe@local.example", "Local"),
            customer("bob", "bob@local.example", "Bob"));

    private CustomerSources chain(Optional<String> createIn, int limit) {
        List<CustomerSources.Source> sources = new ArrayList<>();
        sources.add(new CustomerSources.Source("corp", backend("corp", corp), corp, HASHER));
        sources.add(new CustomerSources.Source("local", backend("local", local), local, HASHER));
        return new CustomerSources(sources, createIn, new DirectoryCache(Duration.ZERO, 0, Clock.systemUTC()),
                Set.of(CustomerField.LOGIN, CustomerField.FIRST_NAME), limit, true);
    }

    @Test
    @DisplayName("the first source that has a login owns it, whatever the case")
    void firstSourceOwnsTheLogin() {
        CustomerSources.Located at = chain(Optional.of("local"), 250).locate("Jdoe").orElseThrow();

        assertThat(at.source().name()).isEqualTo("corp");
        assertThat(at.customer().firstName()).isEqualTo("Corp");
    }

    @Test
    @DisplayName("a search merges every source by login key, the earlier source winning, with one global limit")
    void searchMergesWithOneLimit() {
        SearchResult all = chain(Optional.empty(), 250).search(CustomerQuery.of("*"));
        SearchResult two = chain(Optional.empty(), 250).search(CustomerQuery.builder().text("*").limit(2).build());

        assertThat(all.customers()).extracting(Customer::login, Customer::firstName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", "Alice"), org.assertj.core.groups.Tuple.tuple("bob", "Bob"),
                org.assertj.core.groups.Tuple.tuple("jdoe", "Corp"));
        assertThat(all.moreResults()).isFalse();
        assertThat(two.customers()).extracting(Customer::login).containsExactly("alice", "bob");
        assertThat(two.moreResults()).isTrue();
    }

    @Test
    @DisplayName("a login or an email used in any source is refused for a new customer, naming the field")
    void uniquenessAcrossSources() {
        CustomerSources chain = chain(Optional.of("local"), 250);

        assertThatThrownBy(() -> chain.checkUnused("ALICE", "new@x.example"))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> assertThat(e.field()).isEqualTo("login"));
        assertThatThrownBy(() -> chain.checkUnused("carol", "ALICE@corp.example"))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> assertThat(e.field()).isEqualTo("email"));
        chain.checkUnused("carol", "carol@x.example");
        chain.checkEmailFree("alice@corp.example", "alice");
    }

    @Test
    @DisplayName("the writable source is the configured one; none, or a read-only one, is refused")
    void writableSource() {
        assertThat(chain(Optional.of("local"), 250).writable("create").name()).isEqualTo("local");
        assertThatThrownBy(() -> chain(Optional.empty(), 250).writable("create"))
                .isInstanceOf(ReadOnlyBackendException.class).hasMessageContaining("no writable customer source");
        assertThatThrownBy(() -> chain(Optional.of("corp"), 250).writable("create"))
                .isInstanceOf(ReadOnlyBackendException.class);
    }

    @Test
    @DisplayName("a blank login is a bad argument naming 'login'")
    void blankLogin() {
        assertThatThrownBy(() -> chain(Optional.empty(), 250).locateOrThrow(" "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsKey("login"));
    }

    @Test
    @DisplayName("walking every customer gives each login once, the earlier source winning, source after source")
    void scanEveryLoginOnce() {
        try (java.util.stream.Stream<Customer> all = chain(Optional.empty(), 250).scan().stream(true)) {
            assertThat(all.map(c -> c.login() + "/" + c.firstName()).toList())
                    .containsExactly("alice/Alice", "jdoe/Corp", "bob/Bob");
        }
    }

    @Test
    @DisplayName("a page of every customer is in login order across sources, and says where the next one starts")
    void pageAcrossSources() {
        dev.clientele.CustomerPage first = chain(Optional.empty(), 250).scan().page(null, 2, true);
        dev.clientele.CustomerPage second = chain(Optional.empty(), 250).scan()
                .page(first.nextAfter().orElseThrow(), 2, true);

        assertThat(first.customers()).extracting(Customer::login).containsExactly("alice", "bob");
        assertThat(first.morePages()).isTrue();
        assertThat(second.customers()).extracting(Customer::login, Customer::firstName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jdoe", "Corp"));
        assertThat(second.morePages()).isFalse();
    }
}
