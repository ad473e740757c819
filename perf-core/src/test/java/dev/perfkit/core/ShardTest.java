package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The shard value: parsing, validation, shares of counts, seeds, feeder records, aligned starts. */
class ShardTest {

    @Test
    void shouldParseZeroBasedIndexWhenTextIsIndexSlashCount() {
        assertThat(Shard.parse("2/4")).isEqualTo(Shard.of(2, 4));
        assertThat(Shard.parse(" 0 / 1 ")).isEqualTo(Shard.WHOLE);
        assertThat(Shard.of(3, 4)).hasToString("3/4");
    }

    @Test
    void shouldRejectNamingFieldAndValueWhenShardIsOutOfRange() {
        assertThatThrownBy(() -> Shard.of(4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard: index must be >= 0 and < count 4 (0-based), was 4");
        assertThatThrownBy(() -> Shard.of(-1, 4)).hasMessageContaining("was -1");
        assertThatThrownBy(() -> Shard.of(0, 0)).hasMessage("shard: count must be > 0, was 0");
        assertThatThrownBy(() -> Shard.parse("1-4")).hasMessageContaining("was \"1-4\"");
        assertThatThrownBy(() -> Shard.parse("a/4")).hasMessageContaining("was \"a/4\"");
    }

    @Test
    void shouldShareEveryCountExactlyWhenSplitInOneToSixteen() {
        for (int n = 1; n <= 16; n++) {
            for (long total = 0; total <= 200; total++) {
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    Shard shard = Shard.of(i, n);
                    long owned = LongStream.rangeClosed(1, total).filter(shard::owns).count();
                    assertThat(shard.shareOf(total)).as("%s of %d", shard, total).isEqualTo(owned);
                    sum += owned;
                }
                assertThat(sum).isEqualTo(total);
            }
        }
        assertThat(List.of(Shard.of(0, 3).shareOf(10), Shard.of(1, 3).shareOf(10), Shard.of(2, 3).shareOf(10)))
                .containsExactly(4L, 3L, 3L);
    }

    @Test
    void shouldMapLocalNumbersToDisjointWholeNumbersWhenSplit() {
        for (int n = 1; n <= 16; n++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Shard shard = Shard.of(i, n);
                for (long local = 1; local <= 50; local++) {
                    long whole = shard.wholeNumber(local);
                    assertThat(shard.owns(whole)).isTrue();
                    assertThat(seen.add(whole)).as("%s local %d", shard, local).isTrue();
                }
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50L * n).boxed().toList());
        }
    }

    @Test
    void shouldDeriveDistinctSeedsWhenShardsDiffer() {
        for (long seed : new long[] {0, 42, -1, Long.MAX_VALUE}) {
            assertThat(Shard.WHOLE.seed(seed)).isEqualTo(seed);
            Set<Long> seeds = new HashSet<>();
            for (int n = 2; n <= 16; n++) {
                for (int i = 0; i < n; i++) {
                    seeds.add(Shard.of(i, n).seed(seed));
                }
            }
            // The seed depends on the index only, so shard i of any count gets the same one.
            assertThat(seeds).hasSize(16).doesNotContain(seed);
        }
    }

    @Test
    void shouldHandOutDisjointRecordsCoveringAllWhenFeederIsSplit() {
        List<Integer> records = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            records.add(r);
        }
        for (int n = 1; n <= 16; n++) {
            List<Integer> union = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Feeder<Integer> part = Shard.of(i, n).feeder(Feeder.once(records));
                List<Integer> mine = new ArrayList<>();
                while (true) {
                    try {
                        mine.add(part.next());
                    } catch (FeederExhaustedException e) {
                        break;
                    }
                    assertThat(mine).hasSizeLessThanOrEqualTo(100);
                }
                int index = i;
                int count = n;
                assertThat(mine).as("shard %d/%d", i, n).allMatch(r -> r % count == index);
                union.addAll(mine);
            }
            assertThat(union).as("n = %d", n).containsExactlyInAnyOrderElementsOf(records);
        }
    }

    @Test
    void shouldGiveGeneratorRecordsModuloCountWhenFeederIsSplit() {
        Feeder<Long> ids = Shard.of(2, 5).feeder(Feeder.generator(k -> k));
        assertThat(List.of(ids.next(), ids.next(), ids.next())).containsExactly(2L, 7L, 12L);
        assertThat(ids.name()).isEqualTo("generator shard 2/5");
    }

    @Test
    void shouldAlignToNextWholeMultipleWhenAskedForAStart() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(Shard.nextMultipleOf(minute, Instant.parse("2026-01-01T12:00:41.5Z")))
                .isEqualTo(Instant.parse("2026-01-01T12:01:00Z"));
        assertThat(Shard.nextMultipleOf(minute, Instant.parse("2026-01-01T12:01:00Z")))
                .isEqualTo(Instant.parse("2026-01-01T12:01:00Z"));
        assertThat(Shard.nextMultipleOf(Duration.ofMillis(250), Instant.parse("2026-01-01T12:00:00.001Z")))
                .isEqualTo(Instant.parse("2026-01-01T12:00:00.250Z"));
        assertThatThrownBy(() -> Shard.nextMultipleOf(Duration.ZERO, Instant.EPOCH))
                .hasMessage("shard.nextMultipleOf: period must be > 0, was 0s");
    }
}
