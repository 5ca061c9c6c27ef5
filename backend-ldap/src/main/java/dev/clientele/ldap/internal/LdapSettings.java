package dev.clientele.ldap.internal;

import dev.clientele.spi.BackendSettings;

/**
 * The settings of one LDAP back-end, read and checked at once: {@link #read(BackendSettings)} has each section read
 * its own keys and reports every problem of every section together in one
 * {@link dev.clientele.ConfigurationException}, naming the full keys. Immutable. Each part of the back-end takes the
 * sections it needs. The two secrets ({@code bind-password}, {@code trust-store-password}) are kept as char arrays,
 * handed out as copies and never shown.
 *
 * @param origin the back-end the settings belong to, for messages
 * @param servers {@code url}, {@code server-set} and the timeouts
 * @param tls StartTLS and the trust store
 * @param pool the connection pools' size, ages and health checks
 * @param bind the service account (or anonymous)
 * @param search the base DN, filters and limits of searches
 * @param mapping the attribute of each customer field
 * @param groups directory groups and their Clientele groups
 * @param login who may log in
 * @param writable {@code writable}: customers and passwords may be changed in the directory
 */
public record LdapSettings(SettingsOrigin origin, ServerSettings servers, TlsSettings tls, PoolSettings pool,
        BindSettings bind, SearchSettings search, MappingSettings mapping, GroupSettings groups, LoginSettings login,
        boolean writable) {

    /** Reads and checks every setting; throws one ConfigurationException listing every problem. */
    public static LdapSettings read(BackendSettings settings) {
        BackendSettings.Reader r = settings.reader();
        ServerSettings servers = ServerSettings.read(r);
        SearchSettings search = SearchSettings.read(r);
        BindSettings bind = BindSettings.read(r);
        MappingSettings mapping = MappingSettings.read(settings, r);
        PoolSettings pool = PoolSettings.read(r);
        TlsSettings tls = TlsSettings.read(r, servers.ldaps());
        boolean writable = r.bool("writable", false);
        LoginSettings login = LoginSettings.read(r);
        GroupSettings groups = GroupSettings.read(r, search.baseDn(), mapping.preset().groupType());
        r.rejectUnknownKeys().done();
        return new LdapSettings(new SettingsOrigin(settings), servers, tls, pool, bind, search, mapping, groups, login,
                writable);
    }

    /** The back-end instance name. */
    public String name() {
        return origin.name();
    }

    /** What this back-end connects to, without secrets. */
    public String describe() {
        return servers.describe() + (tls.startTls() ? " with StartTLS" : "") + ", base " + search.baseDn()
                + ", preset " + mapping.preset().key() + ", " + bind.describe()
                + (writable ? ", writable" : ", read-only");
    }

    @Override
    public String toString() {
        return "LdapSettings[" + name() + ": " + describe() + "]";
    }
}
