package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Scenario} and {@link UserType} as copy-on-write values, and the rejection of every invalid
 * definition where it is given, with a message naming the scenario, the field and the value.
 */
class ScenarioTest {

    private static final Task NOOP = session -> {
    };
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final ArrivalProfile TEN_PER_SECOND =
            ArrivalProfile.constant(ArrivalRate.of(10).perSecond(), MINUTE);
    private static final String EITHER_OR = ": a scenario is either closed (users) or open (arrivals)";

    private static Scenario empty() {
        return Scenario.named("shop");
    }

    private static Scenario closed() {
        return Scenario.named("shop").users(10).hold(MINUTE).task(1, "browse", NOOP);
    }

    private static Scenario open() {
        return Scenario.named("shop").arrivals(TEN_PER_SECOND).task(1, "browse", NOOP);
    }

    /** Everything a scenario exposes, so that any change to the receiver shows. */
    private static List<Object> state(Scenario s) {
        return Arrays.asList(s.describe(), s.name(), s.model(), String.valueOf(s.closedProfile()),
                s.arrivalProfile(), s.maxConcurrency(), s.saturation(), List.copyOf(s.userTypes()),
                s.userTypes().stream().map(t -> List.copyOf(t.tasks())).toList(), s.thinkTime(),
                s.iterationsPerUser(), s.iterations(), s.maxDuration(), s.gracefulStop(), s.seed());
    }

    // ------------------------------------------------------------------ copy-on-write

    record Call(String method, Scenario receiver, UnaryOperator<Scenario> call) {
        @Override
        public String toString() {
            return method;
        }
    }

    static Stream<Call> fluentMethods() {
        return Stream.of(
                new Call("users", empty(), s -> s.users(5)),
                new Call("users again", closed(), s -> s.users(20)),
                new Call("rampUp", closed(), s -> s.rampUp(Duration.ofSeconds(10))),
                new Call("hold", closed(), s -> s.hold(Duration.ofMinutes(2))),
                new Call("preset", empty(), s -> s.preset(Preset.LOAD)),
                new Call("stages", empty(), s -> s.stages(Stage.rampTo(5).over(MINUTE))),
                new Call("usersProfile(duration, function)", empty(), s -> s.usersProfile(MINUTE, t -> 3)),
                new Call("usersProfile(profile)", empty(),
                        s -> s.usersProfile(UsersProfile.rampHold(3, Duration.ZERO, MINUTE))),
                new Call("iterationsPerUser", closed(), s -> s.iterationsPerUser(3)),
                new Call("thinkTime", closed(), s -> s.thinkTime(ThinkTime.constant(Duration.ofSeconds(1)))),
                new Call("arrivals", empty(), s -> s.arrivals(TEN_PER_SECOND)),
                new Call("maxConcurrency", open(), s -> s.maxConcurrency(7)),
                new Call("saturation", open(), s -> s.saturation(Saturation.QUEUE)),
                new Call("userType", closed(), s -> s.userType(UserType.named("admin").task(1, "report", NOOP))),
                new Call("task on a new default type", empty(), s -> s.task(2, "search", NOOP)),
                new Call("task on the existing default type", closed(), s -> s.task(2, "search", NOOP)),
                new Call("iterations", closed(), s -> s.iterations(100)),
                new Call("maxDuration", closed(), s -> s.maxDuration(Duration.ofMinutes(3))),
                new Call("gracefulStop", closed(), s -> s.gracefulStop(Duration.ofSeconds(1))),
                new Call("seed", closed(), s -> s.seed(42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fluentMethods")
    void shouldReturnChangedCopyAndLeaveReceiverUnchangedWhenFluentMethodIsCalled(Call c) {
        Scenario receiver = c.receiver();
        String describedBefore = receiver.describe();
        List<Object> before = state(receiver);

        Scenario result = c.call().apply(receiver);

        assertThat(result).isNotSameAs(receiver);
        assertThat(receiver.describe()).isEqualTo(describedBefore);
        assertThat(state(receiver)).isEqualTo(before);
        assertThat(state(result)).isNotEqualTo(before);
    }

    @Test
    void shouldKeepBranchesIndependentWhenTwoScenariosDeriveFromOneBase() {
        Scenario base = Scenario.named("shop").task(1, "browse", NOOP);

        Scenario small = base.users(5).hold(MINUTE);
        Scenario big = base.users(500).hold(MINUTE).task(1, "search", NOOP);

        assertThat(base.describe()).isEqualTo("shop: no load; user types default(1)");
        assertThat(base.userTypes().get(0).tasks()).extracting(UserType.TaskDef::name).containsExactly("browse");
        assertThat(small.closedProfile().peakUsers()).isEqualTo(5);
        assertThat(small.userTypes().get(0).tasks()).extracting(UserType.TaskDef::name).containsExactly("browse");
        assertThat(big.closedProfile().peakUsers()).isEqualTo(500);
        assertThat(big.userTypes().get(0).tasks()).extracting(UserType.TaskDef::name)
                .containsExactly("browse", "search");
    }

    @Test
    void shouldRefuseChangesWhenListsAreTakenFromAccessors() {
        Scenario s = closed().userType(UserType.named("admin").task(1, "report", NOOP));
        UserType extra = UserType.named("extra").task(1, "x", NOOP);
        UserType.TaskDef task = new UserType.TaskDef("x", 1, NOOP);

        assertThatThrownBy(() -> s.userTypes().add(extra)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.userTypes().get(0).tasks().add(task)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Scenario.named("new").userTypes().add(extra))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.userTypes()).hasSize(2);
    }

    record TypeCall(String method, UnaryOperator<UserType> call) {
        @Override
        public String toString() {
            return method;
        }
    }

    static Stream<TypeCall> userTypeMethods() {
        return Stream.of(
                new TypeCall("weight", t -> t.weight(3)),
                new TypeCall("task", t -> t.task(2, "search", NOOP)),
                new TypeCall("onStart", t -> t.onStart(session -> { })),
                new TypeCall("onStop", t -> t.onStop(session -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userTypeMethods")
    void shouldReturnChangedCopyAndLeaveReceiverUnchangedWhenUserTypeMethodIsCalled(TypeCall c) {
        UserType receiver = UserType.named("regular").task(1, "browse", NOOP);
        List<Object> before = userTypeState(receiver);

        UserType result = c.call().apply(receiver);

        assertThat(result).isNotSameAs(receiver);
        assertThat(userTypeState(receiver)).isEqualTo(before);
        assertThat(userTypeState(result)).isNotEqualTo(before);
    }

    @Test
    void shouldLeaveReceiverUnchangedWhenStepIsAdded() {
        UserType receiver = UserType.named("checkout").step("cart", NOOP);
        List<Object> before = userTypeState(receiver);

        UserType result = receiver.step("pay", NOOP);

        assertThat(userTypeState(receiver)).isEqualTo(before);
        assertThat(result.tasks()).extracting(UserType.TaskDef::name).containsExactly("cart", "pay");
        assertThat(result.isSequential()).isTrue();
    }

    private static List<Object> userTypeState(UserType t) {
        return Arrays.asList(t.toString(), t.name(), t.weight(), List.copyOf(t.tasks()), t.isSequential(),
                t.startHook(), t.stopHook());
    }

    // ------------------------------------------------------------------ rejected definitions

    record Rejection(String what, ThrowingCallable call, String message) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Rejection> invalidDefinitions() {
        return Stream.of(
                new Rejection("users(0)", () -> empty().users(0), "shop: users must be > 0, was 0"),
                new Rejection("users(-1)", () -> empty().users(-1), "shop: users must be > 0, was -1"),
                new Rejection("rampUp(-1s)", () -> empty().users(5).rampUp(Duration.ofSeconds(-1)),
                        "shop: rampUp must be >= 0, was -1s"),
                new Rejection("hold(-5s)", () -> empty().users(5).hold(Duration.ofSeconds(-5)),
                        "shop: hold must be >= 0, was -5s"),
                new Rejection("maxDuration(0)", () -> closed().maxDuration(Duration.ZERO),
                        "shop: maxDuration must be > 0, was 0s"),
                new Rejection("maxDuration(-1s)", () -> closed().maxDuration(Duration.ofSeconds(-1)),
                        "shop: maxDuration must be > 0, was -1s"),
                new Rejection("gracefulStop(-1ms)", () -> closed().gracefulStop(Duration.ofMillis(-1)),
                        "shop: gracefulStop must be >= 0, was -1ms"),
                new Rejection("iterations(0)", () -> closed().iterations(0), "shop: iterations must be > 0, was 0"),
                new Rejection("iterationsPerUser(0)", () -> closed().iterationsPerUser(0),
                        "shop: iterationsPerUser must be > 0, was 0"),
                new Rejection("maxConcurrency(0)", () -> open().maxConcurrency(0),
                        "shop: maxConcurrency must be > 0, was 0"),
                new Rejection("empty stage list", () -> empty().stages(), "shop/stages: must not be empty"),
                new Rejection("stage list that never ends",
                        () -> empty().stages(Stage.rampTo(10).over(MINUTE), Stage.hold(Duration.ofDays(400))),
                        "shop/stages: never ends: total duration must be at most 365 days, was 9600h1m"),
                new Rejection("a single hold that never ends", () -> empty().stages(Stage.hold(Duration.ofDays(400))),
                        "shop/stages: never ends: total duration must be at most 365 days, was 9600h"),
                new Rejection("stages that never ask for a user",
                        () -> empty().stages(Stage.rampTo(0).over(MINUTE), Stage.hold(MINUTE)),
                        "shop/stages: never ask for a user (all targets are 0)"),
                new Rejection("users(..) then arrivals(..)", () -> closed().arrivals(TEN_PER_SECOND),
                        "shop: arrivals belongs to the open model, but the scenario is closed" + EITHER_OR),
                new Rejection("arrivals(..) then users(..)", () -> open().users(10),
                        "shop: users belongs to the closed model, but the scenario is open" + EITHER_OR),
                new Rejection("arrivals(..) then rampUp(..)", () -> open().rampUp(MINUTE),
                        "shop: rampUp belongs to the closed model, but the scenario is open" + EITHER_OR),
                new Rejection("arrivals(..) then iterationsPerUser(..)", () -> open().iterationsPerUser(1),
                        "shop: iterationsPerUser belongs to the closed model, but the scenario is open" + EITHER_OR),
                new Rejection("users(..) then maxConcurrency(..)", () -> closed().maxConcurrency(5),
                        "shop: maxConcurrency belongs to the open model, but the scenario is closed" + EITHER_OR),
                new Rejection("users(..) then saturation(..)", () -> closed().saturation(Saturation.QUEUE),
                        "shop: saturation belongs to the open model, but the scenario is closed" + EITHER_OR),
                new Rejection("stages(..) then users(..)", () -> empty().stages(Stage.rampTo(5).over(MINUTE)).users(10),
                        "shop: users cannot be combined with stages/usersProfile: the profile sets the users"),
                new Rejection("stages(..) then hold(..)", () -> empty().stages(Stage.rampTo(5).over(MINUTE)).hold(MINUTE),
                        "shop: hold cannot be combined with stages/usersProfile: the profile sets the users"),
                new Rejection("users(..) then usersProfile(profile)",
                        () -> empty().users(10).usersProfile(UsersProfile.rampHold(3, Duration.ZERO, MINUTE)),
                        "shop: usersProfile/stages cannot be combined with users(10): the profile sets the users"),
                new Rejection("thinkTime on an open scenario",
                        () -> open().thinkTime(ThinkTime.constant(Duration.ofSeconds(1))),
                        "shop: thinkTime belongs to the closed model, but the scenario is open" + EITHER_OR),
                new Rejection("user type with no task", () -> empty().userType(UserType.named("admin")),
                        "shop/userType[admin]: must have at least one task or step"),
                new Rejection("duplicate user type names",
                        () -> empty().userType(UserType.named("admin").task(1, "a", NOOP))
                                .userType(UserType.named("admin").task(1, "b", NOOP)),
                        "shop/userType[admin]: user type names must be unique, was \"admin\" twice"),
                new Rejection("duplicate task names in a user type",
                        () -> UserType.named("admin").task(1, "report", NOOP).task(2, "report", NOOP),
                        "userType[admin]: task name must be unique, was \"report\" twice"),
                new Rejection("duplicate task names in a scenario",
                        () -> empty().task(1, "report", NOOP).task(2, "report", NOOP),
                        "shop/userType[default]: task name must be unique, was \"report\" twice"),
                new Rejection("duplicate step names",
                        () -> UserType.named("checkout").step("pay", NOOP).step("pay", NOOP),
                        "userType[checkout]: task name must be unique, was \"pay\" twice"),
                new Rejection("task weight 0 in a user type",
                        () -> UserType.named("admin").task(0, "create-report", NOOP),
                        "userType[admin]/task[create-report]: weight must be > 0, was 0"),
                new Rejection("task weight -3 in a scenario", () -> empty().task(-3, "create-report", NOOP),
                        "shop/userType[default]/task[create-report]: weight must be > 0, was -3"),
                new Rejection("user type weight 0", () -> UserType.named("admin").weight(0),
                        "userType[admin]: weight must be > 0, was 0"),
                new Rejection("blank scenario name", () -> Scenario.named(" "),
                        "scenario: name must not be blank, was \" \""),
                new Rejection("empty user type name", () -> UserType.named(""),
                        "userType: name must not be blank, was \"\""),
                new Rejection("blank task name", () -> UserType.named("admin").task(1, "  ", NOOP),
                        "userType[admin]: task name must not be blank, was \"  \""),
                new Rejection("blank task name in a scenario", () -> empty().task(1, "\t", NOOP),
                        "shop/userType[default]: task name must not be blank, was \"\t\""),
                new Rejection("blank step name", () -> UserType.named("checkout").step(" ", NOOP),
                        "userType[checkout]: step name must not be blank, was \" \""),
                new Rejection("step after a weighted task",
                        () -> UserType.named("mixed").task(1, "browse", NOOP).step("pay", NOOP),
                        "userType[mixed]/step[pay]: cannot add a step to a user type with weighted tasks"),
                new Rejection("weighted task after a step",
                        () -> UserType.named("mixed").step("pay", NOOP).task(1, "browse", NOOP),
                        "userType[mixed]/task[browse]: cannot add a weighted task to a user type with steps"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void shouldRejectWithMessageNamingScenarioFieldAndValueWhenDefinitionIsInvalid(Rejection r) {
        assertThatIllegalArgumentException().isThrownBy(r.call()).withMessage(r.message());
    }

    @Test
    void shouldNameScenarioOnceWhenStagesFollowUsers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> empty().users(10).stages(Stage.rampTo(5).over(MINUTE)))
                .withMessage("shop: usersProfile/stages cannot be combined with users(10): the profile sets the users");
    }

    @Test
    void shouldNameScenarioOnceWhenFunctionProfileFollowsUsers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> empty().users(10).usersProfile(MINUTE, t -> 3))
                .withMessage("shop: usersProfile/stages cannot be combined with users(10): the profile sets the users");
    }

    @Test
    void shouldNameScenarioOnceWhenStagesFollowArrivals() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> open().stages(Stage.rampTo(5).over(MINUTE)))
                .withMessage("shop: usersProfile belongs to the closed model, but the scenario is open" + EITHER_OR);
    }

    @Test
    void shouldRejectArrivalsWhenThinkTimeWasSetFirst() {
        Scenario withThinkTime = empty().thinkTime(ThinkTime.constant(Duration.ofSeconds(1)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> withThinkTime.arrivals(TEN_PER_SECOND))
                .withMessage("shop: arrivals belongs to the open model, but the scenario is closed" + EITHER_OR);
    }

    // ------------------------------------------------------------------ validate()

    @Test
    void shouldGatherEveryProblemInOneMessageWhenScenarioHasNoLoadAndNoUserType() {
        assertThatIllegalArgumentException().isThrownBy(() -> empty().validate())
                .withMessage("shop: no load defined: call users(..), stages(..), usersProfile(..) or arrivals(..); "
                        + "no user type: add userType(..) or task(..)");
    }

    @Test
    void shouldRejectAsNeverEndingWhenClosedScenarioHasUsersButNoHoldAndNoLimit() {
        Scenario endless = empty().users(5).rampUp(Duration.ofSeconds(10)).task(1, "browse", NOOP);

        assertThatIllegalArgumentException().isThrownBy(endless::validate)
                .withMessage("shop: the run never ends: set hold(..), iterationsPerUser(..), iterations(..) "
                        + "or maxDuration(..)");
    }

    @Test
    void shouldGatherBothProblemsWhenNeverEndingScenarioAlsoHasNoUserType() {
        assertThatIllegalArgumentException().isThrownBy(() -> empty().users(5).validate())
                .withMessage("shop: no user type: add userType(..) or task(..); the run never ends: "
                        + "set hold(..), iterationsPerUser(..), iterations(..) or maxDuration(..)");
    }

    static Stream<Arguments> closedSettingsWithoutUsers() {
        return Stream.of(
                Arguments.of("hold", empty().hold(MINUTE)),
                Arguments.of("rampUp", empty().rampUp(MINUTE)),
                Arguments.of("thinkTime", empty().thinkTime(ThinkTime.constant(Duration.ofSeconds(1)))),
                Arguments.of("iterationsPerUser", empty().iterationsPerUser(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedSettingsWithoutUsers")
    void shouldRejectWhenClosedModelSettingIsGivenWithoutUsers(String setting, Scenario noUsers) {
        Scenario withTask = noUsers.task(1, "browse", NOOP);

        assertThatIllegalArgumentException().isThrownBy(withTask::validate)
                .withMessage("shop: closed-model settings (rampUp, hold, thinkTime, iterationsPerUser) need users(..), "
                        + "stages(..) or usersProfile(..)");
    }

    @Test
    void shouldRejectWhenMaxConcurrencyIsSetWithoutArrivals() {
        Scenario noArrivals = empty().maxConcurrency(10).task(1, "browse", NOOP);

        assertThatIllegalArgumentException().isThrownBy(noArrivals::validate)
                .withMessage("shop: maxConcurrency/saturation need arrivals(..)");
    }

    static Stream<Arguments> endingScenarios() {
        Scenario users = empty().users(5).task(1, "browse", NOOP);
        return Stream.of(
                Arguments.of("hold", users.hold(MINUTE)),
                Arguments.of("iterationsPerUser", users.iterationsPerUser(1)),
                Arguments.of("iterations", users.iterations(10)),
                Arguments.of("maxDuration", users.maxDuration(MINUTE)),
                Arguments.of("stages", empty().stages(Stage.rampTo(5).over(MINUTE)).task(1, "browse", NOOP)),
                Arguments.of("arrivals", open()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endingScenarios")
    void shouldAcceptAndReturnItselfWhenScenarioIsComplete(String what, Scenario complete) {
        assertThatNoException().isThrownBy(complete::validate);
        assertThat(complete.validate()).isSameAs(complete);
    }

    // ------------------------------------------------------------------ presets

    static Stream<Arguments> presets() {
        return Stream.of(
                Arguments.of(Preset.SMOKE, 5, Duration.ofSeconds(5), Duration.ofMinutes(1)),
                Arguments.of(Preset.LOAD, 50, Duration.ofSeconds(30), Duration.ofMinutes(5)),
                Arguments.of(Preset.STRESS, 100, Duration.ofMinutes(1), Duration.ofMinutes(10)),
                Arguments.of(Preset.SPIKE, 200, Duration.ofSeconds(5), Duration.ofMinutes(2)),
                Arguments.of(Preset.ENDURANCE, 30, Duration.ofMinutes(1), Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void shouldRunPresetUsersForPresetHoldWhenPresetIsApplied(Preset preset, int users, Duration rampUp,
                                                              Duration hold) {
        UsersProfile profile = empty().preset(preset).closedProfile();

        assertThat(preset.users()).isEqualTo(users);
        assertThat(profile.peakUsers()).isEqualTo(users);
        assertThat(profile.lastIncreaseEnd()).isEqualTo(rampUp);
        assertThat(profile.duration()).isEqualTo(rampUp.plus(hold));
        // all users run for exactly the hold: from the end of the ramp to the end of the profile
        assertThat(profile.duration().minus(profile.lastIncreaseEnd())).isEqualTo(hold);
        assertThat(profile.usersAt(rampUp.toNanos())).isEqualTo(users);
        assertThat(profile.usersAt(rampUp.plus(hold).toNanos() - 1)).isEqualTo(users);
        assertThat(profile.isOpenEnded()).isFalse();
    }

    @Test
    void shouldKeepPresetUsersAndTakeNewRampAndHoldWhenOverriddenAfterPreset() {
        Scenario endurance = empty().preset(Preset.ENDURANCE);

        Scenario shorter = endurance.rampUp(Duration.ofSeconds(10)).hold(Duration.ofMinutes(5));

        assertThat(shorter.closedProfile().peakUsers()).isEqualTo(30);
        assertThat(shorter.closedProfile().lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(10));
        assertThat(shorter.closedProfile().duration()).isEqualTo(Duration.ofMinutes(5).plusSeconds(10));
        assertThat(shorter.describe()).startsWith("shop: closed, 30 users, ramp 10s, hold 5m");
        assertThat(endurance.closedProfile().duration()).isEqualTo(Duration.ofMinutes(61));
    }

    @Test
    void shouldTakeUsersFromLaterCallWhenUsersAreOverriddenAfterPreset() {
        Scenario s = empty().preset(Preset.SMOKE).users(7);

        assertThat(s.closedProfile().peakUsers()).isEqualTo(7);
        assertThat(s.closedProfile().duration()).isEqualTo(Duration.ofSeconds(65));
    }
}
