package dev.clientele.internal;

import dev.clientele.ClienteleException;
import dev.clientele.ConfigurationException;
import dev.clientele.ConfigurationException.Problem;
import dev.clientele.spi.CustomerBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which back-end plays which role (the chain of customer sources, where new customers go, the one store of groups,
 * companies and state, the membership sources), checked against what each back-end offers.
 */
record Roles(List<String> customers, Optional<String> createIn, Optional<String> groups,
        Optional<String> companies, List<String> memberships, Optional<String> state) {

    /**
     * The roles as chosen (a {@code null} choice: every back-end offering it, or the first one), each problem added
     * to {@code problems} naming its key.
     */
    static Roles assign(Map<String, CustomerBackend> backends, List<String> customers, String createIn, String groups,
            String companies, List<String> memberships, String state, List<Problem> problems) {
        List<String> c = customers != null ? customers : offering(backends, b -> b.customers().isPresent());
        for (String n : c) {
            require(backends, problems, "clientele.customers", n, b -> b.customers().isPresent(), "customers");
        }
        if (c.isEmpty() && !backends.isEmpty()) {
            problems.add(new Problem("clientele.customers", "no back-end offers customers"));
        }
        Optional<String> create;
        if (createIn != null) {
            if (!c.contains(createIn)) {
                problems.add(new Problem("clientele.customers.create-in", "names '" + createIn
                        + "', which is not one of the customer sources " + c));
            }
            create = Optional.of(createIn);
        } else {
            create = c.stream().filter(n -> backends.containsKey(n) && backends.get(n).customers()
                    .map(s -> !s.readOnly()).orElse(false)).findFirst();
        }
        Optional<String> g = single(backends, problems, "clientele.groups", groups, b -> b.groups().isPresent(), "groups");
        Optional<String> co = single(backends, problems, "clientele.companies", companies,
                b -> b.companies().isPresent(), "companies");
        Optional<String> st = single(backends, problems, "clientele.state", state, b -> b.state().isPresent(), "state");
        List<String> m = memberships != null ? memberships : offering(backends, b -> b.memberships().isPresent());
        for (String n : m) {
            require(backends, problems, "clientele.memberships", n, b -> b.memberships().isPresent(), "memberships");
        }
        return new Roles(List.copyOf(c), create, g, co, List.copyOf(m), st);
    }

    /** The error of a call that needs a role no back-end plays. */
    static ClienteleException noStore(String key, String what) {
        return new ConfigurationException(key, "no back-end holds " + what + "; configure one that offers " + what);
    }

    private static List<String> offering(Map<String, CustomerBackend> backends, Function<CustomerBackend, Boolean> has) {
        List<String> out = new ArrayList<>();
        backends.forEach((n, b) -> {
            if (has.apply(b)) {
                out.add(n);
            }
        });
        return out;
    }

    private static Optional<String> single(Map<String, CustomerBackend> backends, List<Problem> problems, String key,
            String chosen, Function<CustomerBackend, Boolean> has, String what) {
        if (chosen == null) {
            return offering(backends, has).stream().findFirst();
        }
        require(backends, problems, key, chosen, has, what);
        return Optional.of(chosen);
    }

    private static void require(Map<String, CustomerBackend> backends, List<Problem> problems, String key,
            String name, Function<CustomerBackend, Boolean> has, String what) {
        CustomerBackend b = backends.get(name);
        if (b == null) {
            problems.add(new Problem(key, "names back-end '" + name + "', which is not configured (configured: "
                    + String.join(", ", backends.keySet()) + ")"));
        } else if (!has.apply(b)) {
            problems.add(new Problem(key, "back-end '" + name + "' (" + b.type() + ") does not offer " + what));
        }
    }
}
