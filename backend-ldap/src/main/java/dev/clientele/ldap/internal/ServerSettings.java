package dev.clientele.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.clientele.spi.BackendSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the directory is and how long to wait for it: {@code url} (one or more servers, one scheme),
 * {@code server-set}, {@code connect-timeout}, {@code response-timeout}.
 *
 * @param urls the servers, in the order given
 * @param ldaps true for {@code ldaps://} URLs (TLS from the start)
 */
public record ServerSettings(List<LDAPURL> urls, boolean ldaps, ServerSetKind serverSet, Duration connectTimeout,
        Duration responseTimeout) {

    /** How several server URLs are used. */
    public enum ServerSetKind {
        /** The first reachable server in the given order; the others only while it is down. */
        FAILOVER,
        /** Connections spread over the servers in turn. */
        ROUND_ROBIN
    }

    public ServerSettings {
        urls = List.copyOf(urls);
    }

    /** Reads the section, recording its problems in {@code r}. */
    static ServerSettings read(BackendSettings.Reader r) {
        List<LDAPURL> urls = new ArrayList<>();
        boolean ldaps = false;
        String url = r.required("url");
        if (url != null) {
            ldaps = readUrls(r, url, urls);
        }
        ServerSetKind serverSet = ServerSetKind.FAILOVER;
        String set = r.string("server-set", "failover").toLowerCase(Locale.ROOT);
        switch (set) {
            case "failover": serverSet = ServerSetKind.FAILOVER; break;
            case "round-robin": serverSet = ServerSetKind.ROUND_ROBIN; break;
            default: r.problem("server-set", "must be failover or round-robin, was '" + set + "'");
        }
        Duration connectTimeout = SettingValues.positive(r, "connect-timeout",
                r.duration("connect-timeout", Duration.ofSeconds(5)));
        Duration responseTimeout = SettingValues.positive(r, "response-timeout",
                r.duration("response-timeout", Duration.ofSeconds(10)));
        return new ServerSettings(urls, ldaps, serverSet, connectTimeout, responseTimeout);
    }

    /** Adds the URLs of the value to {@code out}; true if they are ldaps:// URLs. */
    private static boolean readUrls(BackendSettings.Reader r, String value, List<LDAPURL> out) {
        String scheme = null;
        for (String u : value.trim().split("[\\s,]+")) {
            try {
                LDAPURL parsed = new LDAPURL(u);
                if (!parsed.hostProvided()) {
                    r.problem("url", "'" + u + "' names no host");
                    continue;
                }
                if (parsed.baseDNProvided() || parsed.attributesProvided() || parsed.filterProvided()
                        || parsed.scopeProvided()) {
                    r.problem("url", "'" + u + "' must name only a server (give the base DN in base-dn)");
                    continue;
                }
                if (scheme != null && !scheme.equals(parsed.getScheme())) {
                    r.problem("url", "mixes ldap:// and ldaps:// URLs; use one scheme for every server");
                    return false;
                }
                scheme = parsed.getScheme();
                out.add(parsed);
            } catch (LDAPException e) {
                r.problem("url", "'" + u + "' is not an ldap:// or ldaps:// URL: " + e.getMessage());
            }
        }
        return "ldaps".equals(scheme);
    }

    /** The servers, and how they are used when there are several. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (LDAPURL u : urls) {
            sb.append(sb.length() == 0 ? "" : " ").append(u);
        }
        if (urls.size() > 1) {
            sb.append(" (").append(serverSet == ServerSetKind.FAILOVER ? "failover" : "round-robin").append(')');
        }
        return sb.toString();
    }
}
