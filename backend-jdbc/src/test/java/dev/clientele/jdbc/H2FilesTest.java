package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.jdbc.internal.H2Files;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A relative H2 file URL names the file next to the configuration, from any working folder")
class H2FilesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("relative paths (with or without file:, with settings) become absolute; mem, tcp and absolute stay")
    void resolve() {
        BackendSettings s = new BackendSettings("local", "jdbc", Map.of(), dir);
        assertThat(H2Files.resolve("jdbc:h2:./data/db", s)).isEqualTo("jdbc:h2:" + dir.resolve("data/db"));
        assertThat(H2Files.resolve("jdbc:h2:file:data/db;MODE=PostgreSQL", s))
                .isEqualTo("jdbc:h2:file:" + dir.resolve("data/db") + ";MODE=PostgreSQL");
        assertThat(H2Files.resolve("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", s)).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(H2Files.resolve("jdbc:h2:tcp://127.0.0.1/~/db", s)).isEqualTo("jdbc:h2:tcp://127.0.0.1/~/db");
        assertThat(H2Files.resolve("jdbc:h2:~/db", s)).isEqualTo("jdbc:h2:~/db");
        assertThat(H2Files.resolve("jdbc:h2:/srv/db", s)).isEqualTo("jdbc:h2:/srv/db");
        assertThat(H2Files.resolve("jdbc:postgresql://127.0.0.1/db", s)).isEqualTo("jdbc:postgresql://127.0.0.1/db");
        assertThat(H2Files.location("jdbc:h2:file:/srv/db;MODE=PostgreSQL")).isEqualTo("/srv/db");
    }

    @Test
    @DisplayName("the back-end opens the file next to its configuration and says where it is")
    void opensNextToTheConfiguration() {
        BackendSettings s = new BackendSettings("local", "jdbc", Map.of("url", "jdbc:h2:./data/store"),
                dir.resolve("conf"));
        try (CustomerBackend b = new JdbcBackendProvider().create(s)) {
            assertThat(b.describe()).contains("jdbc:h2:" + dir.resolve("conf/data/store"));
        }
        assertThat(Files.exists(dir.resolve("conf/data/store.mv.db"))).isTrue();
    }
}
