package dev.clientele.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the benchmark runnable: its set-up works and each measured call does what it claims. */
@DisplayName("The hot-path benchmark")
class HotPathBenchmarkTest {

    @ParameterizedTest(name = "cached={0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("sets up and answers each hot path correctly")
    void runsEachHotPath(boolean cached) {
        HotPathBenchmark b = new HotPathBenchmark();
        b.customers = 200;
        b.cached = cached;
        b.setUp();
        try {
            assertThat(b.lookupByLogin()).isPresent();
            assertThat(b.prefixSearch().customers()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.login()).startsWith("user12"));
            // Some customers hold RO on queue-3 (by their own or their company's link), most do not: the
            // measured checks must see both answers, or the benchmark measures a degenerate case.
            java.util.Set<Boolean> answers = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                answers.add(b.permissionCheck());
            }
            assertThat(answers).containsExactlyInAnyOrder(true, false);
        } finally {
            b.tearDown();
        }
    }
}
