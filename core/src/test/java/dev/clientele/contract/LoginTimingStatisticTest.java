package dev.clientele.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rank statistic of {@link LoginTimingContract}: it tells a systematic difference from noise. */
class LoginTimingStatisticTest {
    private static final Random RANDOM = new Random(7);

    private static long[] around(long median, int spreadPercent) {
        return LongStream.range(0, 30)
                .map(i -> median + (long) (RANDOM.nextGaussian() * median * spreadPercent / 100)).toArray();
    }

    @Test
    @DisplayName("a sample against itself gives z = 0; one entirely above another gives about 6.6")
    void extremes() {
        long[] a = around(1_000_000, 10);
        assertThat(LoginTimingContract.mannWhitneyZ(a, a)).isZero();
        long[] low = LongStream.range(0, 30).toArray();
        long[] high = LongStream.range(100, 130).toArray();
        assertThat(LoginTimingContract.mannWhitneyZ(high, low)).isGreaterThan(6.5);
        assertThat(LoginTimingContract.mannWhitneyZ(low, high)).isLessThan(-6.5);
    }

    @Test
    @DisplayName("a 10% difference passes the tolerance; a 60% difference and a factor of 50 fail it")
    void tolerance() {
        long[] cost = around(1_000_000, 10);
        assertThat(LoginTimingContract.costlierZ(around(1_100_000, 10), cost)).isLessThan(LoginTimingContract.Z_LIMIT);
        assertThat(LoginTimingContract.costlierZ(cost, around(1_100_000, 10))).isLessThan(LoginTimingContract.Z_LIMIT);
        assertThat(LoginTimingContract.costlierZ(around(1_600_000, 10), cost))
                .isGreaterThan(LoginTimingContract.Z_LIMIT);
        assertThat(LoginTimingContract.costlierZ(around(50_000_000, 10), cost))
                .isGreaterThan(LoginTimingContract.Z_LIMIT);
    }
}
