package dev.clientele.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real shaded jar in a separate process ({@code java -jar clientele-examples.jar ...}), in a working folder
 * of the test's, with no {@code CLIENTELE_*} variable of the caller's environment. The jar's path comes from the
 * build ({@code -Dclientele.jar=${project.build.directory}/clientele-examples.jar}, set by failsafe).
 */
final class Jar {
    private final Path workDir;
    private final Map<String, String> env;

    /** One run's outcome. */
    record Result(int code, String out, String err) {
        Result ok() {
            assertThat(code).as("exit code of a run that should succeed; stderr:%n%s%nstdout:%n%s", err, out).isZero();
            return this;
        }

        Result exits(int expected) {
            assertThat(code).as("exit code; stderr:%n%s%nstdout:%n%s", err, out).isEqualTo(expected);
            return this;
        }
    }

    Jar(Path workDir, Map<String, String> env) {
        this.workDir = workDir;
        this.env = env;
    }

    static Path jar() {
        String p = System.getProperty("clientele.jar");
        assertThat(p).as("system property clientele.jar (set by failsafe in examples/pom.xml)").isNotBlank();
        Path jar = Path.of(p);
        assertThat(jar).as("the shaded jar (built in the package phase)").isRegularFile();
        return jar;
    }

    Result run(String... args) {
        return runWithInput(null, args);
    }

    Result runWithInput(String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return exec(stdin, cmd, args);
    }

    /** {@code java -cp clientele-examples.jar MAIN_CLASS}. */
    Result runClass(String mainClass) {
        return exec(null, List.of("-cp", jar().toString(), mainClass), new String[] {mainClass});
    }

    private Result exec(String stdin, List<String> javaArgs, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CLIENTELE_"));
        pb.environment().put("COLUMNS", "100");
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            }
            Process p = pb.start();
            if (stdin != null) {
                try (OutputStream os = p.getOutputStream()) {
                    os.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("clientele " + String.join(" ", args) + " did not finish in 120 s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
