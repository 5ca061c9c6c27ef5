package dev.clientele.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import dev.clientele.BackendUnavailableException;
import dev.clientele.ldap.testing.InMemoryTestDirectory;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldaps:// and StartTLS against the in-memory server with a self-signed certificate for 127.0.0.1. */
@DisplayName("TLS: ldaps://, StartTLS and the trust store")
class TlsTest {
    private static final String STORE_PASSWORD = "Store-Secret-5";
    @TempDir
    static Path folder;
    private static Path keyStore;
    private static InMemoryTestDirectory server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        keyStore = folder.resolve("server.p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode rc = ManageCertificates.main(new java.io.ByteArrayInputStream(new byte[0]), out, out, "generate-self-signed-certificate", "--keystore",
                keyStore.toString(), "--keystore-password", STORE_PASSWORD, "--keystore-type", "PKCS12", "--alias",
                "server", "--subject-dn", "CN=localhost", "--subject-alternative-name-ip-address", "127.0.0.1",
                "--days-valid", "2");
        assertThat(rc).as(out.toString()).isEqualTo(ResultCode.SUCCESS);
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), STORE_PASSWORD.toCharArray(),
                "PKCS12", "server"), new TrustAllTrustManager());
        server = InMemoryTestDirectory.start(0, c -> {
            try {
                c.setListenerConfigs(
                        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                                serverSsl.createSSLSocketFactory()),
                        InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                                serverSsl.createSSLServerSocketFactory(), serverSsl.createSSLSocketFactory()));
            } catch (LDAPException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        base = server.newSubtree("people");
        server.add("dn: uid=jdoe," + base, "objectClass: inetOrgPerson", "uid: jdoe", "cn: John Doe", "sn: Doe",
                "userPassword: Corr3ct-Horse-Battery");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> settings(String url) {
        Map<String, String> s = server.settings(base);
        s.put("url", url);
        return s;
    }

    private static String ldaps() {
        return "ldaps://127.0.0.1:" + server.server().getListenPort("ldaps");
    }

    @Test
    @DisplayName("ldaps:// with the server's certificate in trust-store works, binds included")
    void ldapsWithTrustStore() {
        Map<String, String> s = settings(ldaps());
        s.put("trust-store", keyStore.toString());
        s.put("trust-store-password", STORE_PASSWORD);
        s.put("trust-store-type", "PKCS12");
        try (LdapBackend b = LdapBackend.create("tls", s)) {
            assertThat(b.customers().orElseThrow().findByLogin("jdoe")).isPresent();
            assertThat(b.passwordVerifier().orElseThrow().verify("jdoe", "Corr3ct-Horse-Battery".toCharArray()))
                    .isEqualTo(dev.clientele.spi.PasswordVerifier.Verification.VALID);
        }
    }

    @Test
    @DisplayName("StartTLS on ldap:// with trust-store works")
    void startTls() {
        Map<String, String> s = settings("ldap://127.0.0.1:" + server.server().getListenPort("ldap"));
        s.put("start-tls", "true");
        s.put("trust-store", keyStore.toString());
        s.put("trust-store-password", STORE_PASSWORD);
        try (LdapBackend b = LdapBackend.create("tls", s)) {
            assertThat(b.customers().orElseThrow().findByLogin("jdoe")).isPresent();
        }
    }

    @Test
    @DisplayName("a certificate the JVM does not trust: BackendUnavailableException at start, naming url")
    void untrusted() {
        assertThatExceptionOfType(BackendUnavailableException.class)
                .isThrownBy(() -> LdapBackend.create("tls", settings(ldaps())))
                .withMessageContaining("clientele.backend.tls.url");
    }

    @Test
    @DisplayName("trust-all accepts any certificate (tests only)")
    void trustAll() {
        Map<String, String> s = settings(ldaps());
        s.put("trust-all", "true");
        try (LdapBackend b = LdapBackend.create("tls", s)) {
            assertThat(b.customers().orElseThrow().findByLogin("jdoe")).isPresent();
        }
    }
}
