package dev.clientele.examples.cli;

import dev.clientele.BackendUnavailableException;
import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;
import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.CustomerQuery;
import dev.clientele.SearchResult;
import dev.clientele.config.ClienteleConfig;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
                ClienteleConfig config;
                try {
                    config = cli().loadConfig();
                } catch (ConfigurationException e) {
                    return problems(report, e);
                }
                report.put("backendsConfigured", configured(config));
                report.put("policy", policy(config.policy()));
            }
            try (CustomerDirectory d = open()) {
                List<Map<String, Object>> backends = new ArrayList<>();
                boolean unavailable = false;
                for (CustomerBackend b : d.backends().values()) {
                    Map<String, Object> m = describe(b);
                    unavailable |= m.containsKey("unavailable");
                    backends.add(m);
                }
                report.put("backends", backends);
                Map<String, Object> totals = new LinkedHashMap<>();
                try {
                    SearchResult all = d.search(CustomerQuery.builder().includeInvalid().limit(100_000)
                            .build());
                    totals.put("customers", all.size() + (all.moreResults() ? "+" : ""));
                    totals.put("companies", d.companies().size());
                    totals.put("groups", d.groups().size());
                } catch (BackendUnavailableException e) {
                    totals.put("unavailable", e.getMessage());
                    unavailable = true;
                }
                report.put("directory", totals);
                report.put("status", unavailable ? "a back-end is unavailable" : "ok");
                print(report);
                return unavailable ? Exit.UNAVAILABLE : Exit.OK;
            } catch (ConfigurationException e) {
                return problems(report, e);
            } catch (BackendUnavailableException e) {
                report.put("status", e.getMessage());
                print(report);
                return Exit.UNAVAILABLE;
            }
        }

        private int problems(Map<String, Object> report, ConfigurationException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(p.key() + ": " + p.message()));
            report.put("problems", problems);
            report.put("status", problems.size() + " configuration problem(s)");
            if (json()) {
                cli().printJson(report);
            } else {
                print(report);
                cli().err.println("clientele: the configuration has " + problems.size() + " problem(s):");
                problems.forEach(p -> cli().err.println("  " + p));
            }
            return Exit.CONFIG_ERROR;
        }

        private static List<String> configured(ClienteleConfig config) {
            List<String> out = new ArrayList<>();
            for (BackendSettings s : config.backends().values()) {
                out.add(s.toString());
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

        /** What one back-end offers and holds; an unreachable store is said so, not hidden. */
        private static Map<String, Object> describe(CustomerBackend b) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            m.put("type", b.type());
            m.put("describe", b.describe());
            Map<String, Object> stores = new LinkedHashMap<>();
            try {
                b.customers().ifPresent(s -> stores.put("customers", store(s.readOnly(), () -> s.count())));
                b.companies().ifPresent(s -> stores.put("companies", store(s.readOnly(), () -> s.list().size())));
                b.groups().ifPresent(s -> stores.put("groups", store(s.readOnly(), () -> s.list().size())));
                b.memberships().ifPresent(s -> stores.put("memberships", store(s.readOnly(), null)));
                b.credentials().ifPresent(s -> stores.put("credentials", "stored password hashes"));
                b.passwordVerifier().ifPresent(s -> stores.put("passwordVerifier", "checks passwords itself (bind)"));
                b.state().ifPresent(s -> stores.put("state", "login state, reset tokens"));
            } catch (BackendUnavailableException e) {
                m.put("unavailable", e.getMessage());
            } catch (ClienteleException e) {
                m.put("problem", e.getMessage());
            }
            m.put("stores", stores);
            return m;
        }

        private static String store(boolean readOnly, Supplier<Number> count) {
            return (readOnly ? "read-only" : "read-write") + (count == null ? "" : ", " + count.get());
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
                        + ", always-groups " + p.get("alwaysGroups") + ", company always-groups "
                        + p.get("companyAlwaysGroups") + ", company inheritance "
                        + (Boolean.TRUE.equals(p.get("companyInheritance")) ? "on" : "off"));
            }
            Object backends = report.get("backends");
            if (backends instanceof List<?>) {
                for (Object o : (List<?>) backends) {
                    Map<?, ?> b = (Map<?, ?>) o;
                    out().println("back-end " + b.get("name") + " (" + b.get("type") + "): " + b.get("describe"));
                    ((Map<?, ?>) b.get("stores")).forEach((k, v) -> out().println("  " + k + ": " + v));
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
                out().println("directory: " + t.get("customers") + " customer(s), " + t.get("companies")
                        + " company(ies), " + t.get("groups") + " group(s)"
                        + (t.containsKey("unavailable") ? " — UNAVAILABLE: " + t.get("unavailable") : ""));
            }
            out().println("status: " + report.get("status"));
        }
    }
}
