package dev.clientele.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A search term")
class SearchTermTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', value = {
            "jo|John|true", "jo|Ajo|false", "jo*|john|true", "*oe|Doe|true", "*oe|Does|false",
            "*oh*|John|true", "j*n|John|true", "j*n|Johnny|false", "j*n*y|Johnny|true", "*|anything|true",
            "john|john|true", "a*a|a|false", "a*a|aa|true", "ab*ab|abab|true", "ab*ab|aba|false",
            "o%|o%x|true", "o%|ox|false", "o_|ox|false", "o_|o_|true", "back\\|back\\slash|true",
            "jür|Jürgen|true", "ÆRØ*|ærøskøbing|true", "**a**|xax|true"})
    void matches(String term, String value, boolean expected) {
        assertThat(SearchTerm.parse(term).matches(value)).isEqualTo(expected);
    }

    @Test
    @DisplayName("has a literal prefix unless it starts with a wildcard")
    void literalPrefix() {
        assertThat(SearchTerm.parse("Jo").literalPrefix()).isEqualTo("jo");
        assertThat(SearchTerm.parse("jo*n").literalPrefix()).isEqualTo("jo");
        assertThat(SearchTerm.parse("*jo").literalPrefix()).isEmpty();
    }

    @Test
    @DisplayName("becomes a LIKE pattern with %, _ and the escape character escaped")
    void likePattern() {
        assertThat(SearchTerm.parse("jo").toLikePattern('\\')).isEqualTo("jo%");
        assertThat(SearchTerm.parse("*o%_\\*").toLikePattern('\\')).isEqualTo("%o\\%\\_\\\\%");
        assertThat(SearchTerm.parse("a*b").toLikePattern('!')).isEqualTo("a%b");
        assertThat(SearchTerm.parse("*").toLikePattern('!')).isEqualTo("%");
    }
}
