package dev.clientele.internal;

import dev.clientele.BackendUnavailableException;
import dev.clientele.Customer;
import dev.clientele.CustomerEvent;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.ValidationException;
import dev.clientele.internal.CustomerSources.Source;
import dev.clientele.spi.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk import: every create rule applied to each row as it comes, duplicates inside the import and against
 * every source refused row by row, the rest written a batch at a time through the store's {@code insertAll}, so
 * memory stays bounded by the batch size (plus the keys seen).
 */
final class CustomerImport {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerImport.class);

    private final CustomerSources sources;
    private final CustomerWrites writes;
    private final Events events;
    private final Source target;
    private final ImportOptions options;
    private final Set<String> seenLogins = new HashSet<>();
    private final Set<String> seenEmails = new HashSet<>();
    private final List<ImportResult.Refused> refused = new ArrayList<>();
    private final List<Customer> batch = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>();
    private int row;
    private int added;
    private int updated;
    private final List<Integer> skipped = new ArrayList<>();
    private boolean stopped;

    private CustomerImport(CustomerSources sources, CustomerWrites writes, Events events, Source target,
            ImportOptions options) {
        this.sources = sources;
        this.writes = writes;
        this.events = events;
        this.target = target;
        this.options = options;
    }

    static ImportResult run(CustomerSources sources, CustomerWrites writes, Events events,
            Iterable<Customer> customers, ImportOptions options) {
        Objects.requireNonNull(customers, "customers");
        Source target = sources.writable("import customers");
        CustomerImport im = new CustomerImport(sources, writes, events, target, options);
        for (Customer raw : customers) {
            if (!im.accept(raw)) {
                break;
            }
        }
        im.flush();
        List<ImportResult.Refused> refused = new ArrayList<>(im.refused);
        refused.sort(Comparator.comparingInt(ImportResult.Refused::row));
        LOG.info("{} {} customers into {}; {} updated, {} skipped, {} refused{}",
                options.dryRun() ? "Dry run: would import" : "Imported", im.added, target.name(), im.updated,
                im.skipped.size(), refused.size(), im.stopped ? " (stopped at the first)" : "");
        return new ImportResult(im.added, im.updated, im.skipped, refused, im.stopped, options.dryRun());
    }

    /** Takes one row; false when the import must stop. */
    private boolean accept(Customer raw) {
        int r = row++;
        if (raw == null) {
            return refuse(r, null, Map.of("customer", "is missing (null row)"));
        }
        Customer c = writes.withDefaults(raw);
        try {
            Validation.check(c, target.store().requiredFields());
        } catch (ValidationException e) {
            return refuse(r, raw.login(), e.errors());
        }
        String loginKey = Keys.of(c.login());
        if (seenLogins.contains(loginKey)) {
            return refuse(r, c.login(), Map.of("login", "is taken by an earlier row"));
        }
        if (sources.uniqueEmail() && seenEmails.contains(Keys.of(c.email()))) {
            return refuse(r, c.login(), Map.of("email", "is used by an earlier row"));
        }
        seenLogins.add(loginKey);
        if (sources.uniqueEmail()) {
            seenEmails.add(Keys.of(c.email()));
        }
        batch.add(c);
        rows.add(r);
        if (batch.size() >= options.batchSize()) {
            flush();
        }
        return !stopped;
    }

    private boolean refuse(int r, String login, Map<String, String> errors) {
        refused.add(new ImportResult.Refused(r, login, errors));
        if (options.stopOnError()) {
            stopped = true;
        }
        return !stopped;
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<String> logins = batch.stream().map(Customer::login).toList();
        List<String> emails = batch.stream().map(Customer::email).toList();
        Set<String> takenLogins = new HashSet<>();
        Set<String> takenEmails = new HashSet<>();
        // The target's insertAll refuses, row by row, an email it holds (it must: one may be taken meanwhile), as
        // "exists already" like this check; the check is needed only where a refusal must come before the write.
        boolean targetRefusesEmails = !options.stopOnError() && !options.dryRun();
        for (Source s : sources.all()) {
            takenLogins.addAll(s.store().existingLogins(logins));
            if (sources.uniqueEmail() && !(targetRefusesEmails && s.store() == target.store())) {
                takenEmails.addAll(s.store().existingEmails(emails));
            }
        }
        Instant now = events.now();
        List<Customer> write = new ArrayList<>();
        List<Integer> writeRows = new ArrayList<>();
        for (int i = 0; i < batch.size() && !stopped; i++) {
            Customer c = batch.get(i);
            if (takenLogins.contains(Keys.of(c.login()))) {
                existing(rows.get(i), c);
                continue;
            }
            if (takenEmails.contains(Keys.of(c.email()))) {
                refuse(rows.get(i), c.login(), Map.of("email", "exists already"));
                continue;
            }
            Customer stamped = CustomerWrites.stamped(c, target, now);
            if (options.keepTimestamps() && c.created() != null) {
                stamped = stamped.toBuilder().created(c.created())
                        .changed(c.changed() == null ? c.created() : c.changed()).build();
            }
            write.add(stamped);
            writeRows.add(rows.get(i));
        }
        batch.clear();
        rows.clear();
        if (write.isEmpty()) {
            return;
        }
        if (options.dryRun()) {
            added += write.size();
            return;
        }
        Map<Integer, DuplicateCustomerException> lost;
        try {
            lost = target.backend().atomically(() -> target.store().insertAll(write, sources.uniqueEmail()));
        } catch (BackendUnavailableException e) {
            // What was committed stays; say how much, and which rows this batch held (none of them is stored).
            String prefix = "back-end '" + e.backend() + "' is unavailable: ";
            String why = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new BackendUnavailableException(target.name(), "import stopped: " + added + " rows were stored "
                    + "before this failure; rows " + writeRows.get(0) + " to " + writeRows.get(writeRows.size() - 1)
                    + " (counted from 0; one batch) were not: " + why, e);
        }
        for (int i = 0; i < write.size(); i++) {
            DuplicateCustomerException d = lost.get(i);
            if (d != null) {
                refused.add(new ImportResult.Refused(writeRows.get(i), write.get(i).login(),
                        Map.of(d.field(), "exists already")));
                stopped |= options.stopOnError();
            } else {
                added++;
                events.fire(CustomerEvent.Type.CREATED, write.get(i).login(), null, write.get(i), "import");
            }
        }
    }

    /** A row whose login exists already: refused, skipped or updated, as the options say. */
    private void existing(int r, Customer c) {
        switch (options.onExisting()) {
            case FAIL -> refuse(r, c.login(), Map.of("login", "exists already"));
            case SKIP -> skipped.add(r);
            case UPDATE -> {
                try {
                    CustomerSources.Located at = sources.locateOrThrow(c.login());
                    Customer changed = c.toBuilder().version(at.customer().version()).build();
                    if (options.dryRun()) {
                        writes.checkUpdate(at, changed);
                    } else {
                        writes.update(changed);
                    }
                    updated++;
                } catch (ValidationException e) {
                    refuse(r, c.login(), e.errors());
                } catch (dev.clientele.ClienteleException e) {
                    refuse(r, c.login(), Map.of("login", "not updated: " + e.getMessage()));
                }
            }
        }
    }
}
