package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every public method and factory of the API once, as Gatling's {@code CoreJavaCompileTest}
 * does: it breaks at compile time when the API changes shape, and checks that each call does what
 * its name says. Behaviour in depth is left to the other test classes.
 */
class ApiCompileTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Task NOOP = session -> {
    };

    // ------------------------------------------------------------------ scenario DSL

    @Test
    void shouldBuildClosedScenarioWhenEveryClosedModelMethodIsCalled() {
        Scenario shop = Scenario.named("shop")
                .users(50).rampUp(Duration.ofSeconds(10)).hold(Duration.ofMinutes(5))
                .thinkTime(ThinkTime.uniform(Duration.ofMillis(500), Duration.ofSeconds(2)))
                .userType(UserType.named("regular").weight(7)
                        .onStart(session -> { })
                        .onStop(session -> { })
                        .task(5, "dashboard", NOOP)
                        .task(2, "reports", NOOP))
                .userType(UserType.named("admin").weight(1).task(1, "create-report", NOOP))
                .iterationsPerUser(10)
                .iterations(1_000)
                .maxDuration(Duration.ofMinutes(10))
                .gracefulStop(Duration.ofSeconds(5))
                .seed(42)
                .validate();

        assertThat(shop.name()).isEqualTo("shop");
        assertThat(shop.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(shop.closedProfile().peakUsers()).isEqualTo(50);
        assertThat(shop.arrivalProfile()).isNull();
        assertThat(shop.thinkTime()).isEqualTo(ThinkTime.uniform(Duration.ofMillis(500), Duration.ofSeconds(2)));
        assertThat(shop.userTypes()).extracting(UserType::name).containsExactly("regular", "admin");
        assertThat(shop.iterationsPerUser()).isEqualTo(10);
        assertThat(shop.iterations()).isEqualTo(1_000);
        assertThat(shop.maxDuration()).contains(Duration.ofMinutes(10));
        assertThat(shop.gracefulStop()).isEqualTo(Duration.ofSeconds(5));
        assertThat(shop.seed()).hasValue(42);
        assertThat(shop.maxConcurrency()).isEqualTo(Scenario.DEFAULT_MAX_CONCURRENCY);
        assertThat(shop.describe()).isEqualTo("shop: closed, 50 users, ramp 10s, hold 5m, think time uniform 500ms..2s, "
                + "10 iterations per user, 1000 iterations in total, at most 10m; user types regular(7) admin(1)")
                .isEqualTo(shop.toString());
        assertThat(Scenario.DEFAULT_GRACEFUL_STOP).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldBuildClosedScenarioWhenProfilesStagesAndPresetsAreUsed() {
        Scenario staged = Scenario.named("staged").stages(
                        Stage.rampTo(100).over(Duration.ofMinutes(2)),
                        Stage.hold(Duration.ofMinutes(10)),
                        Stage.rampTo(0).over(Duration.ofSeconds(30)))
                .task(1, "browse", NOOP);
        Scenario function = Scenario.named("wave").usersProfile(MINUTE, t -> (int) t.toSeconds())
                .task(1, "browse", NOOP);
        Scenario profile = Scenario.named("profile")
                .usersProfile(UsersProfile.rampHold(3, Duration.ofSeconds(3), MINUTE))
                .task(1, "browse", NOOP);
        Scenario preset = Scenario.named("preset").preset(Preset.SPIKE).task(1, "browse", NOOP);

        assertThat(staged.closedProfile().duration()).isEqualTo(Duration.ofSeconds(750));
        assertThat(function.closedProfile().peakUsers()).isEqualTo(60);
        assertThat(profile.closedProfile().lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(3));
        assertThat(preset.closedProfile().peakUsers()).isEqualTo(200);
        assertThat(Scenario.named("one").task(1, "t", NOOP).userTypes())
                .extracting(UserType::name).containsExactly(Scenario.DEFAULT_USER_TYPE);
    }

    @Test
    void shouldBuildOpenScenarioWhenEveryOpenModelMethodIsCalled() {
        ArrivalProfile arrivals = ArrivalProfile.stages(ArrivalRate.of(10).perSecond(),
                RateStage.rampTo(ArrivalRate.of(200).perSecond()).over(MINUTE),
                RateStage.hold(Duration.ofMinutes(5)));

        Scenario api = Scenario.named("api").arrivals(arrivals).maxConcurrency(500)
                .saturation(Saturation.QUEUE).task(1, "get", NOOP).validate();

        assertThat(api.model()).isEqualTo(LoadModel.OPEN);
        assertThat(api.arrivalProfile()).isSameAs(arrivals);
        assertThat(api.closedProfile()).isNull();
        assertThat(api.maxConcurrency()).isEqualTo(500);
        assertThat(api.saturation()).isEqualTo(Saturation.QUEUE);
        assertThat(Saturation.values()).containsExactly(Saturation.DROP, Saturation.QUEUE);
        assertThat(Saturation.MAX_BACKLOG).isPositive();
        assertThat(api.describe()).startsWith("api: open, arrivals stages from 10/s");
    }

    @Test
    void shouldDescribeTheUserTypeWhenEveryUserTypeMethodIsCalled() {
        Hook login = session -> { };
        Hook logout = session -> { };
        UserType checkout = UserType.named("checkout").weight(3).onStart(login).onStop(logout)
                .step("cart", NOOP).step("pay", NOOP);

        assertThat(checkout.name()).isEqualTo("checkout");
        assertThat(checkout.weight()).isEqualTo(3);
        assertThat(checkout.isSequential()).isTrue();
        assertThat(checkout.startHook()).isSameAs(login);
        assertThat(checkout.stopHook()).isSameAs(logout);
        assertThat(checkout.tasks()).containsExactly(new UserType.TaskDef("cart", 1, NOOP), new UserType.TaskDef("pay", 1, NOOP));
        assertThat(checkout).hasToString("checkout (weight 3, 2 steps)");
        assertThat(UserType.named("x").weight()).isEqualTo(UserType.DEFAULT_WEIGHT);
    }

    // ------------------------------------------------------------------ load model values

    @Test
    void shouldCompleteIncompletePhrasesWhenStagesAndRatesAreBuilt() {
        Stage.Target target = Stage.rampTo(100);
        Stage ramp = target.over(MINUTE);
        Stage hold = Stage.hold(MINUTE);
        ArrivalRate.Count count = ArrivalRate.of(120);
        RateStage.Target rateTarget = RateStage.rampTo(count.perSecond());

        assertThat(target.users()).isEqualTo(100);
        assertThat(ramp).isEqualTo(new Stage(100, MINUTE));
        assertThat(hold.users()).isEqualTo(Stage.KEEP);
        assertThat(count.count()).isEqualTo(120.0);
        assertThat(count.perMinute()).isEqualTo(new ArrivalRate(2.0));
        assertThat(rateTarget.over(MINUTE)).isEqualTo(new RateStage(new ArrivalRate(120), MINUTE));
        assertThat(RateStage.hold(MINUTE).rate()).isNull();
    }

    @Test
    void shouldAnswerEveryQueryWhenProfilesAreBuilt() {
        UsersProfile users = UsersProfile.stages(Stage.rampTo(10).over(Duration.ofSeconds(10)));
        UsersProfile function = UsersProfile.of(MINUTE, t -> 4);
        UsersProfile rampHold = UsersProfile.rampHold(2, Duration.ZERO, null);
        ArrivalProfile constant = ArrivalProfile.constant(ArrivalRate.of(5).perSecond(), MINUTE);
        ArrivalProfile ramp = ArrivalProfile.ramp(ArrivalRate.of(0).perSecond(), ArrivalRate.of(10).perSecond(), MINUTE);
        ArrivalProfile of = ArrivalProfile.of(MINUTE, t -> 3);

        assertThat(users.usersAt(5_000_000_000L)).isEqualTo(5);
        assertThat(users.lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(10));
        assertThat(users.peakUsers()).isEqualTo(10);
        assertThat(users.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(users.isOpenEnded()).isFalse();
        assertThat(users).hasToString("stages to 10 over 10s");
        assertThat(function.peakUsers()).isEqualTo(4);
        assertThat(rampHold.isOpenEnded()).isTrue();
        assertThat(UsersProfile.LONGEST).isEqualTo(Duration.ofDays(365));
        assertThat(constant.ratePerSecondAt(0)).isEqualTo(5.0);
        assertThat(constant.duration()).isEqualTo(MINUTE);
        assertThat(ramp.ratePerSecondAt(30_000_000_000L)).isEqualTo(5.0);
        assertThat(of.ratePerSecondAt(1)).isEqualTo(3.0);
        assertThat(of).hasToString("function over 1m");
    }

    @Test
    void shouldDrawPausesWhenEveryThinkTimeIsBuilt() {
        var random = new java.util.SplittableRandom(1);

        assertThat(ThinkTime.none().pauseNanos(random)).isZero();
        assertThat(ThinkTime.constant(Duration.ofMillis(3)).pauseNanos(random)).isEqualTo(3_000_000L);
        assertThat(ThinkTime.uniform(Duration.ofMillis(1), Duration.ofMillis(2)).pauseNanos(random))
                .isBetween(1_000_000L, 2_000_000L);
        assertThat(ThinkTime.exponential(Duration.ofMillis(1)).pauseNanos(random)).isNotNegative();
        assertThat(ThinkTime.pacing(Duration.ofSeconds(1)).pauseNanos(random)).isZero();
        assertThat(new ThinkTime.Pacing(Duration.ofSeconds(1)).interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new ThinkTime.Exponential(Duration.ofSeconds(2)).mean()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new ThinkTime.Constant(Duration.ofSeconds(2)).pause()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new ThinkTime.Uniform(Duration.ZERO, MINUTE).max()).isEqualTo(MINUTE);
    }

    @Test
    void shouldExposeStandardLoadsWhenPresetsAreListed() {
        assertThat(Preset.values()).containsExactly(Preset.SMOKE, Preset.LOAD, Preset.STRESS, Preset.SPIKE,
                Preset.ENDURANCE);
        assertThat(Preset.valueOf("LOAD").users()).isEqualTo(50);
        assertThat(Preset.LOAD.rampUp()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Preset.LOAD.hold()).isEqualTo(Duration.ofMinutes(5));
    }

    // ------------------------------------------------------------------ options, listeners, data

    @Test
    void shouldKeepSettingsWhenRunOptionsAreBuiltAndCopied() {
        RunListener listener = new RunListener() {
        };
        RunOptions options = RunOptions.custom().interval(Duration.ofMillis(200)).addListener(listener).build();
        RunOptions copy = options.toBuilder().addListener(ConsoleListener.create()).build();

        assertThat(options.interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(options.listeners()).containsExactly(listener);
        assertThat(copy.interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(copy.listeners()).hasSize(2).first().isSameAs(listener);
        assertThat(RunOptions.defaults().interval()).isEqualTo(RunOptions.DEFAULT_INTERVAL);
        assertThat(RunOptions.defaults().listeners()).isEmpty();
        assertThat(RunOptions.MIN_INTERVAL).isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(() -> RunOptions.custom().interval(Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("runOptions: interval must be >= 10ms, was 5ms");
    }

    @Test
    void shouldSplitScenarioWhenEveryShardMethodIsCalled() {
        Shard shard = Shard.parse("1/3");
        Scenario part = Scenario.named("split").users(10).iterations(30).seed(1).task(1, "t", session -> { })
                .shard(shard);
        Feeder<Long> ids = shard.feeder(Feeder.generator(k -> k));
        UsersProfile users = UsersProfile.rampHold(10, Duration.ZERO, Duration.ofSeconds(1)).shard(Shard.of(0, 3));
        java.time.Instant start = Shard.nextMultipleOf(Duration.ofSeconds(10), java.time.Instant.ofEpochSecond(11));
        RunOptions options = RunOptions.custom().startAt(start).build();

        assertThat(part.shard()).isEqualTo(Shard.of(1, 3));
        assertThat(part.iterations()).isEqualTo(10);
        assertThat(part.seed()).hasValue(shard.seed(1));
        assertThat(ids.next()).isEqualTo(1L);
        assertThat(users.usersAt(0)).isEqualTo(4);
        assertThat(List.of(shard.index(), shard.count())).containsExactly(1, 3);
        assertThat(shard.owns(2)).isTrue();
        assertThat(shard.shareOf(10)).isEqualTo(3);
        assertThat(shard.wholeNumber(1)).isEqualTo(2);
        assertThat(Shard.WHOLE).isEqualTo(Shard.of(0, 1));
        assertThat(options.startAt()).hasValue(java.time.Instant.ofEpochSecond(20));
        assertThat(options.toBuilder().build().startAt()).hasValue(start);
        assertThat(RunOptions.START_LAG_GAUGE).isEqualTo("perfkit.start.lag.seconds");
    }

    @Test
    void shouldRegisterAsAListenerWhenAnIntervalHistogramListenerIsALambda() {
        IntervalHistogramListener histograms = (interval, responseTimes) -> responseTimes.forEach(
                (name, histogram) -> histogram.getTotalCount());

        RunOptions options = RunOptions.custom().addListener(histograms).build();

        assertThat(options.listeners()).containsExactly(histograms);
    }

    @Test
    void shouldPrintProgressLineWhenConsoleListenerReceivesInterval() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunListener console = ConsoleListener.to(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        IntervalStats.Interval total = new IntervalStats.Interval(1_000, 1, 1234.5, 5e6, 4_000_000, 9_000_000,
                12_300_000, 20_000_000, 30_000_000);
        IntervalStats interval = new IntervalStats(11, Duration.ofSeconds(11), Duration.ofSeconds(1), 50, 3, 0, total,
                Map.of(), Map.of("pool.active", 4.0));
        RunListener silent = new RunListener() {
        };

        console.onInterval(interval);
        silent.onStart(Scenario.named("s"), 1);
        silent.onInterval(interval);
        silent.onEnd(null);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[   12s] users    50 | in flight     3 |    1234.5/s | p95     12.30 ms | errors   0.10% | dropped 0"
                        + System.lineSeparator());
    }

    @Test
    void shouldHandOutRecordsWhenEveryFeederFactoryIsUsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, "name,age\nann,30\nbob,40\n", StandardCharsets.UTF_8);
        List<Map<String, String>> fromFile = CsvRecords.read(file);
        List<Map<String, String>> fromReader = CsvRecords.read(new StringReader("sku\nA-1\n"), "skus.csv");

        Feeder<Map<String, String>> circular = Feeder.circular(fromFile);
        Feeder<String> random = Feeder.random(List.of("x", "y"), 42);
        Feeder<String> once = Feeder.once(List.of("coupon"));
        Feeder<Long> generator = Feeder.generator(k -> 1_000 + k).named("order ids");

        assertThat(fromFile).containsExactly(Map.of("name", "ann", "age", "30"), Map.of("name", "bob", "age", "40"));
        assertThat(fromReader).containsExactly(Map.of("sku", "A-1"));
        assertThat(circular.name()).isEqualTo(file.toString());
        assertThat(List.of(circular.next().get("name"), circular.next().get("name"), circular.next().get("name")))
                .containsExactly("ann", "bob", "ann");
        assertThat(random.next()).isIn("x", "y");
        assertThat(random.name()).isEqualTo("list[2 records]");
        assertThat(once.next()).isEqualTo("coupon");
        assertThatThrownBy(once::next).isInstanceOf(FeederExhaustedException.class)
                .hasMessage("feeder 'list[1 record]' ran out of records")
                .extracting(e -> ((FeederExhaustedException) e).feederName()).isEqualTo("list[1 record]");
        assertThat(generator.next()).isEqualTo(1_000L);
        assertThat(generator.name()).isEqualTo("order ids");
    }

    @Test
    void shouldCarryCategoryWithoutStackTraceWhenTaskFailureIsCreated() {
        IllegalStateException cause = new IllegalStateException("refused");
        TaskFailure failure = new TaskFailure("connect", "connection refused", cause);

        assertThat(failure.category()).isEqualTo("connect");
        assertThat(failure).hasMessage("connection refused").hasCause(cause);
        assertThat(failure.getStackTrace()).isEmpty();
        assertThat(new TaskFailure("timeout", "after 2s").getCause()).isNull();
    }

    @Test
    void shouldCompareByNameWhenSessionKeysAreCreated() {
        SessionKey<String> token = SessionKey.of("token", String.class);

        assertThat(token.name()).isEqualTo("token");
        assertThat(token.type()).isEqualTo(String.class);
        assertThat(token).isEqualTo(SessionKey.of("token", Integer.class)).hasSameHashCodeAs("token");
    }

    @Test
    void shouldComputeStatisticsWhenValueRecordsAreBuilt() {
        Histogram histogram = new Histogram(3);
        for (long v = 1; v <= 100; v++) {
            histogram.recordValue(v * 1_000);
        }
        LatencyStats latency = LatencyStats.of(histogram);
        FailureSummary summary = new FailureSummary("http_5xx", 2, List.of(new FailureSummary.MessageCount("503", 2)));
        SampleStats stats = new SampleStats("GET /", SampleKind.REQUEST, 10, 2, 5.0, latency, latency, List.of(summary));
        IntervalStats.Interval interval = new IntervalStats.Interval(4, 1, 4.0, 1.0, 1, 1, 1, 1, 1);
        IntervalStats intervalStats = new IntervalStats(0, Duration.ZERO, Duration.ofSeconds(1), 3, 1, 0, interval,
                Map.of("GET /", interval), Map.of());
        RunSnapshot snapshot = new RunSnapshot(Duration.ofSeconds(1), 3, 1, 7, 0, Optional.of(intervalStats), false);

        assertThat(latency.count()).isEqualTo(100);
        assertThat(latency.minNanos()).isEqualTo(1_000);
        assertThat(latency.maxNanos()).isBetween(100_000L, 100_100L);
        assertThat(latency.meanNanos()).isCloseTo(50_500, org.assertj.core.api.Assertions.within(100.0));
        assertThat(latency.stdDevNanos()).isPositive();
        assertThat(List.of(latency.p50Nanos(), latency.p75Nanos(), latency.p90Nanos(), latency.p95Nanos(),
                latency.p99Nanos(), latency.p999Nanos())).isSorted();
        assertThat(latency.percentileNanos(50)).isEqualTo(latency.p50Nanos());
        assertThat(latency.p50()).isEqualTo(Duration.ofNanos(latency.p50Nanos()));
        assertThat(latency.p95()).isEqualTo(Duration.ofNanos(latency.p95Nanos()));
        assertThat(latency.p99()).isEqualTo(Duration.ofNanos(latency.p99Nanos()));
        assertThat(latency.max()).isEqualTo(Duration.ofNanos(latency.maxNanos()));
        assertThat(latency.mean()).isEqualTo(Duration.ofNanos(Math.round(latency.meanNanos())));
        assertThat(latency.histogram()).isNotSameAs(latency.histogram()).isEqualTo(histogram);
        assertThat(latency.toString()).startsWith("count 100");
        assertThat(stats.successes()).isEqualTo(8);
        assertThat(stats.errorRate()).isEqualTo(0.2);
        assertThat(SampleStats.TOTAL).isEqualTo("total");
        assertThat(summary.messages()).extracting(FailureSummary.MessageCount::count).containsExactly(2L);
        assertThat(FailureSummary.MAX_MESSAGES).isEqualTo(10);
        assertThat(FailureSummary.OTHER_MESSAGES).isEqualTo("(other messages)");
        assertThat(FailureSummary.MAX_MESSAGE_LENGTH).isEqualTo(300);
        assertThat(interval.errorRate()).isEqualTo(0.25);
        assertThat(intervalStats.samples()).containsOnlyKeys("GET /");
        assertThat(snapshot.lastInterval()).contains(intervalStats);
        assertThat(LoadModel.values()).containsExactly(LoadModel.CLOSED, LoadModel.OPEN);
        assertThat(RunStatus.values()).contains(RunStatus.COMPLETED, RunStatus.STOPPED, RunStatus.MAX_DURATION,
                RunStatus.FAILED);
        assertThat(SampleKind.values()).containsExactly(SampleKind.TASK, SampleKind.REQUEST, SampleKind.HOOK,
                SampleKind.TIMING);
    }

    // ------------------------------------------------------------------ findings and capacity

    @Test
    void shouldKeepSettingsWhenFindingsAndCapacitySearchAreBuilt() {
        Findings findings = Findings.custom().leakConfidence(0.99).leakMinPoints(20).leakMinDuration(Duration.ofMinutes(5))
                .leakWarmUp(0.1).leakMinGrowth(0.02).saturationGain(0.2).saturationLatencyRise(0.3)
                .poolWaitingShare(0.05).poolAcquireTime(Duration.ofMillis(20)).slowFactor(4).slowFloor(Duration.ofMillis(5))
                .slowBound(Duration.ofMillis(500)).burstFactor(2.5).burstMinRise(0.02).build();
        Findings copy = findings.toBuilder().build();

        assertThat(List.of(copy.leakConfidence(), copy.leakWarmUp(), copy.leakMinGrowth(), copy.saturationGain(),
                copy.saturationLatencyRise(), copy.poolWaitingShare(), copy.slowFactor(), copy.burstFactor(),
                copy.burstMinRise())).containsExactly(0.99, 0.1, 0.02, 0.2, 0.3, 0.05, 4.0, 2.5, 0.02);
        assertThat(copy.leakMinPoints()).isEqualTo(20);
        assertThat(copy.leakMinDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(copy.poolAcquireTime()).isEqualTo(Duration.ofMillis(20));
        assertThat(copy.slowFloor()).isEqualTo(Duration.ofMillis(5));
        assertThat(copy.slowBound()).contains(Duration.ofMillis(500));
        assertThat(Findings.KINDS_BY_IMPORTANCE).containsExactly(Findings.MEMORY_LEAK, Findings.POOL_EXHAUSTION,
                Findings.SATURATION, Findings.ERROR_BURST, Findings.SLOW_SAMPLE, Findings.MONITOR_DOWN);

        Scenario template = Scenario.named("shop").task(1, "browse", NOOP);
        CapacitySearch users = CapacitySearch.users(template, 10, 50, 20).stepDuration(MINUTE).rampUp(Duration.ofSeconds(10))
                .runOptions(RunOptions.defaults()).stopAtFirstFailure(false);
        CapacitySearch rates = CapacitySearch.arrivalRates(template, 100, 300, 100);

        assertThat(users.loads()).containsExactly(10.0, 30.0, 50.0);
        assertThat(users.unit()).isEqualTo(CapacitySearch.USERS);
        assertThat(users.scenarioAt(30).describe()).startsWith("shop: closed, 30 users, ramp 10s, hold 1m");
        assertThat(users).hasToString("CapacitySearch[shop, users [10.0, 30.0, 50.0], step 1m, ramp 10s, runs every step]");
        assertThat(rates.loads()).containsExactly(100.0, 200.0, 300.0);
        assertThat(rates.unit()).isEqualTo(CapacitySearch.ARRIVALS_PER_SECOND);
        assertThat(rates.scenarioAt(200).model()).isEqualTo(LoadModel.OPEN);
        assertThat(CapacitySearch.DEFAULT_STEP_DURATION).isEqualTo(Duration.ofSeconds(30));
        CapacityResult none = new CapacityResult("shop", CapacitySearch.USERS, List.of());
        assertThat(none.highestPassing()).isEmpty();
        assertThat(none.firstFailing()).isEmpty();
    }

    // ------------------------------------------------------------------ running

    private static final SessionKey<String> NAME = SessionKey.of("name", String.class);

    @Test
    void shouldReturnWhatWasMeasuredWhenBoundedClosedScenarioIsRun() throws InterruptedException {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        Feeder<String> names = Feeder.circular(List.of("ann"));
        UserType buyer = UserType.named("buyer")
                .onStart(session -> session.set(NAME, session.feed(names)))
                .step("browse", session -> {
                    long start = session.nanoTime();
                    session.recordSuccess("GET /items", start, session.nanoTime());
                    session.recordFailure("GET /cart", start, session.nanoTime(), "http_404", "no cart");
                    session.recordTiming("GET /items connect", 1_000);
                    seen.put("userId", session.userId());
                    seen.put("userType", session.userType());
                    seen.put("iteration", session.iteration());
                    seen.put("scenario", session.scenario());
                    seen.put("random", session.random().nextInt(10));
                    seen.put("name", session.get(NAME));
                    seen.put("missing", session.find(SessionKey.of("missing", String.class)).isPresent());
                })
                .step("pay", session -> {
                    throw new TaskFailure("check", "card declined");
                })
                .onStop(session -> seen.put("stopped", true));
        Scenario scenario = Scenario.named("api").users(1).iterationsPerUser(1).userType(buyer).seed(7);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunOptions options = RunOptions.custom()
                .addListener(ConsoleListener.to(new PrintStream(console, true, StandardCharsets.UTF_8), false))
                .build();

        RunResult result = LoadTest.run(scenario, options);

        assertThat(result.scenario()).isEqualTo("api");
        assertThat(result.description()).isEqualTo(scenario.describe());
        assertThat(result.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(result.seed()).isEqualTo(7);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.stopReason()).isNotBlank();
        assertThat(result.start()).isNotNull();
        assertThat(result.end()).isAfterOrEqualTo(result.start());
        assertThat(result.duration()).isPositive();
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.dropped()).isZero();
        assertThat(result.peakUsers()).isEqualTo(1);
        assertThat(result.errorText()).isEmpty();
        assertThat(result.error()).isNull();
        // the adapter requests are the total, as at least one was recorded
        assertThat(result.total().name()).isEqualTo(SampleStats.TOTAL);
        assertThat(result.total().count()).isEqualTo(2);
        assertThat(result.total().failures()).isEqualTo(1);
        assertThat(result.sample("GET /items")).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo(SampleKind.REQUEST);
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.responseTime().count()).isEqualTo(1);
        });
        assertThat(result.sample("pay")).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo(SampleKind.TASK);
            assertThat(s.failures()).isEqualTo(1);
            assertThat(s.failureSummaries()).containsExactly(
                    new FailureSummary("check", 1, List.of(new FailureSummary.MessageCount("card declined", 1))));
        });
        assertThat(result.sample("buyer:onStart")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(SampleKind.HOOK));
        assertThat(result.sample("no such sample")).isEmpty();
        assertThat(result.intervals()).isNotEmpty();
        assertThat(result.intervals().stream().mapToLong(i -> i.total().count()).sum()).isEqualTo(result.total().count());
        assertThat(seen).containsEntry("userId", 1L).containsEntry("userType", "buyer").containsEntry("iteration", 1L)
                .containsEntry("scenario", "api").containsEntry("name", "ann").containsEntry("missing", false)
                .containsEntry("stopped", true).containsKey("random");
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("perfkit: running " + scenario.describe());
    }

    @Test
    void shouldHandOverResultThroughHandleWhenBoundedOpenScenarioIsStarted() throws Exception {
        // 1,000/s for 10.5 ms: arrivals due at 0, 1, ..., 10 ms
        Scenario scenario = Scenario.named("open")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(1_000).perSecond(), Duration.ofNanos(10_500_000)))
                .maxConcurrency(50)
                .task(1, "tick", NOOP);

        RunHandle handle = LoadTest.start(scenario);
        RunResult awaited = handle.await();

        assertThat(handle.await(Duration.ofSeconds(1))).contains(awaited);
        assertThat(handle.completion().get(1, TimeUnit.SECONDS)).isSameAs(awaited);
        assertThat(handle.snapshot().finished()).isTrue();
        handle.stop(); // idempotent, and harmless after the end
        assertThat(awaited.model()).isEqualTo(LoadModel.OPEN);
        assertThat(awaited.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(awaited.iterations() + awaited.dropped()).isEqualTo(11);
        assertThat(awaited.sample("tick").map(SampleStats::count)).contains(awaited.iterations());
    }

    @Test
    void shouldRunWithDefaultOptionsWhenOnlyTheScenarioIsGiven() throws InterruptedException {
        Scenario scenario = Scenario.named("tiny").users(1).iterationsPerUser(1).task(1, "t", NOOP);

        RunResult result = LoadTest.run(scenario);

        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.total().count()).isEqualTo(1);
        assertThat(result.total().kind()).isEqualTo(SampleKind.TASK);
    }

    @Test
    void shouldRejectIncompleteScenarioWhenRunIsStarted() {
        assertThatThrownBy(() -> LoadTest.start(Scenario.named("empty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("empty: no load defined");
    }

    // ------------------------------------------------------------------ baselines and exit codes

    @Test
    void shouldCompareWithBaselineWhenEveryComparisonMethodIsCalled() {
        RunResult baseline = SyntheticRuns.closed("c").sample("a", SyntheticRuns.noisy(12, 40, 0, 5_000_000, 0.05, 1))
                .sample("gone", SyntheticRuns.noisy(12, 40, 0, 5_000_000, 0.05, 2)).build();
        RunResult current = SyntheticRuns.closed("c").sample("a", SyntheticRuns.noisy(12, 40, 0, 7_500_000, 0.05, 3))
                .sample("new", SyntheticRuns.noisy(12, 40, 0, 5_000_000, 0.05, 4)).build();
        RegressionPolicy policy = RegressionPolicy.custom().significance(0.05).minLatencyChange(0.2)
                .minErrorRateIncrease(0.02).minThroughputChange(0.2).minIntervals(8).minSamplesPerInterval(3)
                .statistic(RegressionPolicy.Statistic.P95).build();

        Comparison byDefault = Comparison.of(baseline, current);
        Comparison c = Comparison.of(baseline, current, policy.toBuilder().statistic(RegressionPolicy.Statistic.P50).build());

        assertThat(byDefault.policy()).isEqualTo(RegressionPolicy.defaults());
        assertThat(c.policy().minIntervals()).isEqualTo(8);
        assertThat(c.hasRegression()).isTrue();
        assertThat(c.regressions()).extracting(SampleComparison::name).containsExactly(SampleStats.TOTAL, "a");
        assertThat(c.added()).containsExactly("new");
        assertThat(c.removed()).containsExactly("gone");
        assertThat(c.notes()).isEmpty();
        assertThat(c.summary()).startsWith("regression against the baseline: total: ");
        SampleComparison a = c.sample("a").orElseThrow();
        assertThat(c.samples()).containsExactly(a);
        assertThat(a.name()).isEqualTo("a");
        assertThat(a.isRegression()).isTrue();
        assertThat(a.decision()).isEqualTo(ChangeDecision.REGRESSION);
        assertThat(a.reason()).startsWith("p50 per interval +");
        assertThat(a.p50().relative()).isGreaterThan(0.4);
        assertThat(List.of(a.p90(), a.p95(), a.p99(), a.max())).allSatisfy(ch -> assertThat(ch.absolute()).isPositive());
        assertThat(a.throughput().relative()).isZero();
        assertThat(a.errorRate()).isEqualTo(new Change(0, 0));
        assertThat(a.tests()).extracting(ChangeTest::kind).containsExactly(ChangeTest.Kind.LATENCY, ChangeTest.Kind.ERROR_RATE);
        ChangeTest latency = a.test(ChangeTest.Kind.LATENCY).orElseThrow();
        assertThat(latency.method()).isEqualTo("Mann-Whitney U on the p50 per interval");
        assertThat(latency.baselineN()).isEqualTo(12);
        assertThat(latency.currentN()).isEqualTo(12);
        assertThat(latency.statistic()).isEqualTo(144.0); // every current interval above every baseline one
        assertThat(latency.pValue()).isLessThan(0.001);
        assertThat(latency.effect()).isGreaterThan(0.4);
        assertThat(latency.decision()).isEqualTo(ChangeDecision.REGRESSION);
        assertThat(latency.reason()).isEqualTo(a.reason());
        assertThat(a.test(ChangeTest.Kind.THROUGHPUT)).isEmpty();
        assertThat(ChangeDecision.values()).containsExactly(ChangeDecision.REGRESSION, ChangeDecision.IMPROVEMENT,
                ChangeDecision.NO_CHANGE, ChangeDecision.INSUFFICIENT_DATA);
        assertThat(new Change(4, 5).relative()).isEqualTo(0.25);
        assertThat(RegressionPolicy.Statistic.P99.of(new IntervalStats.Interval(1, 0, 10, 1, 1, 2, 3, 4, 5))).isEqualTo(4);

        assertThat(ExitCode.of(current, null, c)).isEqualTo(ExitCode.REGRESSION);
        assertThat(ExitCode.of(current, Verdict.of("", List.of(), List.of()), null)).isEqualTo(ExitCode.PASS);
        assertThat(ExitCode.RUN_ERROR.code()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ resource monitors

    @Test
    @EnabledOnOs(OS.LINUX) // ProcessMonitor reads /proc
    void shouldPublishGaugesOfEveryMonitorWhenMonitorsAreAddedToRunOptions() throws InterruptedException {
        JvmMonitor jvm = JvmMonitor.create();
        JvmMonitor generator = JvmMonitor.create("generator");
        ProcessMonitor self = ProcessMonitor.of(ProcessHandle.current().pid(), "self");
        ProcessMonitor sut = ProcessMonitor.of(ProcessHandle.current().pid());
        PrometheusMonitor target = PrometheusMonitor.custom(java.net.URI.create("http://127.0.0.1:9/actuator/prometheus"))
                .label("app")
                .timeout(Duration.ofMillis(500))
                .header("Authorization", "Bearer token")
                .addSeries("cpu", "process_cpu_usage")
                .addSeries("memory", "jvm_memory_used_bytes", Map.of("area", "heap"))
                .addRate("requests", "http_server_requests_seconds_count")
                .addRate("errors", "http_server_requests_seconds_count", Map.of("outcome", "SERVER_ERROR"))
                .build();
        RunOptions options = RunOptions.custom().interval(Duration.ofMillis(50))
                .addMonitor(jvm).addMonitor(generator).addMonitor(self).addMonitor(sut).addMonitor(target).build();
        ResourceMonitor any = jvm;

        RunResult result = LoadTest.run(Scenario.named("monitored").users(1).iterationsPerUser(1).task(1, "t", NOOP),
                options);

        assertThat(options.monitors()).containsExactly(jvm, generator, self, sut, target);
        assertThat(result.intervals().getLast().gauges()).containsKeys("jvm.cpu", "jvm.memory", "jvm.memory.afterGc",
                "jvm.heap.committed", "jvm.gc.pause", "jvm.threads", "jvm.up", "generator.up", "self.fds", "sut.cpu",
                "sut.memory", "sut.threads", "sut.up", "app.up", "app.cpu", "app.memory", "app.requests", "app.errors");
        assertThat(any.label()).isEqualTo(JvmMonitor.DEFAULT_LABEL).isEqualTo("jvm");
        assertThat(sut.label()).isEqualTo(ProcessMonitor.DEFAULT_LABEL).isEqualTo("sut");
        assertThat(sut.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(PrometheusMonitor.DEFAULT_LABEL).isEqualTo("sut");
        assertThat(PrometheusMonitor.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
        assertThat(target.uri()).hasPort(9);
        assertThat(target.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(jvm.lastError()).isEmpty();
        assertThat(sut.gauges().get("sut.up").getAsDouble()).isEqualTo(1.0);
        assertThat(target.toString()).doesNotContain("token");
        any.start(Duration.ofSeconds(1));
        any.close();
    }
}
