package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The same seed gives every virtual user the same sequence of choices; weights are honoured. */
class SeedTest {

    private static Map<Long, List<String>> choices(long seed, Map<String, Long> userTypes) throws Exception {
        Map<Long, List<String>> perUser = new ConcurrentHashMap<>();
        Task record = session -> perUser.computeIfAbsent(session.userId(), k -> new ArrayList<>())
                .add(session.userType() + "/" + session.random().nextInt(1000));
        Scenario scenario = Scenario.named("seeded").seed(seed)
                .users(8).iterationsPerUser(500)
                .userType(UserType.named("regular").weight(3)
                        .task(5, "a", record).task(3, "b", record).task(2, "c", record))
                .userType(UserType.named("admin").weight(1).task(1, "d", record));
        RunResult result = LoadTest.run(scenario);
        assertThat(result.seed()).isEqualTo(seed);
        result.samples().forEach(s -> userTypes.merge(s.name(), s.count(), Long::sum));
        return perUser;
    }

    @Test
    void shouldRepeatEveryUsersChoicesWhenSeedIsTheSame() throws Exception {
        Map<Long, List<String>> first = choices(42, new ConcurrentHashMap<>());
        Map<Long, List<String>> second = choices(42, new ConcurrentHashMap<>());
        Map<Long, List<String>> other = choices(43, new ConcurrentHashMap<>());

        assertThat(first).hasSize(8).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
        // user types are assigned by smooth weighted round robin: 3 regular for each admin
        assertThat(first.values().stream().filter(l -> l.get(0).startsWith("admin/")).count()).isEqualTo(2);
    }

    @Test
    void shouldPickTasksInProportionToWeightsWhenUsersRun() throws Exception {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        choices(7, counts);
        long regular = counts.get("a") + counts.get("b") + counts.get("c");
        assertThat(regular).isEqualTo(6 * 500);
        assertThat(counts.get("d")).isEqualTo(2 * 500);
        // chi-square with 2 degrees of freedom; 13.82 is the 0.001 critical value
        double[] expected = {regular * 0.5, regular * 0.3, regular * 0.2};
        long[] observed = {counts.get("a"), counts.get("b"), counts.get("c")};
        double chi2 = 0;
        for (int i = 0; i < 3; i++) {
            chi2 += Math.pow(observed[i] - expected[i], 2) / expected[i];
        }
        assertThat(chi2).isLessThan(13.82);
    }
}
