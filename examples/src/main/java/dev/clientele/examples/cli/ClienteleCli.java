package dev.clientele.examples.cli;

import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.Permission;
import dev.clientele.PermissionContext;
import dev.clientele.Validity;
import dev.clientele.config.ClienteleConfig;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code clientele} command-line tool: manage customers, companies, groups and their links from a terminal,
 * import and export them, copy a directory into another, check a configuration, and run a demo.
 *
 * <p>It uses only Clientele's public API. The directory comes from {@code --config FILE}, else from the file named
 * by {@code CLIENTELE_CONFIG}, else from the default: the embedded H2 store in {@code ./clientele-data/}.
 */
@Command(name = "clientele", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = ClienteleCli.Version.class, sortOptions = false,
        header = "Manage a helpdesk's customers, companies and groups (Clientele).",
        description = {
            "Configuration: --config FILE, else the file named by CLIENTELE_CONFIG, else the embedded H2 store in"
                + " ./clientele-data/ (created on first use, with its settings in ./clientele-data/clientele.properties). Keys as in the library (clientele.backend.NAME.type"
                + " = memory|jdbc|ldap, ...); CLIENTELE_* environment variables override them.",
            ""},
        subcommands = {
            CustomerCommands.class, CompanyCommands.class, GroupCommands.class,
            LinkCommands.Link.class, LinkCommands.Unlink.class, PermissionsCommand.class, LoginCommand.class,
            PreferenceCommands.class, ImportCommand.class, ExportCommand.class, CopyCommand.class,
            ConfigCommands.class, DemoCommand.class, ServeCommand.class, AdminCommands.class,
            HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 ok   1 user error (bad arguments or input, not found, exists already)",
            "  2 back-end unavailable   3 configuration error",
            "  4 refused (login refused, rows left out of an import, a required permission not held)",
            "  70 unexpected error (run with --verbose)",
            "",
            "Examples:",
            "  ./clientele demo",
            "  ./clientele --config corp.properties config check",
            "  ./clientele customer add ann --email ann@acme.example --customer-id acme --first-name Ann"
                + " --last-name Doe",
            "  ./clientele link customer jdoe support rw",
            "  ./clientele permissions jdoe support --explain",
            "  ./clientele import customers.csv"})
public final class ClienteleCli {
    /** The name of the back-end of the default configuration. */
    static final String DEFAULT_BACKEND = "local";
    /** The folder of the default store. */
    static final Path DEFAULT_DATA = Path.of("clientele-data");
    /** The configuration of the default store, written there on first use. */
    static final Path DEFAULT_FILE = DEFAULT_DATA.resolve("clientele.properties");
    static final String DEFAULT_FILE_TEXT = """
            # The default store of ./clientele: written on first use, read by every command run in this folder
            # without --config or CLIENTELE_CONFIG. Keys as in the library (see README.md); CLIENTELE_* environment
            # variables override them. Paths are relative to this file's folder.
            clientele.backend.local.type = jdbc
            clientele.backend.local.url = jdbc:h2:./clientele
            # Group links decide which customer may use which queue. (Off, the OTRS default, every valid customer
            # has rw on every valid group.)
            clientele.policy.group-support = true
            """;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT, order = 1,
            description = "Configuration file (properties). Default: $CLIENTELE_CONFIG, else the embedded H2 store"
                    + " in ./clientele-data/.")
    Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 2,
            description = "Print results (and errors, on stderr) as JSON, for scripts.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 3,
            description = "Show stack traces and the library's log.")
    boolean verbose;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    private final Supplier<CustomerDirectory> directoryOverride;
    private final Supplier<Console> console;
    /** The in-memory back-ends the running command has written to (see {@link #writesTo}). */
    private final Set<String> inMemory = new LinkedHashSet<>();
    /** Where the other back-ends the running command can write to keep their data, for the line after it. */
    private final Set<String> stores = new LinkedHashSet<>();
    private static final String MEMORY_TYPE = "memory";

    /**
     * A tool on these streams and this environment.
     *
     * @param directory if not null, every command uses the directories it makes instead of reading a configuration
     *                  (tests hand in directories over one shared in-memory back-end)
     */
    ClienteleCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
            Supplier<CustomerDirectory> directory, Supplier<Console> console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.directoryOverride = directory;
        this.console = console;
    }

    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        int code = new ClienteleCli(System.in, System.out, System.err, System.getenv(), null, System::console)
                .run(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * The log of the library and of the libraries under it goes through slf4j-simple to stderr. With
     * {@code --verbose}: everything from debug up. Without: Clientele's own warnings only (one line each, written
     * for people); the libraries under it (HikariCP, the LDAP SDK, the web server, ...) stay silent, since the
     * tool reports each failure itself in plain words, and their warnings come with stack traces.
     */
    static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "off");
        if (!verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.clientele", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    /** Runs one command line; returns the exit code. */
    int run(String... args) {
        CommandLine cmd = commandLine();
        int code = cmd.execute(args);
        if (!inMemory.isEmpty() && (code == Exit.OK || code == Exit.REFUSED)) {
            warnNothingPersists();
        }
        if (!stores.isEmpty() && !json && (code == Exit.OK || code == Exit.REFUSED)) {
            stores.forEach(s -> err.println("clientele: store: " + s));
        }
        return code;
    }

    /**
     * Notes the back-ends of a directory a write command uses that keep their data in memory only (type
     * {@code memory}, with a store that is not read-only), for the warning after the command, and where the other
     * writable ones keep it (their {@code describe()}: the absolute file of an H2 store), for a line on stderr after
     * the command; returns the directory.
     */
    CustomerDirectory writesTo(CustomerDirectory directory) {
        for (CustomerBackend b : directory.backends().values()) {
            if (MEMORY_TYPE.equals(b.type()) && writable(b)) {
                inMemory.add(b.name());
            } else if (writable(b)) {
                stores.add(b.describe());
            }
        }
        return directory;
    }

    private static boolean writable(CustomerBackend b) {
        return b.customers().map(s -> !s.readOnly()).orElse(false)
                || b.companies().map(s -> !s.readOnly()).orElse(false)
                || b.groups().map(s -> !s.readOnly()).orElse(false)
                || b.memberships().map(s -> !s.readOnly()).orElse(false)
                || b.credentials().map(s -> !s.readOnly()).orElse(false);
    }

    /** One line on stderr (a JSON object with --json): what this command changed in memory is gone now. */
    private void warnNothingPersists() {
        String names = String.join("', '", inMemory);
        String message = "nothing persists: back-end '" + names + "' keeps its data in memory, so this command's"
                + " changes are gone now that it has ended (a fixture is only read at start; use a jdbc or ldap"
                + " back-end to keep changes)";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("warning", "nothing-persists");
            m.put("backends", List.copyOf(inMemory));
            m.put("message", message);
            err.println(Json.write(m).replaceAll("\\s*\\R\\s*", " "));
        } else {
            err.println("clientele: warning: " + message);
        }
    }

    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(this);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setUsageHelpWidth(Math.max(60, Math.min(columns(), 160)));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.registerConverter(Permission.class, Permission::parse);
        cmd.registerConverter(Validity.class, Validity::parse);
        cmd.registerConverter(PermissionContext.class, Views::parseContext);
        cmd.setExecutionExceptionHandler(new Errors(this));
        cmd.setParameterExceptionHandler(new Errors(this));
        return cmd;
    }

    // ----- what commands use ---------------------------------------------------------------------------------------

    boolean json() {
        return json;
    }

    boolean verbose() {
        return verbose;
    }

    /** The terminal width: {@code COLUMNS}, else 80. */
    int columns() {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            return c >= 20 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** The console to ask passwords on, or null when there is no terminal. */
    Console console() {
        return console == null ? null : console.get();
    }

    /** False when the caller handed in the directories (tests). */
    boolean readsConfiguration() {
        return directoryOverride == null;
    }

    /** Where the configuration comes from, for people. */
    String configSource() {
        if (directoryOverride != null) {
            return "(given by the caller)";
        }
        Path file = configFile();
        return file != null ? file.toString()
                : "default: embedded H2 store in " + DEFAULT_DATA.toAbsolutePath().normalize() + "/ (settings in "
                        + DEFAULT_FILE + ")";
    }

    /** The configuration file named by --config or CLIENTELE_CONFIG, or null for the default. */
    Path configFile() {
        if (config != null) {
            return config;
        }
        String fromEnv = env.get("CLIENTELE_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv.strip());
    }

    /** Reads and checks the configuration (throws {@link ConfigurationException} with every problem). */
    ClienteleConfig loadConfig() {
        return ClienteleConfig.load(configPath(), env);
    }

    /**
     * Reads the configuration without throwing for its problems ({@link ClienteleConfig#inspect}): every problem of
     * the directory's own keys, and the back-ends alone, for {@code config check} to have them check theirs too.
     */
    ClienteleConfig.Inspection inspectConfig() {
        Path file;
        try {
            file = configPath();
        } catch (ConfigurationException e) {
            return new ClienteleConfig.Inspection(e.problems(), ClienteleConfig.from(Map.of()));
        }
        return ClienteleConfig.inspect(file, env);
    }

    /** The configuration file to read: the one named, which must exist, or the default store's, written if new. */
    private Path configPath() {
        Path file = configFile();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException(file.toString(), (Files.isDirectory(file)
                        ? "is a folder, not a configuration file" : "the configuration file does not exist")
                        + (config != null ? " (given with --config)" : " (named by CLIENTELE_CONFIG)"));
            }
            return file;
        }
        try {
            Files.createDirectories(DEFAULT_DATA);
            Files.writeString(DEFAULT_FILE, DEFAULT_FILE_TEXT, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            // written on an earlier first use (or by a command running at the same time): read it
        } catch (IOException e) {
            throw new ConfigurationException(DEFAULT_FILE.toString(), "cannot write the configuration of the default"
                    + " store in " + DEFAULT_DATA.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return DEFAULT_FILE;
    }

    /**
     * The environment variable that set a key of a problem, if one did ({@link ClienteleConfig#environmentName}):
     * an admin looks for a bad value in the file otherwise, and does not find it.
     */
    Optional<String> environmentVariableOf(String key) {
        if (!key.startsWith("clientele.")) {
            return Optional.empty();
        }
        String variable = ClienteleConfig.environmentName(key);
        return env.containsKey(variable) ? Optional.of(variable) : Optional.empty();
    }

    /** A configuration problem for people: {@code KEY: MESSAGE}, and the environment variable that set it, if one. */
    String describe(ConfigurationException.Problem p) {
        return p.key() + ": " + p.message() + environmentVariableOf(p.key())
                .map(v -> " (the value comes from the environment variable " + v + ")").orElse("");
    }

    /** A directory from the configuration; close it when done. */
    CustomerDirectory openDirectory() {
        if (directoryOverride != null) {
            return directoryOverride.get();
        }
        return CustomerDirectory.builder().config(loadConfig()).build();
    }

    /** Prints a value as JSON on stdout. */
    void printJson(Object value) {
        out.println(Json.write(value));
    }

    /**
     * The version from the jar's manifest, and the commit it was built from ({@code commit.txt}, written by the
     * build's {@code git describe} in a git checkout; {@code -dirty} when the work tree had changes).
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClienteleCli.class.getPackage().getImplementationVersion();
            return new String[] {"clientele " + (v == null ? "(development build)" : v) + commit()
                    .map(c -> " (commit " + c + ")").orElse(" (commit unknown: not built from a git checkout)"),
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                    .toLowerCase(Locale.ROOT)};
        }

        /** The commit of the build, if the build knew it. */
        static Optional<String> commit() {
            try (InputStream in = ClienteleCli.class.getResourceAsStream("commit.txt")) {
                if (in == null) {
                    return Optional.empty();
                }
                String c = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return c.matches("[0-9a-f]{7,40}(-dirty)?") ? Optional.of(c) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
