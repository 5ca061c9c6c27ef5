package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./clientele} launcher script itself, on its first use: it builds the jar (here a stand-in {@code mvn} on
 * the PATH that prints what Maven 3.8 prints — colour resets even in batch mode — and puts the real jar in place),
 * then runs it. No stray escape code reaches the terminal; a failed build says so and exits 70.
 */
@DisplayName("the clientele launcher: first-use build without stray colour codes")
class LauncherIT {
    @TempDir
    Path dir;

    /** The repository's launcher, copied into a folder of its own with a stand-in mvn that does {@code build}. */
    private Path launcher(String build) throws IOException {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("clientele");
        assertThat(script).as("the launcher at the repository root").isRegularFile();
        Path home = Files.createDirectories(dir.resolve("checkout"));
        Path copy = Files.copy(script, home.resolve("clientele"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\n" + build + "\n");
        for (Path p : List.of(copy, mvn)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return copy;
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().keySet().removeIf(k -> k.startsWith("CLIENTELE_"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("first use: the build message, then the tool's own output, and no escape code anywhere")
    void firstUseHasNoStrayEscapeCodes() throws Exception {
        Path launcher = launcher("printf '\\033[0m\\033[0m'\nprintf 'building\\033[0m\\n' >&2\n"
                + "mkdir -p examples/target && cp '" + Jar.jar() + "' examples/target/clientele-examples.jar");

        Run r = run(launcher, "--version");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("building the tool (first use");
        assertThat(r.out()).startsWith("clientele ");
        assertThat(r.out() + r.err()).as("no escape code").doesNotContain("\u001b");
    }

    @Test
    @DisplayName("a failed build says so and exits 70, without running anything")
    void failedBuild() throws Exception {
        Path launcher = launcher("echo '[ERROR] no compiler'\nexit 1");

        Run r = run(launcher, "--version");

        assertThat(r.code()).isEqualTo(70);
        assertThat(r.err()).contains("[ERROR] no compiler").contains("the build failed");
        assertThat(r.out()).isEmpty();
    }
}
