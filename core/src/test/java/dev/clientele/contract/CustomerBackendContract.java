package dev.clientele.contract;

import dev.clientele.spi.CustomerBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The contract every customer back-end keeps: one abstract JUnit 5 suite, run by each back-end module with one
 * small subclass (after Micrometer's {@code MeterRegistryCompatibilityKit}).
 *
 * <pre>{@code
 * class MemoryBackendContractTest extends CustomerBackendContract {
 *     @Override
 *     protected CustomerBackend newBackend(String name) {
 *         return MemoryBackend.create(name);
 *     }
 *
 *     @Override
 *     protected CustomerBackend newReadOnlyBackend(String name) {
 *         return MemoryBackend.create(name, true);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test builds a {@link dev.clientele.CustomerDirectory} over back-ends made by the subclass — so what is
 * proven is the behaviour a user sees: core's rules over the back-end's stores. The groups are classes of their own
 * ({@link CustomerCrudContract}, {@link SearchContract}, ...), run here as {@code @Nested} classes; time is a
 * {@link MutableClock}, events are caught by a {@link RecordingListener}; nothing sleeps.
 *
 * <p>Back-ends are created per test and closed after it; the subclass makes each one fresh and isolated.
 */
public abstract class CustomerBackendContract {

    /**
     * A fresh, EMPTY, writable back-end offering all six stores (customers, credentials, companies, groups,
     * memberships, state). Each call returns a new one, isolated from every other — a new in-memory instance, a
     * cleaned schema — as a test may use several at once ({@code main}, {@code first}, {@code second}).
     */
    protected abstract CustomerBackend newBackend(String name);

    /**
     * A fresh back-end whose customer store is read-only. Keep this default (which skips the read-only tests)
     * if the back-end cannot make one.
     */
    protected CustomerBackend newReadOnlyBackend(String name) {
        return Assumptions.abort(getClass().getName() + " cannot make a read-only back-end");
    }

    @Nested
    @DisplayName("Customers: create, read, update, invalidate, erase")
    class Crud extends CustomerCrudContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Validation: every bad field at once, nothing written")
    class Validation extends CustomerValidationContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Uniqueness and concurrency")
    class Uniqueness extends UniquenessContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Erasure racing writes")
    class ErasureRace extends ErasureRaceContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Search")
    class Search extends SearchContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Every customer, a page at a time")
    class Paging extends PagingContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Several customer sources")
    class SeveralSources extends SeveralSourcesContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Customers <-> groups and companies <-> groups")
    class Relations extends RelationsContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Group policy and permissions")
    class Policy extends PolicyContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("The customer with its links in one round trip, where the back-end offers it")
    class AccessReads extends AccessReaderContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("The login state's compare-and-set, and the login read in one round trip where the back-end offers it")
    class LoginReads extends LoginReadsContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Authentication, lock-out, passwords and reset tokens")
    class Authentication extends AuthenticationContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Login timing: unknown logins and lock-out reveal nothing")
    class LoginTiming extends LoginTimingContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Events")
    class Events extends EventsContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Read-only back-end")
    class ReadOnly extends ReadOnlyContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Companies and groups")
    class CompaniesAndGroups extends CompaniesAndGroupsContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Bulk import")
    class Import extends ImportContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Read cache")
    class Cache extends CacheContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Account state: login status and preferences")
    class AccountState extends AccountStateContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Company search, company groups, listing links")
    class CompanyQueries extends CompanyQueriesContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }

    @Nested
    @DisplayName("Every Znuny password type, and the re-hash policy")
    class ZnunyPasswords extends ZnunyPasswordsContract {
        @Override protected CustomerBackend newBackend(String name) { return CustomerBackendContract.this.newBackend(name); }
        @Override protected CustomerBackend newReadOnlyBackend(String name) { return CustomerBackendContract.this.newReadOnlyBackend(name); }
    }
}
