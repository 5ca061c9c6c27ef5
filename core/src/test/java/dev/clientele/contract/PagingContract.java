package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerPage;
import dev.clientele.ValidationException;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerCursor;
import dev.clientele.spi.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every customer, a page at a time: {@link CustomerDirectory#customers(boolean)} (each login once, the earlier
 * source winning) and {@link CustomerDirectory#customers(String, int, boolean)} (keyset pages in login order), over
 * the store's {@code page} and {@code scan}.
 */
public abstract class PagingContract extends BackendContractSupport {

    private static List<String> logins(Stream<Customer> customers) {
        try (customers) {
            return customers.map(Customer::login).collect(Collectors.toList());
        }
    }

    private static List<String> logins(List<Customer> customers) {
        return customers.stream().map(Customer::login).collect(Collectors.toList());
    }

    /** The logins, created through {@link #directory}. */
    private void create(String... logins) {
        for (String l : logins) {
            createCustomer(l);
        }
    }

    /** Every page of {@code size}, following {@link CustomerPage#nextAfter()} from the first. */
    private List<CustomerPage> allPages(CustomerDirectory d, int size) {
        List<CustomerPage> pages = new ArrayList<>();
        CustomerPage page = d.customers(null, size, true);
        pages.add(page);
        while (page.morePages()) {
            page = d.customers(page.nextAfter().orElseThrow(), size, true);
            pages.add(page);
        }
        return pages;
    }

    @Test
    @DisplayName("an empty store gives no customers: an empty stream and one empty last page")
    void emptyStore() {
        assertThat(logins(directory.customers(true))).isEmpty();
        assertThat(logins(directory.customers())).isEmpty();
        CustomerPage first = directory.customers(null, 10, true);
        assertThat(first.customers()).isEmpty();
        assertThat(first.morePages()).isFalse();
        assertThat(first.nextAfter()).isEmpty();
        assertThat(customerStore().page(null, 10, true)).isEmpty();
    }

    @Test
    @DisplayName("customers(true) returns every login exactly once, valid or not")
    void everyLoginOnce() {
        create("delta", "Alpha", "charlie", "bravo", "echo");
        directory.invalidateCustomer("charlie");

        assertThat(logins(directory.customers(true)))
                .containsExactlyInAnyOrder("Alpha", "bravo", "charlie", "delta", "echo")
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a store that scans in login order gives the stream in login order, case-insensitively")
    void streamInLoginOrder() {
        create("delta", "Alpha", "charlie", "Bravo", "echo");

        List<String> logins = logins(directory.customers(true));

        if (customerStore().scansInLoginOrder()) {
            assertThat(logins).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo");
        } else {
            assertThat(logins).containsExactlyInAnyOrder("Alpha", "Bravo", "charlie", "delta", "echo");
        }
    }

    @Test
    @DisplayName("invalid customers come only when asked for, in the stream and in pages")
    void invalidOnlyWhenAsked() {
        create("alpha", "bravo", "charlie", "delta");
        directory.invalidateCustomer("bravo");
        directory.invalidateCustomer("delta");

        assertThat(logins(directory.customers())).containsExactlyInAnyOrder("alpha", "charlie");
        assertThat(logins(directory.customers(false))).containsExactlyInAnyOrder("alpha", "charlie");
        assertThat(logins(directory.customers(true))).containsExactlyInAnyOrder("alpha", "bravo", "charlie", "delta");
        assertThat(logins(directory.customers(null, 10, false).customers())).containsExactly("alpha", "charlie");
        assertThat(logins(directory.customers(null, 10, true).customers()))
                .containsExactly("alpha", "bravo", "charlie", "delta");
        assertThat(logins(customerStore().page(null, 10, false))).containsExactly("alpha", "charlie");
    }

    @Test
    @DisplayName("pages of 3 over 7 customers are 3, 3 and 1 in login order, each after the last of the one before")
    void pageBoundaries() {
        create("g", "C", "a", "e", "B", "f", "d");

        List<CustomerPage> pages = allPages(directory, 3);

        assertThat(pages).extracting(p -> logins(p.customers()))
                .containsExactly(List.of("a", "B", "C"), List.of("d", "e", "f"), List.of("g"));
        assertThat(pages).extracting(CustomerPage::morePages).containsExactly(true, true, false);
        assertThat(pages.get(0).nextAfter()).contains("C");
        assertThat(pages.get(2).nextAfter()).isEmpty();
    }

    @Test
    @DisplayName("when the customers fill the last page exactly, that page says no more pages follow")
    void exactlyFullLastPage() {
        create("a", "b", "c", "d");

        List<CustomerPage> pages = allPages(directory, 2);

        assertThat(pages).extracting(p -> logins(p.customers())).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(pages).extracting(CustomerPage::morePages).containsExactly(true, false);
    }

    @Test
    @DisplayName("a page after a login is case-insensitive and may start between stored logins")
    void pageAfterAnyLogin() {
        create("alpha", "bravo", "charlie", "delta");

        assertThat(logins(directory.customers("BRAVO", 10, true).customers())).containsExactly("charlie", "delta");
        assertThat(logins(directory.customers("bz", 10, true).customers())).containsExactly("charlie", "delta");
        assertThat(logins(directory.customers("delta", 10, true).customers())).isEmpty();
        assertThat(logins(customerStore().page(Keys.of("Bravo"), 1, true))).containsExactly("charlie");
    }

    @Test
    @DisplayName("the store's scan with a small page size returns every login once, across page boundaries")
    void storeScanAcrossPages() {
        create("e", "d", "c", "b", "a");
        directory.invalidateCustomer("c");

        List<String> all = new ArrayList<>();
        try (CustomerCursor cursor = customerStore().scan(2, true)) {
            cursor.forEachRemaining(c -> all.add(c.login()));
        }
        List<String> valid = new ArrayList<>();
        try (CustomerCursor cursor = customerStore().scan(2, false)) {
            cursor.forEachRemaining(c -> valid.add(c.login()));
        }

        assertThat(all).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(valid).containsExactlyInAnyOrder("a", "b", "d", "e");
        if (customerStore().scansInLoginOrder()) {
            assertThat(all).containsExactly("a", "b", "c", "d", "e");
        }
    }

    @Test
    @DisplayName("streams left early and closed release what they held: many of them, then a full walk still works")
    void closedEarly() {
        create("a", "b", "c");

        for (int i = 0; i < 30; i++) {
            try (Stream<Customer> s = directory.customers(true)) {
                assertThat(s.findFirst()).isPresent();
            }
        }

        assertThat(logins(directory.customers(true))).hasSize(3);
        assertThat(directory.findCustomer("b")).isPresent();
    }

    @Test
    @DisplayName("a bad page size is refused naming the size; a blank 'after' login naming afterLogin")
    void badArguments() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> directory.customers(null, 0, true))
                .satisfies(e -> assertThat(e.errors()).containsKey("size"));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> directory.customers(null, 100_001, true))
                .satisfies(e -> assertThat(e.errors()).containsKey("size"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> directory.customers(" ", 10, true))
                .satisfies(e -> assertThat(e.errors()).containsKey("afterLogin"));
    }

    @Test
    @DisplayName("two sources with an overlapping login: every login once, the first source's customer wins")
    void twoSourcesOverlap() {
        CustomerBackend first = newBackendClosedLater("first");
        CustomerBackend second = newBackendClosedLater("second");
        CustomerDirectory onlyFirst = build(directoryBuilder(first));
        CustomerDirectory onlySecond = build(directoryBuilder(second));
        onlyFirst.createCustomer(customer("alpha").build());
        onlyFirst.createCustomer(customer("shared").firstName("FromFirst").email("shared@first.example").build());
        onlyFirst.createCustomer(customer("delta").build());
        onlySecond.createCustomer(customer("SHARED").firstName("FromSecond").email("shared@second.example").build());
        onlySecond.createCustomer(customer("bravo").build());
        onlySecond.createCustomer(customer("echo").build());
        CustomerDirectory chain = build(directoryBuilder(first, second).customers("first", "second"));

        List<Customer> streamed;
        try (Stream<Customer> s = chain.customers(true)) {
            streamed = s.collect(Collectors.toList());
        }
        List<CustomerPage> pages = allPages(chain, 2);
        List<Customer> paged = pages.stream().flatMap(p -> p.customers().stream()).collect(Collectors.toList());

        assertThat(logins(streamed)).containsExactlyInAnyOrder("alpha", "shared", "delta", "bravo", "echo");
        assertThat(streamed).filteredOn(c -> Keys.same(c.login(), "shared")).singleElement()
                .extracting(Customer::firstName).isEqualTo("FromFirst");
        assertThat(logins(paged)).containsExactly("alpha", "bravo", "delta", "echo", "shared");
        assertThat(paged).filteredOn(c -> Keys.same(c.login(), "shared")).singleElement()
                .extracting(Customer::firstName).isEqualTo("FromFirst");
        assertThat(pages).hasSize(3);
        if (customerStore(first).scansInLoginOrder() && customerStore(second).scansInLoginOrder()) {
            assertThat(logins(streamed)).as("source after source, each in login order")
                    .containsExactly("alpha", "delta", "shared", "bravo", "echo");
        }
    }
}
