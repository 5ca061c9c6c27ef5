package dev.clientele.benchmarks.store;

import dev.clientele.AuthenticationResult;
import dev.clientele.CustomerQuery;
import dev.clientele.Permission;

/**
 * The measured calls, each done by Clientele and by hand ({@code raw}) on the same fixture; the JMH methods and the
 * counting pass both run them from here. A scenario without a raw counterpart returns {@code null} for it.
 */
public enum Scenario {
    CUSTOMER_AND_PERMISSIONS("customer + effective permissions by login, cache off") {
        @Override
        Object clientele(Fixture f, String login) {
            return f.cold().findAccess(login).orElseThrow();
        }

        @Override
        Object raw(Fixture f, String login) {
            return f.rawCustomerAndGroups(login);
        }
    },
    HAS_PERMISSION("hasPermission, cache off") {
        @Override
        Object clientele(Fixture f, String login) {
            return f.cold().hasPermission(login, GROUP, Permission.RO);
        }

        @Override
        Object raw(Fixture f, String login) {
            return f.rawHasPermission(login, GROUP);
        }
    },
    LOGIN("login beyond the hash (cheap hasher)") {
        @Override
        Object clientele(Fixture f, String login) {
            AuthenticationResult r = f.cold().authenticate(login, Data.PASSWORD.toCharArray());
            if (r.outcome() != AuthenticationResult.Outcome.SUCCESS) {
                throw new IllegalStateException("login of " + login + " failed: " + r.outcome());
            }
            return r;
        }

        @Override
        Object raw(Fixture f, String login) {
            if (!f.rawLogin(login, Data.PASSWORD.toCharArray())) {
                throw new IllegalStateException("raw login of " + login + " failed");
            }
            return Boolean.TRUE;
        }
    },
    BOUNDED_HAS_PERMISSION("hasPermission, cache of 1,000 missing (working set: every customer)") {
        @Override
        Object clientele(Fixture f, String login) {
            return f.bounded().hasPermission(login, GROUP, Permission.RO);
        }

        @Override
        Object raw(Fixture f, String login) {
            return f.rawHasPermission(login, GROUP);
        }
    },
    WARM_HAS_PERMISSION("hasPermission, warm cache") {
        @Override
        Object clientele(Fixture f, String login) {
            return f.warm().hasPermission(login, GROUP, Permission.RO);
        }
    },
    WARM_FIND_CUSTOMER("findCustomer, warm cache") {
        @Override
        Object clientele(Fixture f, String login) {
            return f.warm().findCustomer(login);
        }
    },
    SEARCH("search jo*, 250 rows") {
        @Override
        Object clientele(Fixture f, String login) {
            return f.cold().search(CustomerQuery.builder().text(Data.SEARCH).limit(Data.SEARCH_LIMIT).build());
        }

        @Override
        Object raw(Fixture f, String login) {
            return f.rawSearch(Data.SEARCH.substring(0, Data.SEARCH.length() - 1), Data.SEARCH_LIMIT);
        }
    };

    /** The group the permission checks ask for: a third of the customers get it by their links or company. */
    static final String GROUP = Data.group(7);
    /** The warm scenarios cycle over this many customers, well within the default cache size. */
    static final int WARM_SET = 1000;

    private final String title;

    Scenario(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean warm() {
        return this == WARM_HAS_PERMISSION || this == WARM_FIND_CUSTOMER;
    }

    abstract Object clientele(Fixture f, String login);

    Object raw(Fixture f, String login) {
        return null;
    }

    public boolean hasRaw() {
        return !warm();
    }

    /** Runs one side of the scenario. */
    public Object run(Fixture f, boolean raw, String login) {
        return raw ? raw(f, login) : clientele(f, login);
    }
}
