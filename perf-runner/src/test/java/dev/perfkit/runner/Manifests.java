package dev.perfkit.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The Kubernetes manifests of deploy/kubernetes, parsed as YAML (every document of every file). */
record Manifests(List<JsonNode> documents) {

    static final Path DIR = Path.of("..", "deploy", "kubernetes");

    static Manifests load() {
        YAMLMapper yaml = new YAMLMapper();
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            documents.add(doc);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(List.copyOf(documents));
    }

    /** The one document of this kind and name; fails when there is none or more than one. */
    JsonNode get(String kind, String name) {
        List<JsonNode> found = documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " named " + name + " in " + DIR + ", found " + found.size());
        }
        return found.getFirst();
    }

    /** The documents of a kind. */
    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    /** The pod spec of a Job's template, or of a Pod. */
    static JsonNode podSpec(JsonNode workload) {
        return workload.path("kind").asText().equals("Pod") ? workload.path("spec")
                : workload.path("spec").path("template").path("spec");
    }

    /** The only container of a workload's pod. */
    static JsonNode container(JsonNode workload) {
        JsonNode containers = podSpec(workload).path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(workload.path("metadata").path("name") + ": expected one container, found "
                    + containers.size());
        }
        return containers.get(0);
    }

    /**
     * The arguments the runner's Main gets in a container: its {@code args} when the image's
     * ENTRYPOINT runs (no {@code command}), or the words after {@code exec perfkit} of a
     * {@code /bin/sh -c} script.
     */
    static List<String> runnerArgs(JsonNode container) {
        List<String> args = strings(container.path("args"));
        List<String> command = strings(container.path("command"));
        if (command.isEmpty()) {
            return args;
        }
        if (!command.equals(List.of("/bin/sh", "-c")) || args.size() != 1) {
            throw new AssertionError("a command other than the ENTRYPOINT must be /bin/sh -c with one script, was "
                    + command + " " + args);
        }
        List<String> words = Arrays.asList(args.getFirst().trim().split("\\s+"));
        if (words.size() < 2 || !words.subList(0, 2).equals(List.of("exec", "perfkit"))) {
            throw new AssertionError("the script must be 'exec perfkit ...', was: " + args.getFirst());
        }
        return List.copyOf(words.subList(2, words.size()));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The value after an option ({@code --out DIR} or {@code --out=DIR}); fails when absent. */
    static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(name + "=")) {
                return args.get(i).substring(name.length() + 1);
            }
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
        }
        throw new AssertionError("no " + name + " VALUE in " + args);
    }
}
