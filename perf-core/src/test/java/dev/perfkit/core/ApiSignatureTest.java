package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.internal.ArrivalSchedule;
import dev.perfkit.core.internal.ClosedDriver;
import dev.perfkit.core.internal.WeightedPicker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine out of the API (STYLE.md, point 1): no public or protected signature of a public
 * type of {@code dev.perfkit.core} may mention a type of an {@code internal} package, and the module
 * must not export such a package to everyone.
 *
 * <p>The API types are found by listing the class files of the module as it runs: through its
 * {@link ModuleReader} when the tests run patched into the module, otherwise in the directory or
 * jar that holds {@link Scenario}. Test classes patched into the same package are left out, as they
 * come from another code source.
 */
class ApiSignatureTest {

    private static final String API_PACKAGE = "dev.perfkit.core";
    private static final String INTERNAL_PACKAGE = "dev.perfkit.core.internal";

    @Test
    void shouldMentionNoInternalTypeWhenPublicSignaturesOfApiPackageAreListed() {
        List<Class<?>> api = publicApiTypes();

        // the listing is complete enough to mean something: top-level, nested and record types
        assertThat(api).contains(Scenario.class, LoadTest.class, UserType.TaskDef.class, Stage.Target.class,
                ArrivalRate.Count.class, ThinkTime.Uniform.class, RunOptions.Builder.class, IntervalStats.Interval.class);
        // and holds only the public API of the main code: no package-private helper, no test class
        assertThat(api).doesNotContain(Checks.class, ApiSignatureTest.class, Leaky.class, ScenarioTest.class);
        assertThat(api).allSatisfy(c -> assertThat(c.getPackageName()).isEqualTo(API_PACKAGE));

        List<String> offences = api.stream().flatMap(c -> internalMentions(c).stream()).toList();

        assertThat(offences).as("public signatures of %s that mention an internal type", API_PACKAGE).isEmpty();
    }

    @Test
    void shouldReportEveryLeakWhenSignaturesMentionInternalTypes() {
        // Self-check of the detector on synthetic signatures: each leak is hidden a different way.
        List<String> offences = internalMentions(Leaky.class);

        assertThat(offences).hasSize(6);
        assertThat(offences).anySatisfy(o -> assertThat(o).contains("pickers()").contains(WeightedPicker.class.getName()));
        assertThat(offences).anySatisfy(o -> assertThat(o).contains("schedule(").contains(ArrivalSchedule.class.getName()));
        assertThat(offences).anySatisfy(o -> assertThat(o).contains("type parameter").contains(ClosedDriver.class.getName()));
        assertThat(offences).anySatisfy(o -> assertThat(o).contains("DRIVERS").contains(ClosedDriver.class.getName()));
        assertThat(offences).anySatisfy(o -> assertThat(o).contains("Leaky(").contains(ArrivalSchedule.class.getName()));
        assertThat(offences).anySatisfy(o -> assertThat(o).contains("nested").contains(WeightedPicker.class.getName()));
        assertThat(offences).noneSatisfy(o -> assertThat(o).contains("clean"));
        assertThat(internalMentions(LeakyRecord.class))
                .anySatisfy(o -> assertThat(o).contains("record component").contains(ArrivalSchedule.class.getName()))
                .anySatisfy(o -> assertThat(o).contains("extends or implements").contains(ClosedDriver.class.getName()));
        assertThat(internalMentions(Clean.class)).isEmpty();
    }

    @Test
    void shouldExportApiPackageAndNoInternalPackageWhenModuleDescriptorIsRead() {
        ModuleDescriptor descriptor = moduleDescriptor();

        assertThat(descriptor.name()).isEqualTo(API_PACKAGE);
        assertThat(descriptor.packages()).contains(API_PACKAGE, INTERNAL_PACKAGE);
        assertThat(descriptor.exports())
                .anySatisfy(e -> {
                    assertThat(e.source()).isEqualTo(API_PACKAGE);
                    assertThat(e.isQualified()).isFalse();
                })
                .noneSatisfy(e -> {
                    assertThat(isInternalPackage(e.source())).isTrue();
                    assertThat(e.isQualified()).isFalse();
                });
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).noneSatisfy(o -> {
            assertThat(isInternalPackage(o.source())).isTrue();
            assertThat(o.isQualified()).isFalse();
        });
    }

    @Test
    void shouldExportApiButNotInternalsToOtherModulesWhenModuleRuns() {
        Module module = Scenario.class.getModule();
        if (!module.isNamed()) {
            return; // tests on the class path: the descriptor test above reads module-info.class instead
        }
        Module stranger = ModuleLayer.boot().findModule("java.logging").orElseThrow();

        assertThat(module.isExported(API_PACKAGE, stranger)).isTrue();
        assertThat(module.isExported(INTERNAL_PACKAGE, stranger)).isFalse();
    }

    // ------------------------------------------------------------------ synthetic signatures

    /** Leaks through a return type argument, an array parameter, a bound, a field, a constructor and a nested type. */
    @SuppressWarnings("unused")
    public static class Leaky<T extends ClosedDriver> {
        public static final List<ClosedDriver> DRIVERS = List.of();

        public Leaky(Optional<ArrivalSchedule> schedule) {
        }

        public List<? extends WeightedPicker<String>> pickers() {
            return List.of();
        }

        protected void schedule(Map<String, ArrivalSchedule[]> schedules) {
        }

        public Map<String, List<Integer>> clean() {
            return Map.of();
        }

        private WeightedPicker<String> hidden() { // private: not API
            return null;
        }

        public interface Nested {
            WeightedPicker<?> nested();
        }
    }

    /** Leaks through a record component and a generic interface. */
    public record LeakyRecord(List<ArrivalSchedule> schedules) implements Supplier<ClosedDriver> {
        @Override
        public ClosedDriver get() {
            return null;
        }
    }

    /** Mentions only API and JDK types. */
    public record Clean(Scenario scenario, List<? extends Stage> stages) {
    }

    // ------------------------------------------------------------------ the detector

    /** Returns one line per public or protected signature of {@code type} (and its nested types) that mentions an internal type. */
    static List<String> internalMentions(Class<?> type) {
        List<String> offences = new ArrayList<>();
        check(offences, type.getName() + " type parameter", type.getTypeParameters());
        check(offences, type.getName() + " extends or implements", type.getGenericSuperclass());
        check(offences, type.getName() + " extends or implements", type.getGenericInterfaces());
        if (type.isSealed()) {
            check(offences, type.getName() + " permits", type.getPermittedSubclasses());
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                check(offences, type.getName() + " record component " + c.getName(), c.getGenericType());
            }
        }
        Set<Member> members = new LinkedHashSet<>();
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getMethods())); // public methods inherited from any supertype
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        members.addAll(Arrays.asList(type.getFields()));
        for (Member m : members) {
            if (!isApi(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            if (m instanceof Executable e) {
                String where = e instanceof Constructor<?> c ? c.toGenericString() : ((Method) e).toGenericString();
                check(offences, where, e.getTypeParameters());
                check(offences, where, e.getGenericParameterTypes());
                check(offences, where, e.getGenericExceptionTypes());
                if (e instanceof Method method) {
                    check(offences, where, method.getGenericReturnType());
                }
            } else if (m instanceof Field f) {
                check(offences, f.toGenericString(), f.getGenericType());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (isApi(nested.getModifiers())) {
                offences.addAll(internalMentions(nested));
            }
        }
        return offences;
    }

    private static void check(List<String> offences, String where, Type... types) {
        Set<Class<?>> mentioned = new LinkedHashSet<>();
        Set<Type> seen = new HashSet<>();
        for (Type t : types) {
            collect(t, mentioned, seen);
        }
        Set<String> internal = mentioned.stream().filter(c -> isInternalPackage(c.getPackageName()))
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        if (!internal.isEmpty()) {
            offences.add(where + " mentions " + String.join(", ", internal));
        }
    }

    /** Collects every class a type mentions: raw types, type arguments, bounds, array components, owners. */
    private static void collect(Type type, Set<Class<?>> out, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), out, seen);
            case Class<?> c -> out.add(c);
            case ParameterizedType p -> {
                collect(p.getRawType(), out, seen);
                collect(p.getOwnerType(), out, seen);
                for (Type argument : p.getActualTypeArguments()) {
                    collect(argument, out, seen);
                }
            }
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    collect(bound, out, seen);
                }
                for (Type bound : w.getLowerBounds()) {
                    collect(bound, out, seen);
                }
            }
            case TypeVariable<?> v -> {
                for (Type bound : v.getBounds()) {
                    collect(bound, out, seen);
                }
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), out, seen);
            default -> throw new IllegalStateException("unknown kind of type: " + type);
        }
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static boolean isInternalPackage(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    // ------------------------------------------------------------------ finding the API types

    /** Returns the public top-level types of the API package of the main code, and their public or protected nested types. */
    static List<Class<?>> publicApiTypes() {
        List<Class<?>> result = new ArrayList<>();
        for (String className : classNamesInApiPackage()) {
            Class<?> c = load(className);
            if (!className.contains("$") && isFromMainCode(c) && Modifier.isPublic(c.getModifiers())) {
                addWithNestedTypes(c, result);
            }
        }
        result.sort(Comparator.comparing(Class::getName));
        assertThat(result).as("public types found in %s", API_PACKAGE).hasSizeGreaterThan(20);
        return result;
    }

    private static void addWithNestedTypes(Class<?> type, List<Class<?>> out) {
        out.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (isApi(nested.getModifiers())) {
                addWithNestedTypes(nested, out);
            }
        }
    }

    /** Binary names of the classes directly in the API package, listed from the running module or its code source. */
    private static List<String> classNamesInApiPackage() {
        String prefix = API_PACKAGE.replace('.', '/') + "/";
        Stream<String> entries;
        Module module = ApiSignatureTest.class.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            ModuleReference reference = module.getLayer().configuration().findModule(module.getName())
                    .orElseThrow().reference();
            try (ModuleReader reader = reference.open(); Stream<String> listed = reader.list()) {
                entries = listed.toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            entries = entriesOfCodeSource().stream();
        }
        return entries
                .filter(e -> e.startsWith(prefix) && e.endsWith(".class") && e.indexOf('/', prefix.length()) < 0)
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .sorted()
                .toList();
    }

    /** The entries of the directory or jar that holds the main classes, as /-separated names. */
    private static List<String> entriesOfCodeSource() {
        Path root = mainCodeSource();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    return files.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/"))
                            .toList();
                }
            }
            try (JarFile jar = new JarFile(root.toFile())) {
                return jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mainCodeSource() {
        CodeSource source = Scenario.class.getProtectionDomain().getCodeSource();
        assertThat(source).as("code source of the main classes").isNotNull();
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if the class comes from where {@link Scenario} comes from, which leaves out test classes patched in. */
    private static boolean isFromMainCode(Class<?> c) {
        CodeSource main = Scenario.class.getProtectionDomain().getCodeSource();
        CodeSource own = c.getProtectionDomain().getCodeSource();
        URL mainLocation = main == null ? null : main.getLocation();
        URL ownLocation = own == null ? null : own.getLocation();
        return mainLocation == null ? ownLocation == null : mainLocation.equals(ownLocation);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ApiSignatureTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModuleDescriptor moduleDescriptor() {
        Module module = Scenario.class.getModule();
        if (module.isNamed()) {
            return module.getDescriptor();
        }
        Path moduleInfo = mainCodeSource().resolve("module-info.class");
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
