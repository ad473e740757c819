package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine room and picocli out of the API (STYLE.md, point 1): no public or protected
 * signature of {@code dev.perfkit.runner} mentions a type of {@code dev.perfkit.runner.internal}
 * or of picocli.
 */
class ApiSignatureTest {

    private static final List<Class<?>> API = List.of(Main.class, Suite.class, SuiteScenario.class,
            SuiteContext.class, Overrides.class, TargetSystem.class, RunningTarget.class);

    static List<String> hiddenMentions(Class<?> type) {
        List<String> offences = new ArrayList<>();
        Stream.of(type.getDeclaredMethods(), type.getDeclaredConstructors(), type.getDeclaredFields())
                .flatMap(Stream::of)
                .filter(m -> (((Member) m).getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0)
                .map(m -> m instanceof java.lang.reflect.Method method ? method.toGenericString()
                        : m instanceof java.lang.reflect.Constructor<?> c ? c.toGenericString()
                        : ((java.lang.reflect.Field) m).toGenericString())
                .filter(s -> s.contains("dev.perfkit.runner.internal") || s.contains("picocli"))
                .forEach(offences::add);
        return offences;
    }

    @Test
    void shouldMentionNoInternalOrPicocliTypeWhenPublicSignaturesAreListed() {
        List<String> offences = new ArrayList<>();
        API.forEach(c -> offences.addAll(hiddenMentions(c)));

        assertThat(offences).isEmpty();
    }

    @Test
    void shouldFindTheLeakWhenASignatureMentionsAnInternalType() {
        assertThat(hiddenMentions(Leaky.class)).singleElement().asString().contains("dev.perfkit.runner.internal.Cli");
    }

    /** A type that leaks, to prove the check sees it. */
    public static final class Leaky {
        public dev.perfkit.runner.internal.Cli cli() {
            return null;
        }
    }
}
