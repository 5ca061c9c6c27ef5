package dev.clientele.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import dev.clientele.CustomerField;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.SearchTerm;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Search terms as LDAP filters")
class CustomerMapperTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "jo        | (sn=jo*)",
            "*         | (sn=*)",
            "*oe       | (sn=*oe)",
            "*mit*     | (sn=*mit*)",
            "s*h       | (sn=s*h)",
            "a*b*c*    | (sn=a*b*c*)",
            "*a*b*c    | (sn=*a*b*c)",
            "x*        | (sn=x*)",
            "JÜR*      | (sn=j*r*)",
            "İstanbul  | (sn=i*stanbul*)",
            "ǅemal     | (sn=*emal*)",
            "ǆ         | (sn=*)",
            "ab*ü      | (sn=ab*)"})
    @DisplayName("a term becomes a presence, substring or equality filter built from its parts; a character beyond "
            + "ASCII is left to a wildcard (the server folds its case its own way)")
    void termFilters(String term, String filter) {
        assertThat(CustomerMapper.matching("sn", SearchTerm.parse(term)).toString()).isEqualTo(filter);
    }

    @Test
    @DisplayName("filter characters in a term are escaped values, never filter syntax")
    void specialCharactersEscaped() {
        Filter f = CustomerMapper.matching("sn", SearchTerm.parse("*)(uid=*)(|(x\\\0="));

        assertThat(f.getFilterType()).isEqualTo(Filter.FILTER_TYPE_SUBSTRING);
        assertThat(f.toString()).isEqualTo("(sn=*\\29\\28uid=*\\29\\28|\\28x\\5c\\00=)");
    }

    @Test
    @DisplayName("a term is an OR over the searched fields' attributes; a field without attribute is left out")
    void termOverFields() {
        LdapSettings settings = LdapSettings.read(BackendSettings.of("corp", "ldap", Map.of(
                "url", "ldap://127.0.0.1", "base-dn", "dc=example,dc=com")));
        CustomerMapper mapper = new CustomerMapper(settings.origin(), settings.mapping(), settings.search());

        Filter f = mapper.term(SearchTerm.parse("jo"), EnumSet.of(CustomerField.LOGIN, CustomerField.LAST_NAME,
                CustomerField.COUNTRY));

        assertThat(f.toString()).isIn("(|(uid=jo*)(sn=jo*))", "(|(sn=jo*)(uid=jo*))");
        assertThat(mapper.term(SearchTerm.parse("jo"), EnumSet.of(CustomerField.COUNTRY))).isNull();
    }
}
