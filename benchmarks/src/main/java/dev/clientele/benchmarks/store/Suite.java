package dev.clientele.benchmarks.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark suite: {@link StoreBenchmark} on each store and size, then a counting pass (statements and
 * connections per call at the JDBC driver, requests on LDAP), then one table of Clientele ÷ raw per scenario.
 *
 * <pre>
 * java -jar benchmarks/target/clientele-benchmarks.jar [--quick] [--stores=h2,postgres,ldap] [--sizes=10000,100000]
 *     [--only=REGEX] [--out=FILE.md]
 * java -jar benchmarks/target/clientele-benchmarks.jar jmh ...   (JMH's own command line, e.g. HotPathBenchmark)
 * java -jar benchmarks/target/clientele-benchmarks.jar import ...   (bulk import vs a raw batch: {@link ImportBenchmark})
 * </pre>
 *
 * {@code --quick}: 10,000 customers, 1 warm-up and 2 measured iterations of 1 s — to check that it runs, not for
 * figures. Default: 10,000 and 100,000 customers, 3 warm-ups and 5 measured iterations of 1 s.
 *
 * <p>Each store and size runs in a JVM of its own (started with this JVM's options), JMH in-process there: the
 * fixture is filled once for all the scenarios of a store and size (a JMH fork per benchmark would fill it again
 * for each), and no store's data, driver or JIT profile is in the JVM that measures another. In one JVM for
 * everything, the calls measured last ran up to 1.4× slower than measured alone (the search on PostgreSQL 1.6×
 * raw in the full run, 1.2× on its own). {@code --child} runs the given stores and sizes in this JVM and writes the
 * table's rows to {@code --rows=FILE}.
 */
public final class Suite {
    private static final int COUNTED_CALLS = 50;
    private static final Map<String, Scenario> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("customerAndPermissions", Scenario.CUSTOMER_AND_PERMISSIONS);
        METHODS.put("hasPermission", Scenario.HAS_PERMISSION);
        METHODS.put("login", Scenario.LOGIN);
        METHODS.put("boundedHasPermission", Scenario.BOUNDED_HAS_PERMISSION);
        METHODS.put("warmHasPermission", Scenario.WARM_HAS_PERMISSION);
        METHODS.put("warmFindCustomer", Scenario.WARM_FIND_CUSTOMER);
        METHODS.put("search", Scenario.SEARCH);
    }

    private Suite() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("import")) {
            ImportBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean quick = false;
        String stores = "h2,postgres,ldap";
        String sizes = null;
        String only = ".*";
        Path out = null;
        Path rows = null;
        boolean child = false;
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--child")) {
                child = true;
            } else if (a.startsWith("--rows=")) {
                rows = Path.of(a.substring("--rows=".length()));
            } else if (a.startsWith("--stores=")) {
                stores = a.substring("--stores=".length());
            } else if (a.startsWith("--sizes=")) {
                sizes = a.substring("--sizes=".length());
            } else if (a.startsWith("--only=")) {
                only = a.substring("--only=".length());
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring("--out=".length()));
            } else {
                System.err.println("usage: [--quick] [--stores=h2,postgres,ldap] [--sizes=10000,100000]"
                        + " [--only=REGEX] [--out=FILE.md] | jmh ARGS | import ARGS");
                System.exit(2);
            }
        }
        if (sizes == null) {
            sizes = quick ? "10000" : "10000,100000";
        }
        String loadBefore = load();
        Instant started = Instant.now();
        if (!child) {
            StringBuilder all = new StringBuilder();
            for (String store : stores.split(",")) {
                for (String size : sizes.split(",")) {
                    all.append(runChild(store, size, only, quick));
                }
            }
            String table = header(started, loadBefore, load(), quick) + all;
            System.out.println();
            System.out.println(table);
            if (out != null) {
                Files.writeString(out, table);
            }
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(StoreBenchmark.class.getName() + "\\.(" + only + ")$")
                .param("store", stores.split(",")).param("customers", sizes.split(","))
                .forks(0).threads(1).timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1));
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            String table = rows(results, countAll());
            System.out.println();
            System.out.println(table);
            if (rows != null) {
                Files.writeString(rows, table);
            }
        } finally {
            Fixture.closeAll();
            JdbcFixture.stopServer();
        }
    }

    /**
     * Runs one store and size in a JVM of its own with this JVM's options and class path, and returns its rows of
     * the table.
     */
    private static String runChild(String store, String size, String only, boolean quick)
            throws IOException {
        Path rows = Files.createTempFile("clientele-bench-" + store + "-" + size, ".md");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Suite.class.getName(), "--child",
                    "--stores=" + store, "--sizes=" + size, "--only=" + only, "--rows=" + rows));
            if (quick) {
                command.add("--quick");
            }
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the run of " + store + " at " + size + " customers failed (exit "
                        + exit + ")");
            }
            return Files.readString(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    /** Per fixture and scenario: the raw and the Clientele count per call, each over {@value #COUNTED_CALLS} calls. */
    private static Map<String, Counting.Count[]> countAll() {
        Map<String, Counting.Count[]> counts = new TreeMap<>();
        Fixture.open().forEach((key, f) -> {
            for (Scenario s : Scenario.values()) {
                Counting.Count[] pair = new Counting.Count[2];
                for (int side = 0; side < 2; side++) {
                    boolean raw = side == 0;
                    if (raw && !s.hasRaw()) {
                        continue;
                    }
                    pair[side] = countCalls(f, s, raw);
                }
                counts.put(key + "/" + s.name(), pair);
            }
        });
        return counts;
    }

    private static Counting.Count countCalls(Fixture f, Scenario s, boolean raw) {
        int span = s.warm() ? Scenario.WARM_SET : f.customers;
        s.run(f, raw, Data.login(1));
        if (s.warm()) {
            // the warm set's entries may have expired since the benchmark's set-up (the cache's TTL is 10 minutes)
            for (int i = 0; i < span; i++) {
                s.run(f, raw, Data.login(i));
            }
        }
        try (AutoCloseable ldap = f instanceof LdapFixture ? LdapRequests.countInto(f.counting()) : () -> { }) {
            f.counting().reset();
            for (int i = 0; i < COUNTED_CALLS; i++) {
                s.run(f, raw, Data.login((i * 7919 + 13) % span));
            }
            Counting.Count c = f.counting().count();
            return new Counting.Count(Math.round(10.0 * c.connections() / COUNTED_CALLS),
                    Math.round(10.0 * c.statements() / COUNTED_CALLS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String store, int customers, Scenario scenario) {
    }

    /** The table's title line and its header. */
    static String header(Instant started, String loadBefore, String loadAfter, boolean quick) {
        return String.format(Locale.ROOT, "Clientele vs the raw query, %s%s; %d cores, %s, Java %s;"
                + " load average %s before, %s after; 1 client thread, a JVM per store and size (JMH in-process"
                + " there)%n%n", started.truncatedTo(ChronoUnit.MINUTES), quick ? " (quick mode: short runs)" : "",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"), loadBefore, loadAfter)
                + "| store | customers | call | raw µs | Clientele µs | Clientele ÷ raw"
                + " | statements per call raw / Clientele | connections per call raw / Clientele |\n"
                + "|---|---|---|---|---|---|---|---|\n";
    }

    /** The table's rows of these results, one per store, size and scenario. */
    static String rows(Collection<RunResult> results, Map<String, Counting.Count[]> counts) {
        Map<Row, double[]> scores = new LinkedHashMap<>();
        List<Row> order = new ArrayList<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            boolean raw = method.endsWith("_raw");
            Scenario s = METHODS.get(raw ? method.substring(0, method.length() - 4) : method);
            Row row = new Row(r.getParams().getParam("store"), Integer.parseInt(r.getParams().getParam("customers")),
                    s);
            double[] pair = scores.computeIfAbsent(row, k -> {
                order.add(k);
                return new double[] {Double.NaN, Double.NaN};
            });
            pair[raw ? 0 : 1] = r.getPrimaryResult().getScore();
        }
        order.sort((a, b) -> a.store().equals(b.store())
                ? a.customers() != b.customers() ? Integer.compare(a.customers(), b.customers())
                        : a.scenario().compareTo(b.scenario())
                : Integer.compare(storeOrder(a.store()), storeOrder(b.store())));
        StringBuilder sb = new StringBuilder();
        for (Row row : order) {
            double[] p = scores.get(row);
            Fixture f = Fixture.open().get(row.store() + "/" + row.customers());
            Counting.Count[] c = counts.get(row.store() + "/" + row.customers() + "/" + row.scenario().name());
            boolean ldap = row.store().equals("ldap");
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s |%n",
                    f == null ? row.store() : f.describe(), row.customers(), row.scenario().title(), micros(p[0]),
                    micros(p[1]), Double.isNaN(p[0]) ? "—" : String.format(Locale.ROOT, "%.1f×", p[1] / p[0]),
                    c == null ? "" : pair(c, false) + (ldap ? " requests" : ""),
                    c == null || ldap ? "—" : pair(c, true)));
        }
        return sb.toString();
    }

    private static int storeOrder(String store) {
        return List.of("h2", "postgres", "ldap").indexOf(store);
    }

    private static String micros(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v < 1 ? String.format(Locale.ROOT, "%.3f", v) : v < 100 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** "raw / Clientele", in tenths rounded to one decimal. */
    private static String pair(Counting.Count[] c, boolean connections) {
        return tenth(c[0], connections) + " / " + tenth(c[1], connections);
    }

    private static String tenth(Counting.Count c, boolean connections) {
        if (c == null) {
            return "—";
        }
        long v = connections ? c.connections() : c.statements();
        return v % 10 == 0 ? Long.toString(v / 10) : String.format(Locale.ROOT, "%.1f", v / 10.0);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
