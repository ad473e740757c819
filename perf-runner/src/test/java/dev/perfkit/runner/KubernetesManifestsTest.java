package dev.perfkit.runner;

import static dev.perfkit.runner.Manifests.container;
import static dev.perfkit.runner.Manifests.option;
import static dev.perfkit.runner.Manifests.podSpec;
import static dev.perfkit.runner.Manifests.runnerArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of deploy/kubernetes (docs/distributed.md) hold together and call the
 * runner with options it knows. They are not applied here (no cluster): this checks what the runner
 * and the shards rely on, field by field.
 */
class KubernetesManifestsTest {

    /**
     * Runner commands and options the manifests use that the runner does not have YET: they come
     * with the sharding and merging work of issue 8. Once one lands, this test fails until it is
     * removed from here; when the list is empty, every word the manifests pass is checked.
     */
    static final Set<String> STILL_TO_COME = Set.of();

    private static final Pattern SHARD = Pattern.compile("\\$\\(JOB_COMPLETION_INDEX\\)/(\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\((\\w+)\\)");
    private static final Map<String, String> API_VERSIONS = Map.of("Job", "batch/v1", "ConfigMap", "v1",
            "PersistentVolumeClaim", "v1", "Pod", "v1");

    private final Manifests manifests = Manifests.load();
    private final JsonNode shards = manifests.get("Job", "perfkit-shards");
    private final JsonNode merge = manifests.get("Job", "perfkit-merge");
    private final JsonNode results = manifests.get("Pod", "perfkit-results");
    private final JsonNode claim = manifests.get("PersistentVolumeClaim", "perfkit-results");
    private final JsonNode config = manifests.get("ConfigMap", "perfkit-run");

    @Test
    void shouldDeclareAKnownKindAndApiVersionWhenParsingEveryManifest() {
        assertThat(manifests.documents()).hasSize(5);
        for (JsonNode doc : manifests.documents()) {
            assertThat(API_VERSIONS).containsKey(doc.path("kind").asText());
            assertThat(doc.path("apiVersion").asText()).as(doc.path("kind").asText())
                    .isEqualTo(API_VERSIONS.get(doc.path("kind").asText()));
            assertThat(doc.path("metadata").path("name").asText()).isNotBlank();
        }
    }

    @Test
    void shouldRunOneShardPerIndexWhenTheShardJobStarts() {
        List<String> args = runnerArgs(container(shards));
        int n = shardCount(args);
        JsonNode spec = shards.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        assertThat(spec.path("completions").asInt()).isEqualTo(n);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(n);
        assertThat(n).isGreaterThan(1);
        // No retry: a shard started again would run out of step with the others.
        assertThat(spec.path("backoffLimitPerIndex").asInt(-1)).isZero();
        assertThat(spec.path("activeDeadlineSeconds").asInt()).isPositive();
        assertThat(args.getFirst()).isEqualTo("run");
        assertThat(option(args, "--start-at")).isEqualTo("$(PERFKIT_START_AT)");
        assertThat(option(args, "--out")).isEqualTo("/results/shard-$(JOB_COMPLETION_INDEX)");
        assertThat(option(args, "--format")).contains("json").contains("hdr-log");
    }

    @Test
    void shouldNeverRestartAPodWhenAnyWorkloadRuns() {
        for (JsonNode workload : List.of(shards, merge, results)) {
            assertThat(podSpec(workload).path("restartPolicy").asText()).isEqualTo("Never");
            assertThat(podSpec(workload).path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            JsonNode resources = container(workload).path("resources");
            assertThat(resources.path("requests").path("memory").asText()).isNotBlank();
            assertThat(resources.path("limits").path("memory").asText()).isNotBlank();
            assertThat(resources.path("limits").path("cpu").asText()).isNotBlank();
        }
        assertThat(merge.path("spec").path("backoffLimit").asInt(-1)).isZero();
    }

    @Test
    void shouldShareOneReadWriteManyClaimWhenShardsAndMergeMountTheResults() {
        assertThat(Manifests.strings(claim.path("spec").path("accessModes"))).containsExactly("ReadWriteMany");
        for (JsonNode workload : List.of(shards, merge, results)) {
            String mountPath = resultsMountPath(workload);
            List<String> args = workload == results ? List.of() : runnerArgs(container(workload));
            if (!args.isEmpty()) {
                assertThat(option(args, "--out")).startsWith(mountPath + "/");
            }
        }
    }

    @Test
    void shouldMergeExactlyTheShardsWhenTheMergeJobRuns() {
        int n = shardCount(runnerArgs(container(shards)));
        List<String> args = runnerArgs(container(merge));
        assertThat(args.getFirst()).isEqualTo("merge");
        assertThat(Integer.parseInt(option(args, "--expected"))).isEqualTo(n);
        String shardOut = option(runnerArgs(container(shards)), "--out");
        String glob = shardOut.replace("$(JOB_COMPLETION_INDEX)", "*");
        assertThat(args.getLast()).isEqualTo(glob);
        assertThat(merge.path("spec").path("completionMode").isMissingNode()).isTrue();
    }

    @Test
    void shouldUseTheSameImageWhenAnyWorkloadRuns() {
        String image = container(shards).path("image").asText();
        assertThat(image).isNotBlank().contains(":");
        assertThat(container(merge).path("image").asText()).isEqualTo(image);
        assertThat(container(results).path("image").asText()).isEqualTo(image);
    }

    @Test
    void shouldDefineEveryVariableWhenTheShardArgumentsUseOne() {
        JsonNode container = container(shards);
        Set<String> defined = new LinkedHashSet<>(List.of("JOB_COMPLETION_INDEX")); // set by the Job controller
        for (JsonNode env : container.path("env")) {
            defined.add(env.path("name").asText());
            JsonNode ref = env.path("valueFrom").path("configMapKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(ref.path("name").asText()).isEqualTo("perfkit-run");
                assertThat(config.path("data").has(ref.path("key").asText())).as(ref.path("key").asText()).isTrue();
            }
        }
        for (String arg : runnerArgs(container)) {
            Matcher m = VARIABLE.matcher(arg);
            while (m.find()) {
                assertThat(defined).as(arg).contains(m.group(1));
            }
        }
        assertThat(Instant.parse(config.path("data").path("start-at").asText())).isNotNull();
    }

    @Test
    void shouldPassOnlyCommandsAndOptionsTheRunnerKnowsWhenTheManifestsCallIt() {
        Set<String> commands = RunnerHelp.commands();
        assertThat(commands).as("the runner's commands, read from --help").contains("run", "list", "http");
        assertThat(RunnerHelp.options("run")).as("run's options, read from its --help")
                .contains("-o", "--out", "--host", "--users", "--format", "--quiet").doesNotContain("--unknown");
        List<String> unknown = new ArrayList<>();
        Set<String> landed = new LinkedHashSet<>();
        for (JsonNode job : List.of(shards, merge)) {
            List<String> args = runnerArgs(container(job));
            String command = args.getFirst();
            if (!commands.contains(command)) {
                if (!STILL_TO_COME.contains(command)) {
                    unknown.add(command);
                }
                continue; // the options of a command still to come are checked once it lands
            }
            if (STILL_TO_COME.contains(command)) {
                landed.add(command);
            }
            Set<String> known = RunnerHelp.options(command);
            for (String arg : args.subList(1, args.size())) {
                if (!arg.startsWith("-")) {
                    continue;
                }
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String entry = command + " " + name;
                if (!known.contains(name) && !STILL_TO_COME.contains(entry)) {
                    unknown.add(entry);
                } else if (known.contains(name) && STILL_TO_COME.contains(entry)) {
                    landed.add(entry);
                }
            }
        }
        assertThat(unknown).as("commands and options the runner does not know").isEmpty();
        assertThat(landed).as("now known to the runner: remove them from STILL_TO_COME").isEmpty();
    }

    private static int shardCount(List<String> args) {
        Matcher m = SHARD.matcher(option(args, "--shard"));
        assertThat(m.matches()).as("--shard $(JOB_COMPLETION_INDEX)/N, was " + option(args, "--shard")).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The mount path of the volume that holds the results claim; fails when names do not match. */
    private String resultsMountPath(JsonNode workload) {
        String claimName = claim.path("metadata").path("name").asText();
        List<String> volumes = new ArrayList<>();
        for (JsonNode volume : podSpec(workload).path("volumes")) {
            if (volume.path("persistentVolumeClaim").path("claimName").asText().equals(claimName)) {
                volumes.add(volume.path("name").asText());
            }
        }
        assertThat(volumes).as(workload.path("metadata").path("name") + ": volumes of " + claimName).hasSize(1);
        List<String> paths = new ArrayList<>();
        for (JsonNode mount : container(workload).path("volumeMounts")) {
            if (mount.path("name").asText().equals(volumes.getFirst())) {
                paths.add(mount.path("mountPath").asText());
            }
        }
        assertThat(paths).as(workload.path("metadata").path("name") + ": mounts of " + volumes.getFirst())
                .containsExactly("/results");
        return paths.getFirst();
    }
}
