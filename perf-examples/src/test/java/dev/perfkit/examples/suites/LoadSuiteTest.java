package dev.perfkit.examples.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.perfkit.core.LoadModel;
import dev.perfkit.core.Preset;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.ThinkTime;
import dev.perfkit.core.UserType;
import dev.perfkit.http.Http;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The load suite's scenario as documented in {@link LoadSuite}: users per preset, user types, weights, think times. */
class LoadSuiteTest {

    private final Http http = Http.create("http://127.0.0.1:9");

    @AfterEach
    void close() {
        http.close();
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void shouldTakeThePresetsUsersRampAndHoldWhenBuiltAtAPreset(Preset preset) {
        Scenario scenario = LoadSuite.scenario(preset, http, s -> "Bearer t");

        assertThat(scenario.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(scenario.closedProfile().peakUsers()).isEqualTo(preset.users());
        assertThat(scenario.closedProfile().lastIncreaseEnd()).isEqualTo(preset.rampUp());
        assertThat(scenario.closedProfile().duration()).isEqualTo(preset.rampUp().plus(preset.hold()));
    }

    @Test
    void shouldMapEachPresetToTheDocumentedUsersWhenListed() {
        assertThat(List.of(Preset.SMOKE, Preset.LOAD, Preset.STRESS, Preset.SPIKE, Preset.ENDURANCE))
                .extracting(Preset::users).containsExactly(5, 50, 100, 200, 30);
        assertThat(Preset.ENDURANCE.hold()).isEqualTo(Duration.ofHours(1));
        assertThat(LoadSuite.DEFAULT_PRESET).isEqualTo(Preset.SMOKE);
    }

    @Test
    void shouldHaveTheFourUserTypesWithTheirWeightsAndTasksWhenBuilt() {
        Scenario scenario = LoadSuite.scenario(Preset.SMOKE, http, s -> "Bearer t");

        assertThat(scenario.userTypes()).extracting(UserType::name, UserType::weight)
                .containsExactly(tuple("regular", 4), tuple("admin", 2),
                        tuple("api", 2), tuple("mobile", 2));
        assertThat(tasks(scenario, "regular")).containsExactly("dashboard:5", "reports:3", "search:2");
        assertThat(tasks(scenario, "admin")).containsExactly("create-report:2", "open-report:2", "list-reports:1");
        assertThat(tasks(scenario, "api")).containsExactly("health:3", "verify-token:2");
        assertThat(tasks(scenario, "mobile")).containsExactly("mobile-page:3", "mobile-dashboard:1");
        assertThat(scenario.thinkTime()).as("think times are per user type, in the tasks").isEqualTo(ThinkTime.none());
    }

    @Test
    void shouldGiveApiUsersTheShortestThinkTimeAndMobileUsersTheLongestWhenTheProfilesAreCompared() {
        assertThat(LoadSuite.PROFILES).extracting(LoadSuite.Profile::name).containsExactly("regular", "admin", "api", "mobile");
        assertThat(LoadSuite.API.thinkTime()).isEqualTo(ThinkTime.constant(Duration.ofMillis(20)));
        assertThat(LoadSuite.REGULAR.thinkTime()).isEqualTo(ThinkTime.uniform(Duration.ofMillis(100), Duration.ofMillis(500)));
        assertThat(LoadSuite.ADMIN.thinkTime()).isEqualTo(ThinkTime.uniform(Duration.ofMillis(200), Duration.ofMillis(800)));
        assertThat(LoadSuite.MOBILE.thinkTime()).isEqualTo(ThinkTime.uniform(Duration.ofMillis(500), Duration.ofMillis(1_500)));
    }

    private static List<String> tasks(Scenario scenario, String type) {
        return scenario.userTypes().stream().filter(t -> t.name().equals(type)).findFirst().orElseThrow()
                .tasks().stream().map(t -> t.name() + ":" + t.weight()).toList();
    }
}
