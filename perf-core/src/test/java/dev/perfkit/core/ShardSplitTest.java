package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario split into n shards, n = 1..16, against the single-machine scenario: users at every
 * millisecond of several profiles, shared iteration limits and seeds. (Arrival schedules are
 * checked in {@code internal.ArrivalScheduleShardTest}.)
 */
class ShardSplitTest {

    private static final long MS = 1_000_000L;
    private static final Task NOTHING = session -> { };

    private static List<UsersProfile> profiles() {
        return List.of(
                UsersProfile.rampHold(10, Duration.ofSeconds(1), Duration.ofMillis(500)),
                UsersProfile.rampHold(1, Duration.ofMillis(300), Duration.ofMillis(100)),
                UsersProfile.rampHold(37, Duration.ZERO, Duration.ofMillis(200)),
                UsersProfile.rampHold(100, Duration.ofMillis(1500), null),
                UsersProfile.stages(Stage.rampTo(23).over(Duration.ofMillis(700)), Stage.hold(Duration.ofMillis(300)),
                        Stage.rampTo(5).over(Duration.ofMillis(600)), Stage.rampTo(41).over(Duration.ofMillis(400)),
                        Stage.rampTo(0).over(Duration.ofMillis(500))),
                UsersProfile.of(Duration.ofSeconds(2), t -> (int) (20 + 19 * Math.sin(t.toMillis() / 150.0))));
    }

    @Test
    void shouldAddUpToTheWholeInTheSameOrderAtEveryMillisecondWhenUsersAreSplit() {
        for (UsersProfile whole : profiles()) {
            long end = whole.duration().toNanos() + 100 * MS;
            for (int n = 1; n <= 16; n++) {
                UsersProfile[] parts = new UsersProfile[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = whole.shard(Shard.of(i, n));
                }
                for (long t = 0; t <= end; t += MS) {
                    int expected = whole.usersAt(t);
                    int sum = 0;
                    for (int i = 0; i < n; i++) {
                        int mine = parts[i].usersAt(t);
                        // Same order as one machine: shard i runs exactly the whole run's users
                        // k <= expected with (k-1) mod n == i, i.e. its first `mine` whole numbers.
                        assertThat(mine == 0 || Shard.of(i, n).wholeNumber(mine) <= expected)
                                .as("%s, shard %d/%d at %d ms", whole, i, n, t / MS).isTrue();
                        assertThat(Shard.of(i, n).wholeNumber(mine + 1)).isGreaterThan(expected);
                        sum += mine;
                    }
                    assertThat(sum).as("%s split in %d at %d ms", whole, n, t / MS).isEqualTo(expected);
                }
                int peaks = 0;
                for (UsersProfile part : parts) {
                    peaks += part.peakUsers();
                    assertThat(part.duration()).isEqualTo(whole.duration());
                    assertThat(part.isOpenEnded()).isEqualTo(whole.isOpenEnded());
                    assertThat(part.lastIncreaseEnd()).isEqualTo(whole.lastIncreaseEnd());
                }
                assertThat(peaks).isGreaterThanOrEqualTo(whole.peakUsers());
            }
        }
    }

    @Test
    void shouldSplitTenUsersFourThreeThreeWhenInThreeShards() {
        Scenario whole = Scenario.named("s").users(10).hold(Duration.ofSeconds(1)).task(1, "t", NOTHING);
        long end = Duration.ofSeconds(1).toNanos() - 1;

        assertThat(List.of(0, 1, 2)).extracting(i -> whole.shard(Shard.of(i, 3)).closedProfile().usersAt(end))
                .containsExactly(4, 3, 3);
    }

    @Test
    void shouldPartitionTheSharedIterationLimitAndSeedWhenScenarioIsSplit() {
        Scenario whole = Scenario.named("s").users(4).iterations(1000).seed(42).task(1, "t", NOTHING);
        for (int n = 1; n <= 16; n++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                Scenario part = whole.shard(Shard.of(i, n));
                sum += part.iterations();
                assertThat(part.seed()).hasValue(Shard.of(i, n).seed(42));
                assertThat(part.shard()).isEqualTo(Shard.of(i, n));
                assertThat(part.iterationsPerUser()).isEqualTo(whole.iterationsPerUser());
            }
            assertThat(sum).as("n = %d", n).isEqualTo(1000);
        }
        assertThat(whole.shard(Shard.WHOLE)).isSameAs(whole);
        assertThat(whole.shard(Shard.of(1, 3)).describe()).contains(", shard 1/3");
        assertThat(whole.shard()).isEqualTo(Shard.WHOLE);
    }

    @Test
    void shouldRejectWhenSplitAgainOrWithFewerIterationsThanShards() {
        Scenario whole = Scenario.named("s").users(4).iterations(2).task(1, "t", NOTHING);

        assertThatThrownBy(() -> whole.shard(Shard.of(0, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("s: shard: iterations must be >= the shard count 3 so that every shard gets one, was 2");
        assertThatThrownBy(() -> whole.shard(Shard.of(0, 2)).shard(Shard.of(1, 2)))
                .hasMessage("s: shard: the scenario is already shard 0/2, was split again into 1/2");
    }
}
