package dev.clientele.examples;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A small LDAP server on 127.0.0.1:1389 (UnboundID's in-memory directory server) with one customer, {@code jdoe}
 * (password {@value AnyBackendExample#PASSWORD}), for trying {@code examples/config/ldap.properties} without a
 * corporate directory. Stops with Ctrl-C.
 *
 * <pre>java -cp examples/target/clientele-examples.jar dev.clientele.examples.LocalLdapServer</pre>
 */
public final class LocalLdapServer {
    private LocalLdapServer() {
    }

    public static void main(String[] args) throws LDAPException, LDIFException, UnknownHostException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 1389;
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), port, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people,dc=example,dc=com", "objectClass: top", "objectClass: organizationalUnit",
                "ou: people");
        server.add("dn: uid=jdoe,ou=people,dc=example,dc=com", "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: jdoe", "cn: John Doe",
                "givenName: John", "sn: Doe", "mail: jdoe@acme.example", "o: acme",
                "userPassword: " + AnyBackendExample.PASSWORD);
        server.startListening();
        System.out.println("LDAP server on ldap://127.0.0.1:" + server.getListenPort()
                + " (base dc=example,dc=com, customer uid=jdoe); Ctrl-C stops it.");
    }
}
