package dev.clientele.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.clientele.Company;
import dev.clientele.DuplicateKeyException;
import dev.clientele.Group;
import dev.clientele.Membership;
import dev.clientele.NotFoundException;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.ReadOnlyBackendException;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.LoginState;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.ResetToken;
import dev.clientele.spi.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The memory stores other than customers: keys, ordering, atomicity, read-only mode. */
class MemoryStoresTest {

    private final MemoryBackend backend = MemoryBackend.create("test");

    @Test
    @DisplayName("a memory back-end offers all six stores and describes itself")
    void offersAllSixStores() {
        assertThat(backend.type()).isEqualTo("memory");
        assertThat(backend.name()).isEqualTo("test");
        assertThat(backend.customers()).isPresent();
        assertThat(backend.credentials()).isPresent();
        assertThat(backend.companies()).isPresent();
        assertThat(backend.groups()).isPresent();
        assertThat(backend.memberships()).isPresent();
        assertThat(backend.state()).isPresent();
        assertThat(backend.describe()).contains("memory back-end 'test'").contains("0 customers");
    }

    @Test
    @DisplayName("companies are keyed by customer ID ignoring case and listed in key order")
    void companiesByCaseInsensitiveKeyOrderedByKey() {
        CompanyStore companies = backend.companies().orElseThrow();
        companies.insert(Company.builder("Zeta").name("Zeta AG").build());
        companies.insert(Company.builder("acme").name("ACME").build());
        companies.insert(Company.builder("Beta").build());

        assertThat(companies.list()).extracting(Company::customerId).containsExactly("acme", "Beta", "Zeta");
        assertThat(companies.find("ZETA").orElseThrow().name()).isEqualTo("Zeta AG");
        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> companies.insert(Company.builder("ACME").build()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> companies.update(Company.builder("nope").build()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo("company"));
        companies.update(Company.builder("ACME").name("Acme Corp").build());
        assertThat(companies.find("acme").orElseThrow().customerId()).isEqualTo("ACME");
        assertThat(companies.delete("acme")).isTrue();
        assertThat(companies.delete("acme")).isFalse();
    }

    @Test
    @DisplayName("groups are keyed by name ignoring case and listed in key order")
    void groupsByCaseInsensitiveKeyOrderedByKey() {
        GroupStore groups = backend.groups().orElseThrow();
        groups.insert(Group.of("support"));
        groups.insert(Group.of("Billing"));

        assertThat(groups.list()).extracting(Group::name).containsExactly("Billing", "support");
        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> groups.insert(Group.of("SUPPORT")))
                .withMessageContaining("name");
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> groups.update(Group.of("sales")));
        groups.update(Group.of("SUPPORT").withComment("first level"));
        assertThat(groups.find("support").orElseThrow().comment()).isEqualTo("first level");
    }

    @Test
    @DisplayName("password hashes are kept by login key, whatever the case")
    void credentialsByLoginKey() {
        CredentialStore credentials = backend.credentials().orElseThrow();
        credentials.setPasswordHash("JDoe", "$pbkdf2$abc");
        assertThat(credentials.passwordHash("jdoe")).contains("$pbkdf2$abc");
        credentials.setPasswordHash("jdoe", "$pbkdf2$def");
        assertThat(credentials.passwordHash("JDOE")).contains("$pbkdf2$def");
        assertThat(credentials.deletePasswordHash("jDoe")).isTrue();
        assertThat(credentials.deletePasswordHash("jdoe")).isFalse();
        assertThat(credentials.passwordHash("jdoe")).isEmpty();
    }

    @Test
    @DisplayName("a membership is identified by kind, subject, group and context (case ignored), not by permission")
    void membershipIdentityIsKindSubjectGroupAndContext() {
        MembershipStore links = backend.memberships().orElseThrow();
        links.put(Membership.customer("JDoe", "Support", Permission.RO));
        links.put(Membership.customer("jdoe", "support", Permission.RW)); // same identity: replaces
        links.put(Membership.customer("jdoe", "support", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS));
        links.put(Membership.company("jdoe", "support", Permission.RO)); // a company named like the login
        links.put(Membership.company("ACME", "billing", Permission.RW));
        links.put(Membership.customer("other", "support", Permission.RW));

        assertThat(links.linksOf("JDOE", List.of())).containsExactly(
                Membership.customer("jdoe", "support", Permission.RW),
                Membership.customer("jdoe", "support", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS));
        assertThat(links.linksOf("jdoe", List.of("acme", "Acme"))).hasSize(3)
                .contains(Membership.company("ACME", "billing", Permission.RW));
        assertThat(links.linksOf("nobody", List.of("jdoe"))).containsExactly(
                Membership.company("jdoe", "support", Permission.RO));
        assertThat(links.linksTo("SUPPORT")).hasSize(4);
        assertThat(links.linksTo("billing")).containsExactly(Membership.company("ACME", "billing", Permission.RW));

        assertThat(links.remove(Membership.customer("JDOE", "SUPPORT", Permission.RO))).isTrue(); // permission ignored
        assertThat(links.remove(Membership.customer("jdoe", "support", Permission.RW))).isFalse();
        // the other context's link to the group stays reachable from the group
        assertThat(links.linksTo("support")).hasSize(3).contains(
                Membership.customer("jdoe", "support", Permission.RO).inContext(PermissionContext.OTHER_CUSTOMER_IDS));
        assertThat(links.removeAll(Membership.Kind.CUSTOMER, "jdoe")).isEqualTo(1);
        assertThat(links.linksOf("jdoe", List.of("jdoe"))).containsExactly(
                Membership.company("jdoe", "support", Permission.RO));
        assertThat(links.linksTo("support")).hasSize(2);
        assertThat(links.removeAll(Membership.Kind.COMPANY, "nobody")).isZero();
    }

    @Test
    @DisplayName("concurrent login-state updates of one login, in any case, are never lost")
    void loginStateUpdatesOfOneLoginAreNeverLost() throws Exception {
        StateStore state = backend.state().orElseThrow();
        assertThat(state.loginState("jdoe")).isEqualTo(LoginState.empty("jdoe"));
        int threads = 8;
        int perThread = 500;
        runConcurrently(threads, i -> {
            for (int n = 0; n < perThread; n++) {
                state.updateLoginState(i % 2 == 0 ? "jdoe" : "JDOE", s -> new LoginState(s.login(), s.lastLogin(),
                        s.failedLogins() + 1, s.firstFailure(), s.lockedUntil()));
            }
            return null;
        });
        assertThat(state.loginState("jDoe").failedLogins()).isEqualTo(threads * perThread);
    }

    @Test
    @DisplayName("a reset token is taken at most once even under concurrency, and its hash is matched exactly")
    void aResetTokenIsTakenAtMostOnceEvenUnderConcurrency() throws Exception {
        StateStore state = backend.state().orElseThrow();
        state.storeResetToken(new ResetToken("HashAbc", "jdoe", Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(state.takeResetToken("hashabc")).isEmpty(); // hashes are exact, not keys

        Set<Optional<ResetToken>> taken = ConcurrentHashMap.newKeySet();
        List<Object> results = runConcurrently(16, i -> state.takeResetToken("HashAbc"));
        results.forEach(r -> {
            @SuppressWarnings("unchecked")
            Optional<ResetToken> t = (Optional<ResetToken>) r;
            taken.add(t);
        });
        assertThat(results.stream().filter(r -> ((Optional<?>) r).isPresent())).hasSize(1);
        assertThat(taken).hasSize(2);
    }

    @Test
    @DisplayName("preferences are kept by login key, null removes one, and deleteAll clears a login's preferences,"
            + " state and tokens")
    void preferencesAndDeleteAll() {
        StateStore state = backend.state().orElseThrow();
        state.setPreference("JDoe", "language", "de");
        state.setPreference("jdoe", "theme", "dark");
        state.setPreference("jdoe", "theme", null);
        assertThat(state.preferences("jdoe")).containsExactly(entry("language", "de"));
        state.storeResetToken(new ResetToken("h1", "JDOE", Instant.parse("2030-01-01T00:00:00Z")));
        state.storeResetToken(new ResetToken("h2", "other", Instant.parse("2030-01-01T00:00:00Z")));
        state.updateLoginState("jdoe", s -> new LoginState(s.login(), Optional.of(Instant.EPOCH), 0,
                Optional.empty(), Optional.empty()));

        assertThat(state.deleteAll("jdoe")).isTrue();
        assertThat(state.preferences("jdoe")).isEmpty();
        assertThat(state.loginState("jdoe")).isEqualTo(LoginState.empty("jdoe"));
        assertThat(state.takeResetToken("h1")).isEmpty();
        assertThat(state.takeResetToken("h2")).isPresent();
        assertThat(state.deleteAll("jdoe")).isFalse();
    }

    @Test
    @DisplayName("a read-only back-end refuses writes to every store but state, naming the back-end")
    void aReadOnlyBackendRefusesWritesToEveryStoreButState() {
        MemoryBackend readOnly = MemoryBackend.create("corp", true);
        assertThat(readOnly.customers().orElseThrow().readOnly()).isTrue();
        assertThat(readOnly.credentials().orElseThrow().readOnly()).isTrue();
        assertThat(readOnly.companies().orElseThrow().readOnly()).isTrue();
        assertThat(readOnly.groups().orElseThrow().readOnly()).isTrue();
        assertThat(readOnly.memberships().orElseThrow().readOnly()).isTrue();
        assertThat(readOnly.describe()).contains("read-only");

        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.credentials().orElseThrow().setPasswordHash("jdoe", "x"))
                .withMessageContaining("back-end 'corp' is read-only");
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.credentials().orElseThrow().deletePasswordHash("jdoe"));
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.companies().orElseThrow().insert(Company.builder("acme").build()));
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.companies().orElseThrow().update(Company.builder("acme").build()));
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.companies().orElseThrow().delete("acme"));
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.groups().orElseThrow().insert(Group.of("support")));
        assertThatExceptionOfType(ReadOnlyBackendException.class)
                .isThrownBy(() -> readOnly.groups().orElseThrow().update(Group.of("support")));
        assertThatExceptionOfType(ReadOnlyBackendException.class).isThrownBy(() -> readOnly.memberships()
                .orElseThrow().put(Membership.customer("jdoe", "support", Permission.RW)));
        assertThatExceptionOfType(ReadOnlyBackendException.class).isThrownBy(() -> readOnly.memberships()
                .orElseThrow().remove(Membership.customer("jdoe", "support", Permission.RW)));
        assertThatExceptionOfType(ReadOnlyBackendException.class).isThrownBy(() -> readOnly.memberships()
                .orElseThrow().removeAll(Membership.Kind.CUSTOMER, "jdoe"));

        readOnly.state().orElseThrow().setPreference("jdoe", "language", "de"); // state stays writable
        assertThat(readOnly.state().orElseThrow().preferences("jdoe")).containsEntry("language", "de");
    }

    private static List<Object> runConcurrently(int n, IndexedTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IndexedTask {
        Object run(int index) throws Exception;
    }
}
