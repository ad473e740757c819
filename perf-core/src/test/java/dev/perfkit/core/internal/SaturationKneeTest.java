package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaturationKneeTest {

    @Test
    void shouldPutKneeWhereThroughputStopsRisingWhenCurveHasACorner() {
        // 4 servers of 20 ms each: 50/s per user up to 4 users, then flat at 200/s
        List<SaturationKnee.Level> levels = new ArrayList<>();
        for (int users = 1; users <= 12; users++) {
            levels.add(new SaturationKnee.Level(users, Math.min(users, 4) * 50.0, Math.max(20e6, users * 5e6), 1));
        }

        assertThat(SaturationKnee.knee(levels)).isEqualTo(3); // index of 4 users
    }

    @Test
    void shouldFindNoKneeWhenCurveIsFlatOrTooShort() {
        List<SaturationKnee.Level> flat = List.of(new SaturationKnee.Level(1, 10, 1, 1),
                new SaturationKnee.Level(2, 10, 1, 1), new SaturationKnee.Level(3, 10, 1, 1));

        assertThat(SaturationKnee.knee(flat)).isEqualTo(-1);
        assertThat(SaturationKnee.knee(flat.subList(0, 2))).isEqualTo(-1);
    }
}
