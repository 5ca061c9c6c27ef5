package dev.clientele.benchmarks.store;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clientele.Company;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.Group;
import dev.clientele.ldap.LdapBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * OpenLDAP {@code slapd} where it is installed ({@value Slapd#SLAPD}), else the UnboundID in-memory server: customers
 * as inetOrgPerson entries under {@code ou=people}, the 50 groups as groupOfNames under {@code ou=groups}, read by
 * the LDAP back-end; Clientele's groups, companies and login state in a memory back-end beside it.
 */
final class LdapFixture extends Fixture {
    static final String SUFFIX = "dc=example,dc=org";
    static final String ADMIN = "cn=admin," + SUFFIX;
    static final String ADMIN_PASSWORD = "bench-admin";
    private static final String PEOPLE = "ou=people," + SUFFIX;
    private static final String GROUPS = "ou=groups," + SUFFIX;

    private final AutoCloseable server;
    /** The LDIF and the slapd database: deleted at close. */
    private final Path folder;
    private final String serverName;
    private final LDAPConnectionPool raw;
    private final LDAPConnectionPool binds;
    private final LdapBackend backend;
    private final CustomerDirectory cold;
    private final CustomerDirectory warm;
    private final CustomerDirectory bounded;

    private LdapFixture(int customers, AutoCloseable server, Path folder, String serverName, int port)
            throws LDAPException {
        super(customers);
        this.server = server;
        this.folder = folder;
        this.serverName = serverName;
        this.raw = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", port, ADMIN, ADMIN_PASSWORD), 2);
        this.binds = new LDAPConnectionPool(new LDAPConnection("127.0.0.1", port), 2);
        StringJoiner groupMap = new StringJoiner("; ");
        for (int g = 0; g < Data.GROUPS; g++) {
            groupMap.add("cn=" + Data.group(g) + "," + GROUPS + " => " + Data.group(g) + ":rw");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("url", "ldap://127.0.0.1:" + port);
        settings.put("base-dn", PEOPLE);
        settings.put("bind-dn", ADMIN);
        settings.put("bind-password", ADMIN_PASSWORD);
        settings.put("group-base-dn", GROUPS);
        settings.put("group-type", "groupOfNames");
        settings.put("group-map", groupMap.toString());
        settings.put("pool-size", "4");
        this.backend = LdapBackend.create("corp", settings);
        this.cold = directory(Duration.ZERO).build();
        this.warm = directory(Duration.ofMinutes(10)).build();
        this.bounded = directory(Duration.ofMinutes(10)).cacheMaxSize(BOUNDED_CACHE).build();
        for (CustomerDirectory d : List.of(cold, warm, bounded)) {
            for (int g = 0; g < Data.GROUPS; g++) {
                d.createGroup(Group.of(Data.group(g)));
            }
            for (int c = 0; c < Data.COMPANIES; c++) {
                d.createCompany(Company.builder(Data.company(c)).name("Company " + c).build());
            }
        }
    }

    /** Each directory has its own memory back-end for groups, companies and state; customers come from LDAP. */
    private CustomerDirectory.Builder directory(Duration ttl) {
        return CustomerDirectory.builder().backend(backend).backend("local", "memory", Map.of())
                .customers("corp").groups("local").companies("local").state("local").memberships("corp")
                .cacheTtl(ttl).passwordHasher(HASHER)
                .policy(CustomerGroupPolicy.builder().groupSupport(true).build());
    }

    static LdapFixture open(int customers) {
        try {
            Path folder = Files.createTempDirectory("clientele-bench-ldap");
            Path ldif = folder.resolve("data.ldif");
            writeLdif(ldif, customers);
            if (Slapd.installed()) {
                Slapd slapd = Slapd.start(folder, ldif);
                return new LdapFixture(customers, slapd, folder, "OpenLDAP slapd", slapd.port());
            }
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
            config.addAdditionalBindCredentials(ADMIN, ADMIN_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getLoopbackAddress(), 0, null));
            config.setSchema(null);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, ldif.toFile());
            server.startListening();
            return new LdapFixture(customers, () -> server.shutDown(true), folder, "UnboundID in-memory",
                    server.getListenPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDAPException e) {
            throw new IllegalStateException("LDAP set-up failed: " + e.getMessage(), e);
        }
    }

    private static void writeLdif(Path file, int customers) throws IOException {
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < Data.GROUPS; g++) {
            members.add(new ArrayList<>());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("dn: " + SUFFIX + "\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\n"
                    + "dc: example\no: Example\n\n");
            w.write("dn: " + PEOPLE + "\nobjectClass: organizationalUnit\nou: people\n\n");
            w.write("dn: " + GROUPS + "\nobjectClass: organizationalUnit\nou: groups\n\n");
            for (int n = 0; n < customers; n++) {
                String dn = "uid=" + Data.login(n) + "," + PEOPLE;
                w.write("dn: " + dn + "\nobjectClass: inetOrgPerson\nuid: " + Data.login(n) + "\ncn: "
                        + Data.firstName(n) + " " + Data.lastName(n) + "\ngivenName: " + Data.firstName(n) + "\nsn: "
                        + Data.lastName(n) + "\nmail: " + Data.email(n) + "\no: " + Data.company(n)
                        + "\nuserPassword: " + Data.PASSWORD + "\n\n");
                for (String g : Data.groupsOf(n)) {
                    members.get(Integer.parseInt(g.substring("group".length()))).add(dn);
                }
            }
            for (int g = 0; g < Data.GROUPS; g++) {
                w.write("dn: cn=" + Data.group(g) + "," + GROUPS + "\nobjectClass: groupOfNames\ncn: " + Data.group(g)
                        + "\n");
                for (String dn : members.get(g)) {
                    w.write("member: " + dn + "\n");
                }
                w.write("\n");
            }
        }
    }

    @Override
    public String describe() {
        return serverName;
    }

    @Override
    public CustomerDirectory cold() {
        return cold;
    }

    @Override
    public CustomerDirectory warm() {
        return warm;
    }

    @Override
    public CustomerDirectory bounded() {
        return bounded;
    }

    private SearchResultEntry user(String login) throws LDAPException {
        return raw.searchForEntry(PEOPLE, SearchScope.ONE, Filter.createEqualityFilter("uid", login), "uid", "mail",
                "givenName", "sn", "o");
    }

    @Override
    public Object rawCustomerAndGroups(String login) {
        try {
            SearchResultEntry e = user(login);
            if (e == null) {
                return List.of();
            }
            SearchResult groups = raw.search(GROUPS, SearchScope.ONE, Filter.createEqualityFilter("member", e.getDN()),
                    "cn");
            List<String> names = new ArrayList<>();
            groups.getSearchEntries().forEach(g -> names.add(g.getAttributeValue("cn")));
            return List.of(e.getAttributeValue("mail"), names);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean rawHasPermission(String login, String group) {
        try {
            SearchResultEntry e = user(login);
            return e != null && raw.search(GROUPS, SearchScope.ONE, Filter.createANDFilter(
                    Filter.createEqualityFilter("cn", group), Filter.createEqualityFilter("member", e.getDN())),
                    "1.1").getEntryCount() > 0;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean rawLogin(String login, char[] password) {
        try {
            SearchResultEntry e = user(login);
            if (e == null) {
                return false;
            }
            LDAPConnection c = binds.getConnection();
            try {
                c.bind(e.getDN(), new String(password));
                binds.releaseAndReAuthenticateConnection(c);
                return true;
            } catch (LDAPException bad) {
                binds.releaseConnectionAfterException(c, bad);
                return false;
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int rawSearch(String prefix, int limit) {
        try {
            SearchRequest r = new SearchRequest(PEOPLE, SearchScope.ONE, Filter.createORFilter(
                    Filter.createSubInitialFilter("uid", prefix), Filter.createSubInitialFilter("mail", prefix),
                    Filter.createSubInitialFilter("givenName", prefix), Filter.createSubInitialFilter("sn", prefix),
                    Filter.createSubInitialFilter("o", prefix)), "uid", "mail", "givenName", "sn", "o");
            r.setSizeLimit(limit + 1);
            // the same answer as Clientele's: the first logins in order, sorted by the server
            r.addControl(new com.unboundid.ldap.sdk.controls.ServerSideSortRequestControl(true,
                    new com.unboundid.ldap.sdk.controls.SortKey("uid", "caseIgnoreOrderingMatch", false)));
            try {
                return raw.search(r).getEntryCount();
            } catch (com.unboundid.ldap.sdk.LDAPSearchException e) {
                if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                    return e.getEntryCount();
                }
                throw e;
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        cold.close();
        warm.close();
        bounded.close();
        backend.close();
        raw.close();
        binds.close();
        try {
            server.close();
        } catch (Exception e) {
            // the server process or thread ends with the JVM anyway
        }
        deleteTree(folder);
    }
}
