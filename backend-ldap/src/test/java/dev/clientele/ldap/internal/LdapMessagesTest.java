package dev.clientele.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Messages of the LDAP back-end never carry a whole filter or value: the SDK's text is cut. */
@DisplayName("LDAP messages: filters and values shortened")
class LdapMessagesTest {
    private static final String HUGE_FILTER = "(&(objectClass=inetOrgPerson)(cn=*" + "a".repeat(1_000_000) + "*))";

    @Test
    @DisplayName("a client-side timeout quoting a megabyte filter becomes a short message, and so does its copy")
    void timeoutMessageShortened() {
        LDAPException sdk = new LDAPException(ResultCode.TIMEOUT,
                "A client-side timeout was encountered while waiting for a response to SearchRequest(filter='"
                        + HUGE_FILTER + "')");

        String described = LdapMessages.describe(sdk);
        LDAPException copy = LdapMessages.bounded(sdk);

        assertThat(described).hasSizeLessThan(400).contains("(85): A client-side timeout")
                .contains("characters)");
        assertThat(copy.getMessage()).hasSizeLessThan(400);
        assertThat(copy.getResultCode()).isEqualTo(ResultCode.TIMEOUT);
        assertThat(copy.getStackTrace()).isEqualTo(sdk.getStackTrace());
        assertThat(LdapMessages.shortened(HUGE_FILTER)).hasSizeLessThan(300).endsWith("(" + HUGE_FILTER.length()
                + " characters)");
        assertThat(LdapMessages.shortened("(uid=jdoe)")).isEqualTo("(uid=jdoe)");
    }
}
