package dev.clientele.memory.internal;

import dev.clientele.Company;
import dev.clientele.DuplicateKeyException;
import dev.clientele.NotFoundException;
import dev.clientele.spi.CompanyStore;
import dev.clientele.spi.Keys;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Companies by customer-ID key, ordered; each write is one atomic map operation. */
public final class MemoryCompanyStore implements CompanyStore {
    private final WriteGuard guard;
    private final ConcurrentNavigableMap<String, Company> companies = new ConcurrentSkipListMap<>();

    public MemoryCompanyStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public boolean readOnly() {
        return guard.readOnly();
    }

    @Override
    public Optional<Company> find(String customerId) {
        return customerId == null ? Optional.empty() : Optional.ofNullable(companies.get(Keys.of(customerId)));
    }

    @Override
    public List<Company> list() {
        return List.copyOf(companies.values());
    }

    @Override
    public void insert(Company company) {
        Objects.requireNonNull(company, "company");
        guard.checkWritable("create company '" + company.customerId() + "'");
        if (companies.putIfAbsent(Keys.of(company.customerId()), company) != null) {
            throw new DuplicateKeyException("company", "customerId", company.customerId());
        }
    }

    @Override
    public void update(Company company) {
        Objects.requireNonNull(company, "company");
        guard.checkWritable("update company '" + company.customerId() + "'");
        if (companies.replace(Keys.of(company.customerId()), company) == null) {
            throw new NotFoundException("company", company.customerId());
        }
    }

    @Override
    public boolean delete(String customerId) {
        guard.checkWritable("delete company '" + customerId + "'");
        return customerId != null && companies.remove(Keys.of(customerId)) != null;
    }

    public int size() {
        return companies.size();
    }
}
