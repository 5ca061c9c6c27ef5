package dev.clientele.ldap.testing;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * A private OpenLDAP {@code slapd} (Debian's package), started in a temporary folder with its own slapd.conf, on a
 * free loopback port, in the foreground ({@code -d 0}) so that the test owns the process. Never the system service.
 * Tests using it are skipped when {@value #SLAPD} is not installed.
 */
public final class SlapdTestDirectory implements TestDirectory {
    public static final String SLAPD = "/usr/sbin/slapd";
    public static final String SLAPADD = "/usr/sbin/slapadd";
    private static final String SCHEMA = "/etc/ldap/schema/";

    private final Path folder;
    private final Path config;
    private final int port;
    private final Process process;

    private SlapdTestDirectory(Path folder, Path config, int port, Process process) {
        this.folder = folder;
        this.config = config;
        this.port = port;
        this.process = process;
    }

    /** Skips the calling test (or class) when slapd is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(SLAPD)) && Files.isReadable(Path.of(SCHEMA, "core.schema")),
                SLAPD + " is not installed (apt-get install slapd ldap-utils): OpenLDAP tests skipped");
    }

    /** Options of a server. */
    public static final class Options {
        private Integer sizeLimit;
        private Path ldif;
        private boolean adSchema;
        private boolean sorting;
        private boolean logRequests;

        /** The server's size limit for every client but the root DN; paged searches may read past it. */
        public Options sizeLimit(int limit) {
            this.sizeLimit = limit;
            return this;
        }

        /** Entries loaded with slapadd before the server starts (fast for many entries); must include the suffix. */
        public Options ldif(Path file) {
            this.ldif = file;
            return this;
        }

        /** Loads the sssvlv overlay: server-side sorting (RFC 2891), with the paged results it implements then. */
        public Options sorting() {
            this.sorting = true;
            return this;
        }

        /** Logs every operation (slapd's {@code stats} level) into slapd.log, for {@link #searchRequests(String)}. */
        public Options logRequests() {
            this.logRequests = true;
            return this;
        }

        /** Adds Debian's msuser.schema (Active Directory attributes and the user class). */
        public Options activeDirectorySchema() {
            this.adSchema = true;
            return this;
        }
    }

    public static SlapdTestDirectory start(Path folder) {
        return start(folder, new Options());
    }

    public static SlapdTestDirectory start(Path folder, Options options) {
        assumeInstalled();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startOnce(Files.createTempDirectory(folder, "slapd"), options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException e) {
                last = e; // most likely the free port was taken meanwhile: try another one
            }
        }
        throw last;
    }

    private static SlapdTestDirectory startOnce(Path dir, Options options) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("slapd.conf");
        List<String> lines = new ArrayList<>(List.of(
                "include " + SCHEMA + "core.schema",
                "include " + SCHEMA + "cosine.schema",
                "include " + SCHEMA + "inetorgperson.schema",
                "include " + SCHEMA + "nis.schema"));
        if (options.adSchema) {
            lines.add("include " + SCHEMA + "msuser.schema");
        }
        lines.addAll(List.of(
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                options.sorting ? "moduleload sssvlv" : "",
                "pidfile " + dir.resolve("slapd.pid"),
                "argsfile " + dir.resolve("slapd.args")));
        if (options.sizeLimit != null) {
            // soft and hard limit for plain searches; paged searches may read everything, a page at a time
            lines.add("sizelimit size.soft=" + options.sizeLimit + " size.hard=" + options.sizeLimit
                    + " size.prtotal=unlimited");
        }
        lines.addAll(List.of(
                "database mdb",
                "maxsize 1073741824",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + ADMIN_PASSWORD,
                "directory " + data,
                "index objectClass eq",
                "index uid eq,sub",
                "index mail eq",
                "index member eq",
                "index memberUid eq",
                // as a real directory: passwords only for binds; phone numbers for the service account only
                "access to attrs=userPassword by self write by anonymous auth by * none",
                "access to attrs=telephoneNumber by * none",
                "access to * by * read"));
        if (options.sorting) {
            lines.add("overlay sssvlv");
        }
        Files.write(conf, lines, StandardCharsets.UTF_8);
        run(dir, "slaptest", List.of("/usr/sbin/slaptest", "-Q", "-u", "-f", conf.toString()));
        if (options.ldif != null) {
            run(dir, "slapadd", List.of(SLAPADD, "-q", "-f", conf.toString(), "-l", options.ldif.toString()));
        }
        int port = freePort();
        // -d 256: the stats level (one line per operation) on standard error, into slapd.log
        Process p = new ProcessBuilder(SLAPD, "-d", options.logRequests ? "256" : "0", "-h",
                "ldap://127.0.0.1:" + port + "/", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        SlapdTestDirectory d = new SlapdTestDirectory(dir, conf, port, p);
        d.awaitListening();
        if (options.ldif == null) {
            d.add("dn: " + SUFFIX, "objectClass: top", "objectClass: dcObject", "objectClass: organization",
                    "dc: example", "o: Example");
        }
        return d;
    }

    private static void run(Path dir, String name, List<String> command) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(name + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + " interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits (bounded) until slapd answers on its port, polling; fails if the process ends first. */
    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd ended at start (exit " + process.exitValue() + "): "
                        + Files.readString(folder.resolve("slapd.log")));
            }
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
                c.getRootDSE();
                return;
            } catch (LDAPException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("slapd did not answer on port " + port + " within 20 s");
    }

    @Override
    public int port() {
        return port;
    }

    /**
     * How many search requests under {@code base} (as the client spelled it) the server has received so far, as its
     * log says; needs {@link Options#logRequests()}. slapd logs a search when it receives it, before answering.
     */
    public long searchRequests(String base) {
        String line = ("SRCH base=\"" + base + "\"").toLowerCase(java.util.Locale.ROOT);
        try (java.util.stream.Stream<String> lines = Files.lines(folder.resolve("slapd.log"),
                StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(line)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path config() {
        return config;
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
