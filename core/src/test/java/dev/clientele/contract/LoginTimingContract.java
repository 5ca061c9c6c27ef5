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
 * time.
 *
 * <p>What fails is one kind being systematically costlier than the other by more than {@value #TOLERANCE_PERCENT}%:
 * each side is ranked against the other side's durations scaled up by that much, and a one-sided z above
 * {@value #Z_LIMIT} fails (two distributions that never overlap give about 6.6 with {@value #TRIES} tries each). The
 * tolerance is for the store calls themselves: the tests hash with cheap parameters, so a try costs well under a
 * millisecond and a found row read or written costs a measurable few tens of microseconds more than a missing one
 * (on H2 and PostgreSQL the difference was 5 to 12%, which a plain rank test of 30 tries flags at random). With a
 * production hash (tens of milliseconds) that difference is a fraction of a percent. The holes this guards against
 * were a factor of 10 to 50 (a skipped dummy hash, an unpaid bind), and any difference of more than about a half
 * fails every run.
 */
public abstract class LoginTimingContract extends BackendContractSupport {
    private static final int TRIES = 30;
    private static final int WARM_UP = 10;
    static final double Z_LIMIT = 4.0;
    private static final int TOLERANCE_PERCENT = 25;
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
        double aCostlier = costlierZ(as, bs);
        double bCostlier = costlierZ(bs, as);
        System.out.printf("login timing: %s median %.2f ms, %s median %.2f ms, Mann-Whitney z = %.2f"
                + " (costlier by more than %d%%: z = %.2f / %.2f)%n", aName, median(as) / 1e6, bName,
                median(bs) / 1e6, z, TOLERANCE_PERCENT, aCostlier, bCostlier);
        assertThat(aCostlier).as("z of %s (median %.2f ms) being more than %d%% costlier than %s (median %.2f ms)",
                aName, median(as) / 1e6, TOLERANCE_PERCENT, bName, median(bs) / 1e6).isLessThan(Z_LIMIT);
        assertThat(bCostlier).as("z of %s (median %.2f ms) being more than %d%% costlier than %s (median %.2f ms)",
                bName, median(bs) / 1e6, TOLERANCE_PERCENT, aName, median(as) / 1e6).isLessThan(Z_LIMIT);
    }

    /** z of {@code a} being costlier than {@code b} by more than the tolerance: b's durations are scaled up by it. */
    static double costlierZ(long[] a, long[] b) {
        return mannWhitneyZ(a, Arrays.stream(b).map(t -> t * (100 + TOLERANCE_PERCENT) / 100).toArray());
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
