package dev.clientele.spi;

import dev.clientele.Company;
import java.util.List;
import java.util.Optional;

/** Customer companies, by customer-ID key. */
public interface CompanyStore {

    boolean readOnly();

    Optional<Company> find(String customerId);

    /** All companies ordered by customer-ID key; invalid ones too. */
    List<Company> list();

    /** Stores a new company; throws {@link dev.clientele.DuplicateKeyException} (field customerId) if the key exists. */
    void insert(Company company);

    /** Replaces a company; throws {@link dev.clientele.NotFoundException} if there is none. */
    void update(Company company);

    /** Removes a company for good; false if there was none. */
    boolean delete(String customerId);
}
