package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerField;
import dev.clientele.CustomerQuery;
import dev.clientele.SearchResult;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link CustomerQuery} semantics: wildcards, prefixes, AND, fields, validity, limit, order, literal characters. */
public abstract class SearchContract extends BackendContractSupport {

    private void create(String login, String firstName, String lastName) {
        directory.createCustomer(customer(login).firstName(firstName).lastName(lastName).build());
    }

    private void createPeople() {
        create("john", "John", "Doe");
        create("jsmith", "John", "Smith");
        create("mary", "Mary", "Major");
    }

    private static CustomerQuery lastName(String text) {
        return CustomerQuery.builder().text(text).fields(CustomerField.LAST_NAME).build();
    }

    private static ListAssert<String> assertLogins(SearchResult result) {
        return assertThat(result.customers().stream().map(Customer::login).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("* alone finds every valid customer")
    void starFindsAll() {
        createPeople();

        assertLogins(directory.search("*")).containsExactly("john", "jsmith", "mary");
    }

    @Test
    @DisplayName("a query without terms finds every valid customer")
    void emptyQueryFindsAll() {
        createPeople();

        assertLogins(directory.search(CustomerQuery.builder().build())).containsExactly("john", "jsmith", "mary");
    }

    @Test
    @DisplayName("a term without * is a prefix: jo finds john")
    void termIsPrefix() {
        createPeople();

        assertLogins(directory.search("jo")).containsExactly("john", "jsmith");
        assertLogins(directory.search(lastName("Do"))).containsExactly("john");
    }

    @Test
    @DisplayName("a term without * does not match inside a field")
    void prefixDoesNotMatchInside() {
        createPeople();

        assertLogins(directory.search(lastName("oe"))).isEmpty();
    }

    @Test
    @DisplayName("*oe matches a suffix and only a suffix")
    void leadingStarIsSuffix() {
        createPeople();
        create("jdoer", "Jack", "Doer");

        assertLogins(directory.search(lastName("*oe"))).containsExactly("john");
    }

    @Test
    @DisplayName("*mit* matches inside a field")
    void starsOnBothSidesContain() {
        createPeople();

        assertLogins(directory.search(lastName("*mit*"))).containsExactly("jsmith");
        assertLogins(directory.search(CustomerQuery.builder().text("*oh*").fields(CustomerField.FIRST_NAME).build()))
                .containsExactly("john", "jsmith");
    }

    @Test
    @DisplayName("a * in the middle matches any run of characters")
    void starInTheMiddle() {
        createPeople();

        assertLogins(directory.search(lastName("s*h"))).containsExactly("jsmith");
        assertLogins(directory.search(lastName("m*r"))).containsExactly("mary");
    }

    @Test
    @DisplayName("search is case-insensitive")
    void caseInsensitive() {
        createPeople();

        assertLogins(directory.search("JOHN")).containsExactly("john", "jsmith");
        assertLogins(directory.search(lastName("sMiTh"))).containsExactly("jsmith");
    }

    @Test
    @DisplayName("several terms must all match, each in any field: \"john smith\" finds John Smith, not John Doe")
    void termsAreAnded() {
        createPeople();

        assertLogins(directory.search("john smith")).containsExactly("jsmith");
        assertLogins(directory.search("smith john")).containsExactly("jsmith");
        assertLogins(directory.search("john major")).isEmpty();
    }

    @Test
    @DisplayName("by default login, email, customerId, firstName and lastName are searched")
    void defaultFields() {
        directory.createCustomer(customer("login1").email("mailbox@one.example").customerId("companyid")
                .firstName("Firstname").lastName("Lastname").build());

        assertLogins(directory.search("login1")).containsExactly("login1");
        assertLogins(directory.search("mailbox@")).containsExactly("login1");
        assertLogins(directory.search("companyid")).containsExactly("login1");
        assertLogins(directory.search("firstname")).containsExactly("login1");
        assertLogins(directory.search("lastname")).containsExactly("login1");
    }

    @Test
    @DisplayName("a match only in a field that is not searched (city) is not found unless the query names it")
    void onlyConfiguredFields() {
        directory.createCustomer(customer("jdoe").city("Springfield").build());

        assertLogins(directory.search("springfield")).isEmpty();
        assertLogins(directory.search(CustomerQuery.builder().text("springfield").fields(CustomerField.CITY).build()))
                .containsExactly("jdoe");
    }

    @Test
    @DisplayName("searchFields of the builder replaces the default fields")
    void configuredSearchFields() {
        CustomerDirectory byCity = newDirectory(b -> b.searchFields(Set.of(CustomerField.CITY)));
        byCity.createCustomer(customer("jdoe").city("Springfield").build());

        assertLogins(byCity.search("springfield")).containsExactly("jdoe");
        assertLogins(byCity.search("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("invalid customers are left out unless the query includes them")
    void invalidExcludedByDefault() {
        createPeople();
        directory.invalidateCustomer("jsmith");

        assertLogins(directory.search("john")).containsExactly("john");
        assertLogins(directory.search(CustomerQuery.builder().text("john").includeInvalid().build()))
                .containsExactly("john", "jsmith");
    }

    @Test
    @DisplayName("with 5 matches and limit 3: the first 3 by login and moreResults")
    void limitCutsAndSaysMore() {
        for (String login : new String[] {"e5", "a1", "d4", "b2", "c3"}) {
            createCustomer(login);
        }

        SearchResult result = directory.search(CustomerQuery.builder().text("*").limit(3).build());

        assertLogins(result).containsExactly("a1", "b2", "c3");
        assertThat(result.moreResults()).isTrue();
    }

    @Test
    @DisplayName("with exactly as many matches as the limit: all of them and no moreResults")
    void exactlyLimit() {
        for (String login : new String[] {"a1", "b2", "c3"}) {
            createCustomer(login);
        }

        SearchResult result = directory.search(CustomerQuery.builder().text("*").limit(3).build());

        assertLogins(result).containsExactly("a1", "b2", "c3");
        assertThat(result.moreResults()).isFalse();
    }

    @Test
    @DisplayName("the default limit is 250: 251 matches give 250 customers and moreResults")
    void defaultLimit() {
        for (int i = 0; i < CustomerQuery.DEFAULT_LIMIT + 1; i++) {
            createCustomer(String.format("user%03d", i));
        }

        SearchResult result = directory.search("user");

        assertThat(result.size()).isEqualTo(CustomerQuery.DEFAULT_LIMIT);
        assertThat(result.moreResults()).isTrue();
        assertLogins(result).startsWith("user000").endsWith("user249");
    }

    @Test
    @DisplayName("results are ordered by login, case-insensitively, whatever the order of creation")
    void orderedByLoginIgnoringCase() {
        for (String login : new String[] {"delta", "Charlie", "alpha", "Bravo"}) {
            createCustomer(login);
        }

        assertLogins(directory.search("*")).containsExactly("alpha", "Bravo", "Charlie", "delta");
    }

    @Test
    @DisplayName("% is literal: o%* does not match o followed by any characters")
    void percentIsLiteral() {
        create("pct", "Pat", "o%x");
        create("plain", "Pat", "oxx");

        assertLogins(directory.search(lastName("o%*"))).containsExactly("pct");
        assertLogins(directory.search(lastName("*%*"))).containsExactly("pct");
    }

    @Test
    @DisplayName("_ is literal: a_b does not match axb")
    void underscoreIsLiteral() {
        create("under", "Pat", "a_b");
        create("plain", "Pat", "axb");

        assertLogins(directory.search(lastName("a_b"))).containsExactly("under");
        assertLogins(directory.search(lastName("*_*"))).containsExactly("under");
    }

    @Test
    @DisplayName("\\ is literal: back\\* finds back\\slash only")
    void backslashIsLiteral() {
        create("bslash", "Pat", "back\\slash");
        create("plain", "Pat", "backslash");
        create("escaped", "Pat", "back%slash");

        assertLogins(directory.search(lastName("back\\*"))).containsExactly("bslash");
        assertLogins(directory.search(lastName("*\\s*"))).containsExactly("bslash");
    }

    @Test
    @DisplayName("' is literal: o'b finds O'Brien and nothing breaks")
    void quoteIsLiteral() {
        create("obrien", "Pat", "O'Brien");
        create("plain", "Pat", "OBrien");

        assertLogins(directory.search(lastName("o'b"))).containsExactly("obrien");
        assertLogins(directory.search(lastName("*'*"))).containsExactly("obrien");
    }

    @Test
    @DisplayName("( and ) are literal: *(sales) finds Smith (Sales) only")
    void parenthesesAreLiteral() {
        create("sales", "Pat", "Smith (Sales)");
        create("plain", "Pat", "Smith Sales");

        assertLogins(directory.search(lastName("*(sales)"))).containsExactly("sales");
        assertLogins(directory.search(lastName("*)"))).containsExactly("sales");
        assertLogins(directory.search(lastName("smith*("))).isEmpty();
    }

    @Test
    @DisplayName("non-ASCII letters match case-insensitively: jür* finds Jürgen, ÆRØ finds Ærøskøbing")
    void nonAscii() {
        directory.createCustomer(customer("jk").firstName("Jürgen").lastName("Köhler").city("Ærøskøbing").build());
        create("plain", "Jurgen", "Kohler");

        assertLogins(directory.search("jür*")).containsExactly("jk");
        assertLogins(directory.search("JÜRGEN")).containsExactly("jk");
        assertLogins(directory.search(CustomerQuery.builder().text("ÆRØ").fields(CustomerField.CITY).build()))
                .containsExactly("jk");
        assertLogins(directory.search(CustomerQuery.builder().text("*skøbing").fields(CustomerField.CITY).build()))
                .containsExactly("jk");
    }

    @Test
    @DisplayName("a search of more than 16 terms, a term over 200 characters or with more than 4 wildcards is refused naming it")
    void boundedQueries() {
        createCustomer("jdoe");

        org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> directory.search("u ".repeat(1000)))
                .satisfies(e -> assertThat(e.errors()).containsKey("terms"));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> directory.search("j".repeat(201)))
                .satisfies(e -> assertThat(e.errors()).containsKey("term"));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.clientele.ValidationException.class)
                .isThrownBy(() -> directory.search("*a*a*a*a*"))
                .satisfies(e -> assertThat(e.errors()).containsKey("term"));
        assertThat(directory.search("j d* *o* p* *a*a*").customers()).isEmpty();
        assertThat(directory.search("*j*d*o*e").customers()).extracting(Customer::login).containsExactly("jdoe");
    }

    @Test
    @DisplayName("a NUL or other control character in a lookup or search matches nothing, on every store, and logs no one in")
    void controlCharactersMatchNothing() {
        directory.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        directory.createGroup(dev.clientele.Group.of("support"));
        directory.createCompany(dev.clientele.Company.builder("acme").name("Acme").build());

        assertThat(directory.findCustomer("jdoe\u0000")).isEmpty();
        assertThat(directory.findByEmail("jdoe@acme.example\u0000")).isEmpty();
        assertThat(directory.findByCustomerId("ac\u0000me")).isEmpty();
        assertThat(directory.search("jd\u0000").customers()).isEmpty();
        assertThat(directory.search("jdoe *\u0001*").customers()).isEmpty();
        assertThat(directory.findGroup("support\u0000")).isEmpty();
        assertThat(directory.findCompany("acme\u0000")).isEmpty();
        assertThat(directory.authenticate("jdoe\u0000", PASSWORD.toCharArray()).outcome())
                .isEqualTo(dev.clientele.AuthenticationResult.Outcome.BAD_CREDENTIALS);
        assertThat(directory.search("jdoe").customers()).extracting(Customer::login).containsExactly("jdoe");
    }

    @Test
    @DisplayName("a lookup of a megabyte-long value matches nothing at once, on every store, and logs no one in")
    void hugeLookupsMatchNothing() {
        directory.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
        String huge = "j".repeat(1_000_000);

        assertThat(directory.findCustomer(huge)).isEmpty();
        assertThat(directory.findByEmail(huge + "@acme.example")).isEmpty();
        assertThat(directory.findByCustomerId(huge)).isEmpty();
        assertThat(directory.authenticate(huge, PASSWORD.toCharArray()).outcome())
                .isEqualTo(dev.clientele.AuthenticationResult.Outcome.BAD_CREDENTIALS);
        assertThat(directory.findCustomer("jdoe")).isPresent();
    }

    @Test
    @DisplayName("letters beyond ASCII match case-insensitively as core folds them, on every store (İstanbul, ǅ)")
    void unicodeCaseFoldsAsCore() {
        directory.createCustomer(customer("ist").city("İstanbul").lastName("Yılmaz").build());
        directory.createCustomer(customer("dz").firstName("ǅemal").lastName("Ǆurić").build());
        directory.createCustomer(customer("plain").city("Izmir").build());

        for (String q : new String[] {"İstanbul", "i\u0307stanbul", "*stanbul", "İst*"}) {
            assertThat(directory.search(CustomerQuery.builder().text(q).fields(CustomerField.CITY).build())
                    .customers()).as("city search %s", q).extracting(Customer::login).containsExactly("ist");
        }
        for (String q : new String[] {"ǅemal", "ǆemal", "Ǆemal", "ǆ*", "*ǆ*", "ǆurić"}) {
            assertThat(directory.search(q).customers()).as("search %s", q).extracting(Customer::login)
                    .containsExactly("dz");
        }
        assertThat(directory.search("yılmaz").customers()).extracting(Customer::login).containsExactly("ist");
    }
}
