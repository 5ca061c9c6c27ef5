package dev.clientele.examples.cli;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerQuery;
import dev.clientele.SearchResult;
import dev.clientele.config.ClienteleConfig;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.Secrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code clientele config check}. */
@Command(name = "config", header = "Check the configuration.", subcommands = ConfigCommands.Check.class,
        footerHeading = "%nExamples:%n", footer = {"  ./clientele config check", "  ./clientele -c corp.properties config check --json"})
final class ConfigCommands implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a sub-command: check");
    }

    @Command(name = "check", header = "Read the configuration, report every problem, connect to each back-end and"
            + " say what it found.",
            description = {"Exit code 0 when everything works, 3 when the configuration is broken (every problem is"
                    + " listed, each with its key), 2 when a back-end cannot be reached."},
            footerHeading = "%nExamples:%n",
            footer = {"  ./clientele config check", "  CLIENTELE_CONFIG=corp.properties ./clientele config check",
                "  ./clientele --config corp.properties config check --json"})
    static final class Check extends Base {
        @Override
        public Integer call() {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("configuration", cli().configSource());
            if (cli().readsConfiguration()) {
                ClienteleConfig.Inspection inspection = cli().inspectConfig();
                if (!inspection.problems().isEmpty()) {
                    return problems(report, inspection);
                }
                ClienteleConfig config = cli().loadConfig();
                report.put("backendsConfigured", configured(config, Set.of()));
                report.put("policy", policy(config.policy()));
            }
            try (CustomerDirectory d = open()) {
                List<Map<String, Object>> backends = new ArrayList<>();
                boolean unavailable = false;
                for (CustomerBackend b : d.backends().values()) {
                    Map<String, Object> m = describe(b);
                    if (m.containsKey("unavailable")) {
                        unavailable = true;
                        unavailable(String.valueOf(m.get("unavailable")));
                    }
                    backends.add(m);
                }
                report.put("backends", backends);
                Map<String, Object> totals = new LinkedHashMap<>();
                try {
                    SearchResult all = d.search(CustomerQuery.builder().includeInvalid().limit(CustomerQuery.MAX_LIMIT)
                            .build());
                    totals.put("customers", all.size());
                    totals.put("moreCustomers", all.moreResults());
                    totals.put("companies", d.companies().size());
                    totals.put("groups", d.groups().size());
                } catch (BackendUnavailableException e) {
                    totals.clear();
                    totals.put("unavailable", e.getMessage());
                    if (!unavailable) {
                        unavailable(e.getMessage());
                    }
                    unavailable = true;
                }
                report.put("directory", totals);
                report.put("status", unavailable ? "a back-end is unavailable" : "ok");
                print(report);
                return unavailable ? Exit.UNAVAILABLE : Exit.OK;
            } catch (ConfigurationException e) {
                return problems(report, new ArrayList<>(e.problems()));
            } catch (BackendUnavailableException e) {
                report.put("status", e.getMessage());
                print(report);
                unavailable(e.getMessage());
                return Exit.UNAVAILABLE;
            }
        }

        /** A back-end that is down, said on stderr too (where scripts and people look for failures). */
        private void unavailable(String message) {
            new Errors(cli()).report(new Errors.Failure(Exit.UNAVAILABLE, "unavailable", message, List.of(),
                    Map.of()));
        }

        /**
         * The directory's own keys have problems: the back-ends are opened alone all the same, so that each checks
         * its settings too and every problem is listed in this one round.
         */
        private int problems(Map<String, Object> report, ClienteleConfig.Inspection inspection) {
            List<Problem> problems = new ArrayList<>(inspection.problems());
            try (CustomerDirectory d = CustomerDirectory.builder().config(inspection.backendsOnly()).build()) {
                // the back-ends' settings are good
                d.backends();
            } catch (ConfigurationException e) {
                e.problems().stream().filter(p -> p.key().startsWith(BackendSettings.PREFIX)
                        && !problems.contains(p)).forEach(problems::add);
            } catch (BackendUnavailableException e) {
                report.put("unavailable", e.getMessage());
                unavailable(e.getMessage());
            }
            Set<String> keys = new HashSet<>();
            problems.forEach(p -> keys.add(p.key()));
            report.put("backendsConfigured", configured(inspection.backendsOnly(), keys));
            return problems(report, problems);
        }

        private int problems(Map<String, Object> report, List<Problem> problems) {
            List<Map<String, Object>> listed = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", p.key());
                m.put("message", p.message());
                cli().environmentVariableOf(p.key()).ifPresent(v -> m.put("environmentVariable", v));
                listed.add(m);
            }
            report.put("problems", listed);
            report.put("status", problems.size() + " configuration problem(s)");
            if (json()) {
                cli().printJson(report);
            } else {
                print(report);
                cli().err.println("clientele: the configuration has " + problems.size() + " problem(s):");
                problems.forEach(p -> cli().err.println("  " + cli().describe(p)));
            }
            return Exit.CONFIG_ERROR;
        }

        /**
         * Each back-end's name, type and settings; secret values masked, and so is the value of a key that has a
         * problem (an unknown key may be a misspelt password key).
         */
        private static List<Map<String, Object>> configured(ClienteleConfig config, Set<String> problemKeys) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (BackendSettings s : config.backends().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("type", s.type());
                Map<String, String> settings = new TreeMap<>();
                for (String k : s.keys()) {
                    String v = s.get(k).orElse("");
                    settings.put(k, Secrets.shown(k, v, !problemKeys.contains(s.fullKey(k))));
                }
                m.put("settings", settings);
                s.baseDirectory().ifPresent(f -> m.put("pathsRelativeTo", f.toString()));
                out.add(m);
            }
            return out;
        }

        private static Map<String, Object> policy(CustomerGroupPolicy p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("groupSupport", p.groupSupport());
            m.put("alwaysGroups", Views.permissions(p.alwaysGroups()));
            m.put("companyAlwaysGroups", Views.permissions(p.companyAlwaysGroups()));
            m.put("companyInheritance", p.companyInheritance());
            return m;
        }

        /**
         * What one back-end offers and holds, typed: each data store's {@code readOnly} and {@code count}, what the
         * others do; an unreachable store is said so, not hidden.
         */
        private static Map<String, Object> describe(CustomerBackend b) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            m.put("type", b.type());
            m.put("describe", b.describe());
            Map<String, Object> stores = new LinkedHashMap<>();
            try {
                b.customers().ifPresent(s -> stores.put("customers", store(s.readOnly(), s.count())));
                b.companies().ifPresent(s -> stores.put("companies", store(s.readOnly(), s.list().size())));
                b.groups().ifPresent(s -> stores.put("groups", store(s.readOnly(), s.list().size())));
                b.memberships().ifPresent(s -> stores.put("memberships", store(s.readOnly(), null)));
                b.credentials().ifPresent(s -> stores.put("credentials", role("stored password hashes")));
                b.passwordVerifier().ifPresent(s -> stores.put("passwordVerifier",
                        role("checks passwords itself (bind)")));
                b.state().ifPresent(s -> stores.put("state", role("login state, reset tokens")));
            } catch (BackendUnavailableException e) {
                m.put("unavailable", e.getMessage());
            } catch (ClienteleException e) {
                m.put("problem", e.getMessage());
            }
            m.put("stores", stores);
            return m;
        }

        private static Map<String, Object> store(boolean readOnly, Number count) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("readOnly", readOnly);
            if (count != null) {
                m.put("count", count);
            }
            return m;
        }

        private static Map<String, Object> role(String what) {
            return Map.of("does", what);
        }

        /** A store of {@link #describe} in words: {@code read-write, 2}, or what it does. */
        private static String words(Map<?, ?> store) {
            if (store.containsKey("does")) {
                return String.valueOf(store.get("does"));
            }
            return (Boolean.TRUE.equals(store.get("readOnly")) ? "read-only" : "read-write")
                    + (store.containsKey("count") ? ", " + store.get("count") : "");
        }

        private void print(Map<String, Object> report) {
            if (json()) {
                cli().printJson(report);
                return;
            }
            out().println("configuration: " + report.get("configuration"));
            Object policy = report.get("policy");
            if (policy instanceof Map<?, ?>) {
                Map<?, ?> p = (Map<?, ?>) policy;
                out().println("policy: group support " + (Boolean.TRUE.equals(p.get("groupSupport")) ? "on" : "off")
                        + ", always-groups " + grants(p.get("alwaysGroups")) + ", company always-groups "
                        + grants(p.get("companyAlwaysGroups")) + ", company inheritance "
                        + (Boolean.TRUE.equals(p.get("companyInheritance")) ? "on" : "off"));
            }
            Object backends = report.get("backends");
            if (backends instanceof List<?>) {
                for (Object o : (List<?>) backends) {
                    Map<?, ?> b = (Map<?, ?>) o;
                    out().println("back-end " + b.get("name") + " (" + b.get("type") + "): " + b.get("describe"));
                    ((Map<?, ?>) b.get("stores")).forEach((k, v) -> out().println("  " + k + ": "
                            + words((Map<?, ?>) v)));
                    if (b.containsKey("unavailable")) {
                        out().println("  UNAVAILABLE: " + b.get("unavailable"));
                    }
                    if (b.containsKey("problem")) {
                        out().println("  problem: " + b.get("problem"));
                    }
                }
            }
            Object totals = report.get("directory");
            if (totals instanceof Map<?, ?>) {
                Map<?, ?> t = (Map<?, ?>) totals;
                out().println(t.containsKey("unavailable") ? "directory: UNAVAILABLE: " + t.get("unavailable")
                        : "directory: " + t.get("customers") + (Boolean.TRUE.equals(t.get("moreCustomers")) ? "+"
                        : "") + " customer(s), " + t.get("companies") + " company(ies), " + t.get("groups")
                        + " group(s)");
            }
            out().println("status: " + report.get("status"));
        }

        /** {@code users:rw, news:ro}, or {@code none}. */
        private static String grants(Object grants) {
            Map<?, ?> g = (Map<?, ?>) grants;
            if (g == null || g.isEmpty()) {
                return "none";
            }
            StringBuilder b = new StringBuilder();
            g.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(':').append(v));
            return b.toString();
        }
    }
}
