package dev.clientele.examples.cli;

import dev.clientele.CustomerDirectory;
import dev.clientele.CustomerGroupPolicy;
import dev.clientele.memory.MemoryBackend;
import dev.clientele.password.Pbkdf2PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the tool in this JVM over one shared in-memory back-end, so several commands in a row see each other's
 * changes (each command still opens and closes its own directory, as in a real run). Fast: passwords are hashed
 * with 1,000 iterations.
 */
final class InProcess {
    final MemoryBackend backend = MemoryBackend.create("local");
    final Map<String, String> env = new HashMap<>(Map.of("COLUMNS", "100"));
    CustomerGroupPolicy policy = CustomerGroupPolicy.builder().groupSupport(true).build();

    /** The outcome of one run. */
    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClienteleCli cli = new ClienteleCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, this::directory, () -> null);
        int code = cli.run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    CustomerDirectory directory() {
        return CustomerDirectory.builder().backend(backend).policy(policy)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
    }
}
