package dev.clientele.benchmarks.store;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A private OpenLDAP {@code slapd} (Debian's package) in a temporary folder: its own slapd.conf, the data loaded with
 * slapadd, a free loopback port, in the foreground so that the benchmark owns the process. Never the system service.
 */
final class Slapd implements AutoCloseable {
    static final String SLAPD = "/usr/sbin/slapd";
    private static final String SCHEMA = "/etc/ldap/schema/";

    private final Process process;
    private final int port;

    private Slapd(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(SLAPD)) && Files.isReadable(Path.of(SCHEMA, "core.schema"));
    }

    static Slapd start(Path dir, Path ldif) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("slapd.conf");
        Files.write(conf, List.of("include " + SCHEMA + "core.schema", "include " + SCHEMA + "cosine.schema",
                "include " + SCHEMA + "inetorgperson.schema", "include " + SCHEMA + "nis.schema",
                "modulepath /usr/lib/ldap", "moduleload back_mdb", "moduleload sssvlv", "pidfile " + dir.resolve("slapd.pid"),
                "argsfile " + dir.resolve("slapd.args"), "sizelimit unlimited", "database mdb",
                "maxsize 4294967296", "suffix \"" + LdapFixture.SUFFIX + "\"", "rootdn \"" + LdapFixture.ADMIN + "\"",
                "rootpw " + LdapFixture.ADMIN_PASSWORD, "directory " + data, "index objectClass eq",
                "index uid eq,sub", "index mail eq,sub", "index givenName eq,sub", "index sn eq,sub",
                "index o eq,sub", "index cn eq", "index member eq",
                "access to attrs=userPassword by self write by anonymous auth by * none", "access to * by * read",
                // server-side sorting (RFC 2891), as a production directory that serves searches should have
                "overlay sssvlv"),
                StandardCharsets.UTF_8);
        run(dir, "slapadd", List.of("/usr/sbin/slapadd", "-q", "-f", conf.toString(), "-l", ldif.toString()));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(SLAPD, "-d", "0", "-h", "ldap://127.0.0.1:" + port + "/", "-f",
                conf.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        Slapd slapd = new Slapd(p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("slapd ended at start: " + Files.readString(dir.resolve("slapd.log")));
            }
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
                c.getRootDSE();
                return slapd;
            } catch (LDAPException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        slapd.close();
        throw new IOException("slapd did not answer on port " + port + " within 30 s");
    }

    private static void run(Path dir, String name, List<String> command) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(name + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + " interrupted", e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
