package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the machinery out of the API (STYLE.md, point 1): no public or protected signature of the
 * {@code dev.perfkit.jdbc} package mentions a type of {@code dev.perfkit.jdbc.internal}, nor of
 * HikariCP or Resilience4j (libraries the API must not tie users to), and the module exports the
 * API package alone.
 */
class ApiSignatureTest {

    private static final String API = "dev.perfkit.jdbc";
    private static final List<String> FORBIDDEN = List.of("dev.perfkit.jdbc.internal", "com.zaxxer.hikari", "io.github.resilience4j");

    @Test
    void shouldMentionNoInternalOrLibraryTypeWhenPublicSignaturesAreListed() {
        List<Class<?>> api = apiTypes();

        assertThat(api).contains(JdbcPool.class, PoolConfig.class, PoolConfig.Builder.class, SqlQuery.class,
                SqlTransaction.Isolation.class, PoolExhaustionCheck.class, WorkloadSuites.class, Dataset.Counts.class);
        assertThat(api).doesNotContain(Checks.class, ApiSignatureTest.class, Databases.class);

        List<String> offences = new ArrayList<>();
        for (Class<?> type : api) {
            offences.addAll(mentions(type));
        }

        assertThat(offences).as("public signatures that mention machinery").isEmpty();
    }

    @Test
    void shouldExportOnlyTheApiPackageWhenModuleDescriptorIsRead() throws IOException {
        ModuleDescriptor descriptor = descriptor();

        assertThat(descriptor.name()).isEqualTo(API);
        assertThat(descriptor.packages()).contains(API, API + ".internal");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly(API);
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.requires()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("dev.perfkit.core");
            assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
    }

    private static List<String> mentions(Class<?> type) {
        List<String> offences = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        types.add(type.getGenericSuperclass());
        types.addAll(List.of(type.getGenericInterfaces()));
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                types.add(c.getGenericType());
            }
        }
        check(offences, type.getName(), types);
        List<Object> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredFields()));
        for (Object m : members) {
            if (m instanceof Executable e && isApi(e.getModifiers()) && !e.isSynthetic()) {
                List<Type> signature = new ArrayList<>(List.of(e.getGenericParameterTypes()));
                signature.addAll(List.of(e.getGenericExceptionTypes()));
                if (e instanceof Method method) {
                    signature.add(method.getGenericReturnType());
                }
                check(offences, e instanceof Constructor<?> c ? c.toGenericString() : ((Method) e).toGenericString(), signature);
            } else if (m instanceof Field f && isApi(f.getModifiers())) {
                check(offences, f.toGenericString(), List.of(f.getGenericType()));
            }
        }
        return offences;
    }

    private static void check(List<String> offences, String where, List<Type> types) {
        Set<Class<?>> seen = new HashSet<>();
        for (Type t : types) {
            collect(t, seen, new HashSet<>());
        }
        for (Class<?> c : seen) {
            if (FORBIDDEN.stream().anyMatch(p -> c.getPackageName().startsWith(p))) {
                offences.add(where + " mentions " + c.getName());
            }
        }
    }

    private static void collect(Type type, Set<Class<?>> out, Set<Type> visited) {
        if (type == null || !visited.add(type)) {
            return;
        }
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), out, visited);
            case Class<?> c -> out.add(c);
            case ParameterizedType p -> {
                collect(p.getRawType(), out, visited);
                for (Type a : p.getActualTypeArguments()) {
                    collect(a, out, visited);
                }
            }
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) {
                    collect(b, out, visited);
                }
                for (Type b : w.getLowerBounds()) {
                    collect(b, out, visited);
                }
            }
            case TypeVariable<?> v -> {
                for (Type b : v.getBounds()) {
                    collect(b, out, visited);
                }
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), out, visited);
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The public types of the API package of the main code, nested ones included. */
    private static List<Class<?>> apiTypes() {
        List<Class<?>> result = new ArrayList<>();
        for (String entry : mainEntries()) {
            if (!entry.startsWith("dev/perfkit/jdbc/") || entry.indexOf('/', "dev/perfkit/jdbc/".length()) >= 0
                    || !entry.endsWith(".class") || entry.contains("$") || entry.endsWith("module-info.class")) {
                continue;
            }
            String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> c = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && fromMain(c)) {
                    add(c, result);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(result).as("public API types found").hasSizeGreaterThan(25);
        return result;
    }

    private static void add(Class<?> c, List<Class<?>> out) {
        out.add(c);
        for (Class<?> nested : c.getDeclaredClasses()) {
            if (isApi(nested.getModifiers())) {
                add(nested, out);
            }
        }
    }

    private static boolean fromMain(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation()
                .equals(JdbcPool.class.getProtectionDomain().getCodeSource().getLocation());
    }

    private static List<String> mainEntries() {
        Module module = JdbcPool.class.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            try (ModuleReader reader = module.getLayer().configuration().findModule(module.getName()).orElseThrow()
                    .reference().open(); Stream<String> listed = reader.list()) {
                return listed.toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path root = mainRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mainRoot() {
        try {
            return Path.of(JdbcPool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModuleDescriptor descriptor() throws IOException {
        Module module = JdbcPool.class.getModule();
        if (module.isNamed()) {
            return module.getDescriptor();
        }
        try (InputStream in = Files.newInputStream(mainRoot().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
