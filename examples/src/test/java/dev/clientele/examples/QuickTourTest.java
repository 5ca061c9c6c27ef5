package dev.clientele.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The quick tour")
class QuickTourTest {

    @Test
    @DisplayName("runs on the in-memory back-end found by ServiceLoader and shows permissions and logins")
    void runsAndShowsTheMainFeatures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickTour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("email: is not a valid email address", "firstName: is required");
        assertThat(out).contains("jane: {billing=RO, support=RW, users=RW}");
        assertThat(out).contains("may john write in support? false");
        assertThat(out).contains("right password: SUCCESS", "wrong password: BAD_CREDENTIALS",
                "unknown login:  BAD_CREDENTIALS");
        assertThat(out).contains("john: {}");
        assertThat(out).doesNotContain("correct horse battery");
        assertThat(out).endsWith("Done." + System.lineSeparator());
    }
}
