package dev.perfkit.http;

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
import java.lang.reflect.Member;
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
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine room and OkHttp out of the API (STYLE.md, point 1): no public or protected
 * signature of {@code dev.perfkit.http} mentions a type of an {@code internal} package, nor one of
 * OkHttp, Okio or Kotlin, which the module reads without re-exporting; and the module exports
 * only the API package.
 */
class ApiSignatureTest {

    private static final String API = "dev.perfkit.http";
    private static final List<String> HIDDEN = List.of("dev.perfkit.http.internal", "okhttp3", "okio", "kotlin");

    @Test
    void shouldMentionNoHiddenTypeWhenPublicSignaturesAreListed() {
        List<Class<?>> api = apiTypes();

        assertThat(api).contains(Http.class, HttpConfig.class, HttpConfig.Builder.class, HttpRequest.class, HttpResponse.class,
                Check.class, Extract.class, Extract.Source.class, HttpFailure.class, HttpFailureCategory.class, HttpTimings.class,
                HttpProtocol.class, Resilience.class, HttpLoadCommand.class);
        assertThat(api).doesNotContain(Require.class, Bound.class);

        List<String> offences = new ArrayList<>();
        api.forEach(c -> offences.addAll(hiddenMentions(c)));

        assertThat(offences).isEmpty();
    }

    @Test
    void shouldFindLeakWhenSignatureMentionsHiddenType() {
        assertThat(hiddenMentions(Leaky.class)).hasSize(2)
                .anySatisfy(o -> assertThat(o).contains("okhttp3.Request"))
                .anySatisfy(o -> assertThat(o).contains("dev.perfkit.http.internal.Redactor"));
    }

    @Test
    void shouldExportOnlyApiPackageWhenDescriptorIsRead() {
        ModuleDescriptor d = descriptor();

        assertThat(d.name()).isEqualTo(API);
        assertThat(d.exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(API);
            assertThat(e.isQualified()).isFalse();
        });
        assertThat(d.opens()).isEmpty();
        assertThat(d.requires()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("dev.perfkit.core");
            assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
        assertThat(d.requires()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("okhttp3");
            assertThat(r.modifiers()).doesNotContain(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
    }

    /** Leaks through a return type and a parameter. */
    public static class Leaky {
        public okhttp3.Request request() {
            return null;
        }

        public void redact(List<dev.perfkit.http.internal.Redactor> r) {
        }

        private okhttp3.Response hidden() {
            return null;
        }
    }

    static List<String> hiddenMentions(Class<?> type) {
        List<String> offences = new ArrayList<>();
        check(offences, type.getName() + " extends or implements", type.getGenericSuperclass());
        check(offences, type.getName() + " extends or implements", type.getGenericInterfaces());
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                check(offences, type.getName() + " record component " + c.getName(), c.getGenericType());
            }
        }
        Set<Member> members = new LinkedHashSet<>();
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        for (Member m : members) {
            if (!(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) || m.isSynthetic()) {
                continue;
            }
            if (m instanceof Executable e) {
                String where = e instanceof Constructor<?> c ? c.toGenericString() : ((Method) e).toGenericString();
                check(offences, where, e.getGenericParameterTypes());
                check(offences, where, e.getGenericExceptionTypes());
                if (e instanceof Method method) {
                    check(offences, where, method.getGenericReturnType());
                }
            } else if (m instanceof Field f) {
                check(offences, f.toGenericString(), f.getGenericType());
            }
        }
        return offences;
    }

    private static void check(List<String> offences, String where, Type... types) {
        Set<Class<?>> mentioned = new LinkedHashSet<>();
        for (Type t : types) {
            collect(t, mentioned, new HashSet<>());
        }
        mentioned.stream().filter(c -> HIDDEN.stream().anyMatch(p -> c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")))
                .forEach(c -> offences.add(where + " mentions " + c.getName()));
    }

    private static void collect(Type type, Set<Class<?>> out, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), out, seen);
            case Class<?> c -> out.add(c);
            case ParameterizedType p -> {
                collect(p.getRawType(), out, seen);
                for (Type a : p.getActualTypeArguments()) {
                    collect(a, out, seen);
                }
            }
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) {
                    collect(b, out, seen);
                }
                for (Type b : w.getLowerBounds()) {
                    collect(b, out, seen);
                }
            }
            case TypeVariable<?> v -> {
                for (Type b : v.getBounds()) {
                    collect(b, out, seen);
                }
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), out, seen);
            default -> throw new IllegalStateException("unknown kind of type: " + type);
        }
    }

    /** The public types of the API package of the main code, with their public nested types. */
    private static List<Class<?>> apiTypes() {
        String prefix = API.replace('.', '/') + "/";
        List<Class<?>> result = new ArrayList<>();
        for (String entry : entries()) {
            if (!entry.startsWith(prefix) || !entry.endsWith(".class") || entry.indexOf('/', prefix.length()) >= 0
                    || entry.contains("$") || entry.endsWith("package-info.class")) {
                continue;
            }
            String name = entry.substring(0, entry.length() - 6).replace('/', '.');
            try {
                Class<?> c = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && isMainCode(c)) {
                    add(c, result);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(result).hasSizeGreaterThan(10);
        return result;
    }

    private static void add(Class<?> c, List<Class<?>> out) {
        out.add(c);
        for (Class<?> nested : c.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers()) || Modifier.isProtected(nested.getModifiers())) {
                add(nested, out);
            }
        }
    }

    private static List<String> entries() {
        Module module = Http.class.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            try (ModuleReader reader = module.getLayer().configuration().findModule(module.getName()).orElseThrow().reference().open();
                 Stream<String> listed = reader.list()) {
                return listed.toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path root = codeSource();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMainCode(Class<?> c) {
        CodeSource main = Http.class.getProtectionDomain().getCodeSource();
        CodeSource own = c.getProtectionDomain().getCodeSource();
        return main == null ? own == null : own != null && main.getLocation().equals(own.getLocation());
    }

    private static Path codeSource() {
        try {
            return Path.of(Http.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModuleDescriptor descriptor() {
        Module module = Http.class.getModule();
        if (module.isNamed()) {
            return module.getDescriptor();
        }
        try (InputStream in = Files.newInputStream(codeSource().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
