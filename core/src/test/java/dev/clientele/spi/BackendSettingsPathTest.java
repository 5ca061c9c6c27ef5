package dev.clientele.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.config.ClienteleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("File paths in back-end settings resolve against the configuration file's folder")
class BackendSettingsPathTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("relative against the base folder; absolute and ~ as given; without a file, the working folder")
    void resolve() {
        BackendSettings fromFile = new BackendSettings("local", "jdbc", Map.of("fixture", "data/x.fixture"),
                dir.resolve("conf"));
        assertThat(fromFile.resolve("data/x.fixture")).isEqualTo(dir.resolve("conf/data/x.fixture").toString());
        assertThat(fromFile.resolve("./a/../b")).isEqualTo(dir.resolve("conf/b").toString());
        assertThat(fromFile.resolve(dir.resolve("abs").toString())).isEqualTo(dir.resolve("abs").toString());
        assertThat(fromFile.resolve("~/store")).isEqualTo("~/store");
        assertThat(fromFile.reader().path("fixture")).contains(dir.resolve("conf/data/x.fixture").toString());
        assertThat(fromFile.baseDirectory()).contains(dir.resolve("conf"));

        BackendSettings plain = BackendSettings.of("local", "jdbc", Map.of());
        assertThat(plain.baseDirectory()).isEmpty();
        assertThat(plain.resolve("x")).isEqualTo(Path.of("").toAbsolutePath().resolve("x").toString());
    }

    @Test
    @DisplayName("ClienteleConfig.load gives every back-end the file's folder; from(Map) gives none")
    void loadedFromFile() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("etc"));
        Path file = Files.writeString(conf.resolve("c.properties"), "clientele.backend.local.type = memory\n");
        assertThat(ClienteleConfig.load(file, Map.of()).backends().get("local").baseDirectory()).contains(conf);
        assertThat(ClienteleConfig.from(Map.of("clientele.backend.local.type", "memory")).backends().get("local")
                .baseDirectory()).isEmpty();
    }
}
