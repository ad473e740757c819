package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image recipe deploy/docker/Dockerfile, read as text: there is no Docker engine here to build
 * it, so this checks what can be checked without one: its stages and base images, that what it
 * copies exists, that it copies every module the reactor reads, and that its ENTRYPOINT, its user
 * and its tag agree with the runner and the Kubernetes manifests.
 */
class DockerfileTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    /** The instructions, continuation lines joined, comments dropped: {keyword, rest}. */
    private static List<String[]> instructions;

    @BeforeAll
    static void read() throws IOException {
        instructions = new ArrayList<>();
        String text = Files.readString(DOCKERFILE).replaceAll("\\\\\\R", " ");
        for (String line : text.lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                String[] parts = line.split("\\s+", 2);
                instructions.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            }
        }
    }

    @Test
    void shouldBuildOnAJdkAndRunOnAJreWhenStagesAreDeclared() {
        List<String> stages = all("FROM");
        assertThat(stages).containsExactly("eclipse-temurin:21-jdk AS build", "eclipse-temurin:21-jre AS run");
        assertThat(all("COPY")).anyMatch(c -> c.startsWith("--from=build "));
    }

    @Test
    void shouldCopyOnlyWhatExistsWhenCopyingFromTheCheckout() {
        for (String copy : all("COPY")) {
            List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
            if (words.getFirst().startsWith("--from=")) {
                continue;
            }
            words.removeIf(w -> w.startsWith("--"));
            for (String source : words.subList(0, words.size() - 1)) {
                assertThat(ROOT.resolve(source)).as("COPY " + copy).exists();
            }
        }
    }

    @Test
    void shouldCopyEveryModuleWhenTheReactorReadsThemAll() throws IOException {
        Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> copied = all("COPY").stream().map(c -> c.split("\\s+")[0]).toList();
        int modules = 0;
        while (m.find()) {
            modules++;
            assertThat(copied).as("the Dockerfile copies module " + m.group(1)).contains(m.group(1));
        }
        assertThat(modules).isGreaterThan(5);
        assertThat(copied).contains("mvnw", ".mvn");
    }

    @Test
    void shouldStartTheRunnersMainWhenTheContainerStarts() throws IOException {
        List<String> entrypoint = List.of(new ObjectMapper().readValue(only("ENTRYPOINT"), String[].class));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint.getLast()).isEqualTo(Main.class.getName());
        String classpath = entrypoint.get(entrypoint.indexOf("-cp") + 1);
        // The image's perfkit command (for shell scripts, as the merge job's) runs the same thing.
        String script = Files.readString(ROOT.resolve("deploy/docker/perfkit"));
        assertThat(script).contains("-cp '" + classpath + "' " + Main.class.getName() + " \"$@\"");
        assertThat(all("COPY")).anyMatch(c -> c.contains("deploy/docker/perfkit /usr/local/bin/perfkit"));
    }

    @Test
    void shouldRunAsTheManifestsUserWhenTheContainerStarts() throws IOException {
        String user = only("USER");
        assertThat(user).matches("[1-9]\\d*:[1-9]\\d*"); // numeric: runAsNonRoot can verify it
        String uid = user.substring(0, user.indexOf(':'));
        Manifests manifests = Manifests.load();
        for (String job : List.of("perfkit-shards", "perfkit-merge")) {
            assertThat(Manifests.podSpec(manifests.get("Job", job)).path("securityContext").path("runAsUser").asText())
                    .isEqualTo(uid);
        }
        // The tag the header comment builds is the image the manifests run.
        String image = Manifests.container(manifests.get("Job", "perfkit-shards")).path("image").asText();
        assertThat(Files.readString(DOCKERFILE)).contains("docker build -f deploy/docker/Dockerfile -t " + image + " .");
    }

    private static List<String> all(String keyword) {
        return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
    }

    private static String only(String keyword) {
        List<String> found = all(keyword);
        assertThat(found).as(keyword).hasSize(1);
        return found.getFirst();
    }
}
