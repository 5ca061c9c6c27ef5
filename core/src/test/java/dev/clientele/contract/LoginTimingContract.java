package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.AuthenticationResult.Outcome;
import dev.clientele.CustomerDirectory;
import dev.clientele.password.LockoutPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Timing of failed logins: an unknown login must cost what a wrong password costs, and a locked account must
 * answer like bad credentials at the same cost, so neither tells a caller which logins exist. Compared as
 * distributions of interleaved tries with a rank test (Mann-Whitney U, normal approximation), never against a fixed
 * time: the threshold is generous (|z| below {@value #Z_LIMIT}; two distributions that never overlap give about 6.6
 * with {@value #TRIES} tries each), so a loaded machine does not make it fail, a systematic difference does.
 */
public abstract class LoginTimingContract extends BackendContractSupport {
    private static final int TRIES = 30;
    private static final int WARM_UP = 10;
    private static final double Z_LIMIT = 4.5;
    private static final String WRONG = "Wr0ng-Horse-Battery";

    private CustomerDirectory auth;

    @BeforeEach
    void timingDirectory() {
        // A limit no test reaches: every wrong password is counted (reserved in the state store) but never locks.
        auth = newDirectory(b -> b.lockout(LockoutPolicy.of(100_000, Duration.ofMinutes(15), Duration.ofMinutes(10))));
        auth.createCustomer(customer("jdoe").build(), PASSWORD.toCharArray());
    }

    @Test
    @DisplayName("an unknown login costs what a wrong password costs (rank test over interleaved tries)")
    void unknownLoginCostsAWrongPassword() {
        assertSameCost("wrong password of jdoe", i -> auth.authenticate("jdoe", WRONG.toCharArray()).outcome(),
                "unknown login", i -> auth.authenticate("nobody" + i, WRONG.toCharArray()).outcome());
    }

    @Test
    @DisplayName("a locked account answers BAD_CREDENTIALS at the cost of an unknown login; loginStatus still tells")
    void lockedAccountLooksLikeBadCredentials() {
        CustomerDirectory strict = newDirectory(b -> b.lockout(LockoutPolicy.of(3, Duration.ofMinutes(15),
                Duration.ofMinutes(10))));
        for (int i = 0; i < 6; i++) {
            assertThat(strict.authenticate("jdoe", WRONG.toCharArray()).outcome()).as("wrong password %d", i + 1)
                    .isEqualTo(Outcome.BAD_CREDENTIALS);
            assertThat(strict.authenticate("nobody", WRONG.toCharArray()).outcome()).as("unknown login, try %d", i + 1)
                    .isEqualTo(Outcome.BAD_CREDENTIALS);
        }
        assertThat(strict.authenticate("jdoe", PASSWORD.toCharArray()).outcome()).as("right password while locked")
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(strict.loginStatus("jdoe").lockedUntil()).as("what an admin sees").isPresent();
        assertThat(events.ofType(dev.clientele.CustomerEvent.Type.LOGIN_FAILED)).as("events of the locked login")
                .anyMatch(e -> e.subject().equals("jdoe") && e.detail().contains("locked out"));

        assertSameCost("locked account", i -> strict.authenticate("jdoe", WRONG.toCharArray()).outcome(),
                "unknown login", i -> strict.authenticate("nobody" + i, WRONG.toCharArray()).outcome());
    }

    /** Interleaves the two kinds of try (in a random order per pair) and compares their durations by rank. */
    private static void assertSameCost(String aName, IntFunction<Outcome> a, String bName, IntFunction<Outcome> b) {
        Random order = new Random(42);
        long[] as = new long[TRIES];
        long[] bs = new long[TRIES];
        for (int i = -WARM_UP; i < TRIES; i++) {
            boolean aFirst = order.nextBoolean();
            long first = time(aFirst ? a : b, i);
            long second = time(aFirst ? b : a, i);
            if (i >= 0) {
                as[i] = aFirst ? first : second;
                bs[i] = aFirst ? second : first;
            }
        }
        double z = mannWhitneyZ(as, bs);
        System.out.printf("login timing: %s median %.2f ms, %s median %.2f ms, Mann-Whitney z = %.2f%n", aName,
                median(as) / 1e6, bName, median(bs) / 1e6, z);
        assertThat(Math.abs(z)).as("|z| of %s (median %.2f ms) against %s (median %.2f ms)", aName, median(as) / 1e6,
                bName, median(bs) / 1e6).isLessThan(Z_LIMIT);
    }

    private static long time(IntFunction<Outcome> attempt, int i) {
        long start = System.nanoTime();
        Outcome o = attempt.apply(i);
        long took = System.nanoTime() - start;
        assertThat(o).isEqualTo(Outcome.BAD_CREDENTIALS);
        return took;
    }

    /** z of the Mann-Whitney U statistic of two samples (ties get their mean rank). */
    static double mannWhitneyZ(long[] a, long[] b) {
        int n = a.length + b.length;
        long[][] all = new long[n][];
        for (int i = 0; i < a.length; i++) {
            all[i] = new long[] {a[i], 0};
        }
        for (int i = 0; i < b.length; i++) {
            all[a.length + i] = new long[] {b[i], 1};
        }
        Arrays.sort(all, (x, y) -> Long.compare(x[0], y[0]));
        double rankSumA = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && all[j][0] == all[i][0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (all[k][1] == 0) {
                    rankSumA += rank;
                }
            }
            i = j;
        }
        double u = rankSumA - a.length * (a.length + 1) / 2.0;
        double mean = a.length * (double) b.length / 2;
        double sd = Math.sqrt(a.length * (double) b.length * (n + 1) / 12);
        return (u - mean) / sd;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return (s[s.length / 2] + s[(s.length - 1) / 2]) / 2.0;
    }
}
