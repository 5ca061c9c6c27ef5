package dev.clientele.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kind of store the end-to-end tests run against, and how to get a directory of it seeded with the standard data
 * (groups support and billing; company acme linked to billing with ro; customers jdoe — password
 * {@value #PASSWORD}, linked to support with rw — and jane).
 *
 * <p>{@link #MEMORY}: each run of the jar is a new process, so nothing persists between runs; the seed is a fixture
 * the back-end loads at start ({@code clientele.backend.local.fixture}). {@link #H2}: the embedded H2 store in the
 * test's folder, persistent, seeded by running the tool's own commands.
 */
abstract class Store {
    static final String PASSWORD = "Corr3ct-Horse-Battery";

    static final String GROUPS_FIXTURE = """
            group support
            comment: First-level support

            group billing
            """;

    static final String SEED_FIXTURE = GROUPS_FIXTURE + """

            company acme
            name: Acme Inc.
            groups: billing:ro

            customer jdoe
            email: jdoe@acme.example
            customerId: acme
            firstName: John
            lastName: Doe
            password: %s
            groups: support:rw

            customer jane
            email: jane@acme.example
            customerId: acme
            firstName: Jane
            lastName: Roe
            """.formatted(PASSWORD);

    static final String COMMON = "clientele.policy.group-support = true\n"
            + "# fast hashes for tests (never in production)\nclientele.password.iterations = 1000\n";

    private final String name;

    Store(String name) {
        this.name = name;
    }

    /** True if what one run writes is there for the next run. */
    abstract boolean persistent();

    /** The configuration of a directory with the standard data, in {@code dir}. */
    abstract Path seeded(Jar jar, Path dir);

    /** The configuration of a directory with only the groups support and billing, in {@code dir}. */
    abstract Path groupsOnly(Jar jar, Path dir);

    /** Skips the test when this kind of store cannot run here yet. */
    void assumeAvailable(Jar jar, Path dir) {
    }

    @Override
    public String toString() {
        return name;
    }

    static Path write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String path(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    static final Store MEMORY = new Store("memory") {
        @Override
        boolean persistent() {
            return false;
        }

        @Override
        Path seeded(Jar jar, Path dir) {
            Path fixture = write(dir.resolve("seed.fixture"), SEED_FIXTURE);
            return write(dir.resolve("memory-seeded.properties"), "clientele.backend.local.type = memory\n"
                    + "clientele.backend.local.fixture = " + path(fixture) + "\n" + COMMON);
        }

        @Override
        Path groupsOnly(Jar jar, Path dir) {
            Path fixture = write(dir.resolve("groups.fixture"), GROUPS_FIXTURE);
            return write(dir.resolve("memory-groups.properties"), "clientele.backend.local.type = memory\n"
                    + "clientele.backend.local.fixture = " + path(fixture) + "\n" + COMMON);
        }
    };

    static final Store H2 = new Store("h2") {
        @Override
        boolean persistent() {
            return true;
        }

        private Path config(Path dir, String db) {
            return write(dir.resolve(db + ".properties"), "clientele.backend.local.type = jdbc\n"
                    + "clientele.backend.local.url = jdbc:h2:" + path(dir.resolve("h2").resolve(db)) + "\n" + COMMON);
        }

        @Override
        Path seeded(Jar jar, Path dir) {
            Path c = groupsOnly(jar, dir);
            String cfg = c.toString();
            jar.run("-c", cfg, "company", "add", "acme", "--name", "Acme Inc.").ok();
            jar.run("-c", cfg, "link", "company", "acme", "billing", "ro").ok();
            jar.runWithInput(PASSWORD + "\n", "-c", cfg, "customer", "add", "jdoe", "--email", "jdoe@acme.example",
                    "--customer-id", "acme", "--first-name", "John", "--last-name", "Doe", "--password-stdin").ok();
            jar.run("-c", cfg, "customer", "add", "jane", "--email", "jane@acme.example", "--customer-id", "acme",
                    "--first-name", "Jane", "--last-name", "Roe").ok();
            jar.run("-c", cfg, "link", "customer", "jdoe", "support", "rw").ok();
            return c;
        }

        @Override
        Path groupsOnly(Jar jar, Path dir) {
            Path c = config(dir, "db" + Long.toHexString(System.nanoTime()));
            jar.run("-c", c.toString(), "group", "add", "support", "--comment", "First-level support").ok();
            jar.run("-c", c.toString(), "group", "add", "billing").ok();
            return c;
        }
    };

    /**
     * Customers jdoe and jane in an LDAP directory — the UnboundID in-memory server, in this test process, on a free
     * loopback port — read-only, login by bind; groups, the company, links and login state in a local H2 database,
     * seeded with the tool's own commands. The server is shared by the tests of a class and stopped by
     * {@link #stopLdap()}.
     */
    static final Store LDAP = new Store("ldap + h2") {
        @Override
        boolean persistent() {
            return true;
        }

        @Override
        Path seeded(Jar jar, Path dir) {
            Path c = groupsOnly(jar, dir);
            String cfg = c.toString();
            jar.run("-c", cfg, "company", "add", "acme", "--name", "Acme Inc.").ok();
            jar.run("-c", cfg, "link", "company", "acme", "billing", "ro").ok();
            jar.run("-c", cfg, "link", "customer", "jdoe", "support", "rw").ok();
            return c;
        }

        @Override
        Path groupsOnly(Jar jar, Path dir) {
            String db = "ldap" + Long.toHexString(System.nanoTime());
            Path c = write(dir.resolve(db + ".properties"), "clientele.customers = corp, local\n"
                    + "clientele.customers.create-in = local\n"
                    + "clientele.groups = local\nclientele.companies = local\nclientele.state = local\n"
                    + "clientele.memberships = local\n"
                    + "clientele.backend.corp.type = ldap\n"
                    + "clientele.backend.corp.url = ldap://127.0.0.1:" + ldapPort() + "\n"
                    + "clientele.backend.corp.base-dn = ou=people,dc=example,dc=com\n"
                    + "clientele.backend.corp.customer-id-attribute = o\n"
                    + "clientele.backend.local.type = jdbc\n"
                    + "clientele.backend.local.url = jdbc:h2:" + path(dir.resolve("h2").resolve(db)) + "\n" + COMMON);
            jar.run("-c", c.toString(), "group", "add", "support", "--comment", "First-level support").ok();
            jar.run("-c", c.toString(), "group", "add", "billing").ok();
            return c;
        }
    };

    private static com.unboundid.ldap.listener.InMemoryDirectoryServer ldapServer;

    /** Starts the shared LDAP server on first use; its port. */
    static synchronized int ldapPort() {
        if (ldapServer == null) {
            try {
                var config = new com.unboundid.ldap.listener.InMemoryDirectoryServerConfig("dc=example,dc=com");
                config.setListenerConfigs(com.unboundid.ldap.listener.InMemoryListenerConfig.createLDAPConfig("ldap",
                        java.net.InetAddress.getLoopbackAddress(), 0, null));
                var server = new com.unboundid.ldap.listener.InMemoryDirectoryServer(config);
                server.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
                server.add("dn: ou=people,dc=example,dc=com", "objectClass: top", "objectClass: organizationalUnit",
                        "ou: people");
                server.add("dn: uid=jdoe,ou=people,dc=example,dc=com", "objectClass: top", "objectClass: person",
                        "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: jdoe",
                        "cn: John Doe", "givenName: John", "sn: Doe", "mail: jdoe@acme.example", "o: acme",
                        "userPassword: " + PASSWORD);
                server.add("dn: uid=jane,ou=people,dc=example,dc=com", "objectClass: top", "objectClass: person",
                        "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: jane",
                        "cn: Jane Roe", "givenName: Jane", "sn: Roe", "mail: jane@acme.example", "o: acme");
                server.startListening();
                ldapServer = server;
            } catch (com.unboundid.ldap.sdk.LDAPException | com.unboundid.ldif.LDIFException e) {
                throw new IllegalStateException("cannot start the test LDAP server", e);
            }
        }
        return ldapServer.getListenPort();
    }

    static synchronized void stopLdap() {
        if (ldapServer != null) {
            ldapServer.shutDown(true);
            ldapServer = null;
        }
    }
}
