package dev.clientele.jdbc.internal.mapped;

import dev.clientele.jdbc.internal.Database;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.CredentialStore;
import dev.clientele.spi.CustomerStore;
import dev.clientele.spi.GroupStore;
import dev.clientele.spi.MembershipStore;
import dev.clientele.spi.StateStore;
import org.jspecify.annotations.Nullable;

/** The stores of a back-end in mapped mode; {@code credentials} is null when no password column is mapped. */
public record MappedStores(CustomerStore customers, @Nullable CredentialStore credentials, CompanyStore companies,
        GroupStore groups, MembershipStore memberships, StateStore state) {

    public static MappedStores open(String backend, Database db, FieldMap map) {
        return new MappedStores(new MappedCustomerStore(db, map),
                map.passwordColumn() == null ? null : new MappedCredentialStore(db, map),
                new MappedCompanyStore(db, map), new MappedGroupStore(db, map),
                new MappedMembershipStore(backend, db, map), new MappedStateStore(db, map));
    }
}
