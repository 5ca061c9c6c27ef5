package dev.clientele.ldap.internal;

import dev.clientele.spi.BackendSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the directory's certificate is checked: {@code start-tls}, {@code trust-store}, {@code trust-store-password},
 * {@code trust-store-type}, {@code trust-all}. The trust store password is a secret: handed out as a copy, never
 * shown.
 */
public record TlsSettings(boolean startTls, Optional<String> trustStore, Optional<char[]> trustStorePassword,
        Optional<String> trustStoreType, boolean trustAll) {

    /** Reads the section, recording its problems in {@code r}; {@code ldaps}: the servers' URLs are ldaps://. */
    static TlsSettings read(BackendSettings.Reader r, boolean ldaps) {
        boolean startTls = r.bool("start-tls", false);
        if (startTls && ldaps) {
            r.problem("start-tls", "cannot be used with ldaps:// URLs (they are TLS from the start)");
        }
        Optional<String> trustStore = r.path("trust-store");
        Optional<char[]> trustStorePassword = r.secret("trust-store-password");
        Optional<String> trustStoreType = r.optional("trust-store-type");
        if (trustStore.isPresent() && !Files.isReadable(Path.of(trustStore.get()))) {
            r.problem("trust-store", "no readable file '" + trustStore.get() + "'");
        }
        boolean trustAll = r.bool("trust-all", false);
        if (trustAll && trustStore.isPresent()) {
            r.problem("trust-all", "cannot be used with trust-store");
        }
        return new TlsSettings(startTls, trustStore, trustStorePassword, trustStoreType, trustAll);
    }

    /** A copy of the trust store password, if any; the caller clears it after use. */
    @Override
    public Optional<char[]> trustStorePassword() {
        return trustStorePassword.map(char[]::clone);
    }

    @Override
    public String toString() {
        return "TlsSettings[startTls=" + startTls + ", trustStore=" + trustStore.orElse("(JVM default)")
                + ", trustStorePassword=" + (trustStorePassword.isPresent() ? dev.clientele.spi.Secrets.MASK : "(none)")
                + ", trustStoreType=" + trustStoreType.orElse("(default)") + ", trustAll=" + trustAll + "]";
    }
}
