package dev.clientele.memory;

import dev.clientele.ClienteleException;
import dev.clientele.Company;
import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.Group;
import dev.clientele.ValidationException;
import dev.clientele.memory.internal.FixtureParser;
import dev.clientele.spi.Keys;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a {@link CustomerDirectory} from a fixture file written by hand: groups, companies, customers (with
 * passwords) and their links to groups. Loading goes through the directory's public API, so core's validation,
 * password policy and hashing apply exactly as for any other write.
 *
 * <h2>Format</h2>
 * UTF-8 text in blocks separated by blank lines, LDIF-like:
 * <ul>
 *   <li>a line whose first non-blank character is {@code #} is a comment (it does not end a block);</li>
 *   <li>the first line of a block is its header: {@code group <name>}, {@code company <customerId>} or
 *       {@code customer <login>};</li>
 *   <li>every other line of the block is {@code key: value}. The value is the rest of the line after the first
 *       {@code :}, stripped (so {@code url: https://acme.example} works); an empty value means "not set". Lines may
 *       be indented. There are no continuation lines and no escapes;</li>
 *   <li>keys of a {@code group}: {@code comment}, {@code validity};</li>
 *   <li>keys of a {@code company}: {@code name}, {@code street}, {@code zip}, {@code city}, {@code country},
 *       {@code url}, {@code comment}, {@code validity}, {@code groups};</li>
 *   <li>keys of a {@code customer}: every {@link dev.clientele.CustomerField} key but {@code login} (which is in the
 *       header): {@code email}, {@code customerId}, {@code title}, {@code firstName}, {@code lastName},
 *       {@code phone}, {@code fax}, {@code mobile}, {@code street}, {@code zip}, {@code city}, {@code country},
 *       {@code comment} ({@code first-name} and {@code first_name} are accepted too); and {@code validity},
 *       {@code additionalCustomerIds} (comma separated), {@code password} (in clear: fixtures are test data),
 *       {@code groups} and {@code attribute.<name>} for an extra attribute;</li>
 *   <li>{@code validity} is {@code valid} (the default), {@code invalid} or {@code invalid-temporarily};</li>
 *   <li>{@code groups} is a comma separated list of {@code group:rw} or {@code group:ro}, read by
 *       {@link dev.clientele.GroupGrants} with the permission required (a fixture spells out every grant): links
 *       of the customer (or company) to those groups, in the {@link dev.clientele.PermissionContext#OWN} context.
 *       The groups must be defined in the file or exist in the directory.</li>
 * </ul>
 *
 * <h2>Example</h2>
 * <pre>
 * # customers.fixture — seed data for the tests of the ticket screens
 *
 * group support
 * comment: First-level support queue
 *
 * group billing
 *
 * group archive
 * validity: invalid
 *
 * company acme
 * name: ACME Inc.
 * street: 1 Road Runner Way
 * zip: 12345
 * city: Phoenix
 * country: US
 * url: https://acme.example
 * groups: support:rw, billing:ro
 *
 * customer jdoe
 * email: jdoe@acme.example
 * customerId: acme
 * title: Dr.
 * firstName: John
 * lastName: Doe
 * phone: +1 555 0100
 * password: Corr3ct-Horse-Battery
 * additionalCustomerIds: acme-eu, acme-us
 * groups: support:rw, billing:ro
 * attribute.department: Engineering
 *
 * customer old.timer
 * email: old@acme.example
 * customerId: acme
 * firstName: Old
 * lastName: Timer
 * validity: invalid
 * </pre>
 *
 * <h2>Loading</h2>
 * The whole file is parsed and checked first: syntax, unknown or repeated keys, bad values, blocks defined twice,
 * groups named in {@code groups:} that exist neither in the file nor in the directory, and groups, companies or
 * customers that exist already in the directory. Every such problem is reported at once in a
 * {@link FixtureException} naming the file, the line and the key, and <em>nothing is written</em>. Then the fixture
 * is applied in this order: all groups, then all companies, then all customers, then all links (each in file
 * order). If the directory rejects something while applying (core's validation or password policy, for example),
 * loading stops with a {@link FixtureException} pointing at the line of the offending key (or block); what was
 * applied before stays.
 */
public final class Fixtures {
    private static final Logger LOG = LoggerFactory.getLogger(Fixtures.class);

    private Fixtures() {
    }

    /** Loads a fixture file (UTF-8). */
    public static FixtureReport load(CustomerDirectory directory, Path file) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(directory, reader, source);
        } catch (NoSuchFileException e) {
            throw new FixtureException(source, 0, null, "file not found", e);
        } catch (IOException e) {
            throw new FixtureException(source, 0, null, "cannot be read: " + e, e);
        }
    }

    /**
     * Loads a fixture from a reader, naming it {@code sourceName} in messages. Does not close the reader.
     */
    public static FixtureReport load(CustomerDirectory directory, Reader reader, @Nullable String sourceName) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reader, "reader");
        String source = sourceName == null ? "fixture" : sourceName;
        FixtureParser.Result result;
        try {
            result = FixtureParser.parse(reader);
        } catch (IOException e) {
            throw new FixtureException(source, 0, null, "cannot be read: " + e, e);
        }
        List<FixtureException.Problem> problems = new ArrayList<>();
        for (FixtureParser.Problem p : result.problems()) {
            problems.add(new FixtureException.Problem(p.line(), p.key(), p.message()));
        }
        if (problems.isEmpty()) {
            precheck(directory, result.fixture(), problems);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(FixtureException.Problem::line));
            throw new FixtureException(source, problems, null);
        }
        FixtureReport report = apply(directory, result.fixture(), source);
        LOG.debug("Loaded fixture {}: {}", source, report);
        return report;
    }

    /**
     * Loads a fixture from the class path (UTF-8), with the thread's context class loader, else the one of this
     * library. A leading {@code /} is ignored: names are always from the class-path root.
     */
    public static FixtureReport loadResource(CustomerDirectory directory, String classpathResource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return loadResource(directory, classpathResource, context != null ? context : Fixtures.class.getClassLoader());
    }

    /** Loads a class-path fixture with the given class loader (the extension uses the test class's). */
    static FixtureReport loadResource(CustomerDirectory directory, String classpathResource, ClassLoader loader) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(classpathResource, "classpathResource");
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        InputStream in = loader.getResourceAsStream(name);
        if (in == null && loader != Fixtures.class.getClassLoader()) {
            in = Fixtures.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new FixtureException(classpathResource, 0, null, "not found on the class path", null);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(directory, reader, classpathResource);
        } catch (IOException e) {
            throw new FixtureException(classpathResource, 0, null, "cannot be read: " + e, e);
        }
    }

    /** Everything that can be checked against the directory before writing. */
    private static void precheck(CustomerDirectory directory, FixtureParser.Fixture fixture,
            List<FixtureException.Problem> problems) {
        Set<String> groupsInFile = new HashSet<>();
        for (FixtureParser.Entry<Group> g : fixture.groups()) {
            groupsInFile.add(Keys.of(g.value().name()));
            if (directory.findGroup(g.value().name()).isPresent()) {
                problems.add(new FixtureException.Problem(g.line(), null,
                        "group '" + g.value().name() + "' exists already in the directory"));
            }
        }
        for (FixtureParser.Entry<Company> c : fixture.companies()) {
            if (directory.findCompany(c.value().customerId()).isPresent()) {
                problems.add(new FixtureException.Problem(c.line(), null,
                        "company '" + c.value().customerId() + "' exists already in the directory"));
            }
        }
        for (FixtureParser.CustomerEntry c : fixture.customers()) {
            if (directory.findCustomer(c.entry().value().login()).isPresent()) {
                problems.add(new FixtureException.Problem(c.entry().line(), null,
                        "customer '" + c.entry().value().login() + "' exists already in the directory"));
            }
        }
        Set<String> checked = new HashSet<>(groupsInFile);
        for (FixtureParser.Link link : fixture.links()) {
            String group = link.membership().group();
            if (checked.contains(Keys.of(group))) {
                continue;
            }
            if (directory.findGroup(group).isPresent()) {
                checked.add(Keys.of(group));
            } else {
                problems.add(new FixtureException.Problem(link.line(), "groups",
                        "group '" + group + "' is neither defined in the fixture nor in the directory"));
            }
        }
    }

    private static FixtureReport apply(CustomerDirectory directory, FixtureParser.Fixture fixture, String source) {
        for (FixtureParser.Entry<Group> g : fixture.groups()) {
            try {
                directory.createGroup(g.value());
            } catch (ClienteleException | IllegalArgumentException e) {
                throw failure(source, g, "group '" + g.value().name() + "'", e);
            }
        }
        for (FixtureParser.Entry<Company> c : fixture.companies()) {
            try {
                directory.createCompany(c.value());
            } catch (ClienteleException | IllegalArgumentException e) {
                throw failure(source, c, "company '" + c.value().customerId() + "'", e);
            }
        }
        for (FixtureParser.CustomerEntry c : fixture.customers()) {
            Customer customer = c.entry().value();
            try {
                if (c.password() == null) {
                    directory.createCustomer(customer);
                } else {
                    directory.createCustomer(customer, c.password().toCharArray());
                }
            } catch (ClienteleException | IllegalArgumentException e) {
                throw failure(source, c.entry(), "customer '" + customer.login() + "'", e);
            }
        }
        for (FixtureParser.Link link : fixture.links()) {
            try {
                directory.putMembership(link.membership());
            } catch (ClienteleException | IllegalArgumentException e) {
                throw new FixtureException(source, link.line(), "groups", "could not link "
                        + link.membership().subject() + " to group '" + link.membership().group() + "': "
                        + e.getMessage(), e);
            }
        }
        return new FixtureReport(fixture.groups().size(), fixture.companies().size(), fixture.customers().size(),
                fixture.links().size());
    }

    /** A rejection by the directory, pointing at the lines of the fields it names. */
    private static FixtureException failure(String source, FixtureParser.Entry<?> entry, String what,
            RuntimeException e) {
        List<FixtureException.Problem> problems = new ArrayList<>();
        if (e instanceof ValidationException) {
            for (Map.Entry<String, String> err : ((ValidationException) e).errors().entrySet()) {
                String key = err.getKey();
                boolean given = entry.keyLines().containsKey(key);
                problems.add(new FixtureException.Problem(entry.lineOf(key), given ? key : null,
                        what + " rejected: " + key + " " + err.getValue()));
            }
            problems.sort(Comparator.comparingInt(FixtureException.Problem::line));
        } else {
            problems.add(new FixtureException.Problem(entry.line(), null, what + " rejected: " + e.getMessage()));
        }
        return new FixtureException(source, problems, e);
    }
}
