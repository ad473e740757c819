package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the helpers and Jackson out of the API (STYLE.md, points 1 and 9): no public signature of
 * {@code dev.perfkit.report} mentions a type of {@code dev.perfkit.report.internal} or of Jackson,
 * the writers behind {@link Report} are not public, and the module exports only the API package.
 */
class ApiSignatureTest {

    private static final String API = "dev.perfkit.report";
    private static final List<String> HIDDEN = List.of("dev.perfkit.report.internal", "com.fasterxml.jackson");

    /** The public classes of the API package in the main code, read from the running module. */
    private static List<Class<?>> apiTypes() throws IOException {
        ResolvedModule module = ModuleLayer.boot().configuration().findModule(API).orElseThrow();
        List<Class<?>> types = new ArrayList<>();
        try (ModuleReader reader = module.reference().open(); Stream<String> entries = reader.list()) {
            for (String entry : entries.toList()) {
                String prefix = API.replace('.', '/') + "/";
                if (!entry.startsWith(prefix) || !entry.endsWith(".class") || entry.indexOf('/', prefix.length()) >= 0
                        || entry.endsWith("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(entry.substring(0, entry.length() - 6).replace('/', '.'), false,
                        ApiSignatureTest.class.getClassLoader());
                boolean mainCode = !c.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
                if (mainCode && Modifier.isPublic(c.getModifiers())) {
                    types.add(c);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    @Test
    void shouldMentionNoInternalOrJacksonTypeWhenPublicSignaturesAreListed() throws Exception {
        List<Class<?>> api = apiTypes();

        assertThat(api).contains(Report.class, ReportFormat.class, Reports.class, ResultJson.class,
                ResultDocument.class, RunEnvironment.class, Baselines.class, HistogramLogListener.class,
                ShardMerge.class, MergedResult.class, ShardOutcome.class, ShardStatus.class);
        assertThat(api).doesNotContain(JsonReport.class, CsvReport.class, JunitXmlReport.class, MarkdownReport.class,
                HdrLogReport.class, ConsoleReport.class);
        List<String> offences = new ArrayList<>();
        for (Class<?> c : api) {
            offences.addAll(hiddenMentions(c));
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void shouldExportOnlyTheApiPackageWhenTheDescriptorIsRead() {
        ModuleDescriptor d = ApiSignatureTest.class.getModule().getDescriptor();

        assertThat(d.name()).isEqualTo(API);
        assertThat(d.exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(API);
            assertThat(e.isQualified()).isFalse();
        });
    }

    private static List<String> hiddenMentions(Class<?> type) {
        List<String> offences = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        types.add(type.getGenericSuperclass());
        types.addAll(List.of(type.getGenericInterfaces()));
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                types.add(c.getGenericType());
            }
        }
        List<java.lang.reflect.Member> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredFields()));
        for (java.lang.reflect.Member m : members) {
            if (!(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) || m.isSynthetic()) {
                continue;
            }
            if (m instanceof Executable e) {
                types.addAll(List.of(e.getGenericParameterTypes()));
                types.addAll(List.of(e.getGenericExceptionTypes()));
                if (e instanceof Method method) {
                    types.add(method.getGenericReturnType());
                }
            } else if (m instanceof Field f) {
                types.add(f.getGenericType());
            }
        }
        for (Type t : types) {
            mentioned(t).stream()
                    .filter(c -> HIDDEN.stream().anyMatch(h -> c.getPackageName().startsWith(h)))
                    .forEach(c -> offences.add(type.getName() + " mentions " + c.getName()));
        }
        return offences;
    }

    private static List<Class<?>> mentioned(Type type) {
        List<Class<?>> out = new ArrayList<>();
        switch (type) {
            case null -> {
            }
            case Class<?> c when c.isArray() -> out.addAll(mentioned(c.getComponentType()));
            case Class<?> c -> out.add(c);
            case ParameterizedType p -> {
                out.addAll(mentioned(p.getRawType()));
                for (Type a : p.getActualTypeArguments()) {
                    out.addAll(mentioned(a));
                }
            }
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) {
                    out.addAll(mentioned(b));
                }
            }
            default -> {
            }
        }
        return out;
    }
}
