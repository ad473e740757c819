package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.perfkit.junit.examples.OnlyThroughTestKit;
import dev.perfkit.junit.examples.RegistrationExamples;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** How {@link PerfkitExtension} is registered and what the module exposes. */
class PerfkitExtensionTest {

    @TempDir
    Path reports;

    @Test
    void shouldGiveOnePerfRunWhenTheExtensionIsRegisteredOnTheClassAndByPerfTest() {
        Examples.run(RegistrationExamples.class, "registeredTwice", Map.of(PerfkitExtension.REPORTS_DIR, reports.toString()))
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void shouldRefuseAPerfRunWhenALifecycleMethodAsksForOne() {
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RegistrationExamples.InBeforeEach.class))
                .configurationParameter(OnlyThroughTestKit.ENABLED, "true")
                .execute();

        assertThat(Examples.failure(results)).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("a PerfRun is given to test methods only").hasMessageContaining("prepare");
    }

    @Test
    void shouldExportOnlyTheApiPackageWhoseSignaturesMentionNoInternalType() {
        ModuleDescriptor module = ModuleFinder.of(Path.of("target/classes")).find("dev.perfkit.junit").orElseThrow()
                .descriptor();
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.perfkit.junit");
        assertThat(module.packages()).contains("dev.perfkit.junit.internal");

        List<String> leaks = new ArrayList<>();
        for (Class<?> type : List.of(PerfTest.class, PerfRun.class, PerfkitExtension.class)) {
            Stream.<Executable>concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .filter(e -> Modifier.isPublic(e.getModifiers()) || Modifier.isProtected(e.getModifiers()))
                    .forEach(e -> {
                        String signature = e.toGenericString();
                        if (signature.contains(".internal.")) {
                            leaks.add(signature);
                        }
                    });
        }
        assertThat(leaks).isEmpty();
    }
}
