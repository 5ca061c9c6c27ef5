package dev.clientele.spi;

import dev.clientele.Company;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customer companies, by customer-ID key. */
public interface CompanyStore {

    boolean readOnly();

    Optional<Company> find(String customerId);

    /**
     * The stored companies of these customer IDs, by {@link Keys#of customer-ID key} (IDs without a company are
     * absent). The policy asks for a customer's companies at once: a store should answer in one round trip. The
     * default asks {@link #find(String)} for each.
     */
    default Map<String, Company> findAll(Collection<String> customerIds) {
        Map<String, Company> out = new HashMap<>();
        for (String id : customerIds) {
            find(id).ifPresent(c -> out.put(Keys.of(c.customerId()), c));
        }
        return out;
    }

    /** All companies ordered by customer-ID key; invalid ones too. */
    List<Company> list();

    /** Stores a new company; throws {@link dev.clientele.DuplicateKeyException} (field customerId) if the key exists. */
    void insert(Company company);

    /** Replaces a company; throws {@link dev.clientele.NotFoundException} if there is none. */
    void update(Company company);

    /** Removes a company for good; false if there was none. */
    boolean delete(String customerId);
}
