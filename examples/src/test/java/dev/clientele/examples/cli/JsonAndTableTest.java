package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Validity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON output and tables")
class JsonAndTableTest {

    @Test
    @DisplayName("JSON escapes quotes, backslashes, control and non-ASCII characters")
    void jsonEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\t\u0001é€");
        m.put("n", 3);
        m.put("b", true);
        m.put("none", null);
        m.put("opt", Optional.empty());
        m.put("list", List.of("x", 1.5));
        m.put("empty", List.of());
        m.put("validity", Validity.INVALID_TEMPORARILY);
        assertThat(Json.write(m)).isEqualTo("{\n"
                + "  \"s\": \"a\\\"b\\\\c\\n\\t\\u0001\\u00e9\\u20ac\",\n"
                + "  \"n\": 3,\n  \"b\": true,\n  \"none\": null,\n  \"opt\": null,\n"
                + "  \"list\": [\n    \"x\",\n    1.5\n  ],\n  \"empty\": [],\n"
                + "  \"validity\": \"invalid-temporarily\"\n}");
    }

    @Test
    @DisplayName("a table shrinks its widest column to fit the width, marking cut cells with ~")
    void tableFits() {
        Table t = new Table("LOGIN", "EMAIL");
        t.row("jdoe", "a-very-long-email-address-that-does-not-fit@example.com");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), 30);
        List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
        assertThat(lines.get(2)).startsWith("jdoe   a-very-long").endsWith("~");
    }

    @Test
    @DisplayName("picocli's conversion messages lose the Java exception's name")
    void plainMessages() {
        assertThat(Errors.plain("Invalid value for positional parameter at index 3 (ro|rw): cannot convert 'x' to"
                + " Permission (java.lang.IllegalArgumentException: permission must be 'ro' or 'rw', not 'x')"))
                .isEqualTo("Invalid value for positional parameter at index 3 (ro|rw): permission must be 'ro' or"
                        + " 'rw', not 'x'");
    }
}
