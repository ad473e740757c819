package dev.perfkit.runner.internal;

import dev.perfkit.core.Scenario;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.SuiteScenario;
import dev.perfkit.runner.TargetSystem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds suites and target systems by name with {@link ServiceLoader}, and turns a user's class
 * into a suite for {@code --scenario}.
 */
final class Catalog {

    private final ClassLoader loader;

    Catalog(ClassLoader loader) {
        this.loader = loader;
    }

    /** The suites found, sorted by name. */
    List<Suite> suites() {
        List<Suite> found = new ArrayList<>();
        try {
            ServiceLoader.load(Suite.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a suite on the class path cannot be loaded: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Suite::name));
        return found;
    }

    /** The target systems found, sorted by name. */
    List<TargetSystem> targets() {
        List<TargetSystem> found = new ArrayList<>();
        try {
            ServiceLoader.load(TargetSystem.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a target system on the class path cannot be loaded: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(TargetSystem::name));
        return found;
    }

    /**
     * Returns a class of the user's as a suite: the class itself if it implements {@link Suite},
     * else a one-scenario suite around its {@code public static Scenario scenario()}, judged by the
     * environment's default thresholds.
     *
     * @throws IllegalArgumentException if the class is missing or is neither
     */
    Suite scenarioClass(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--scenario: class " + className + " is not on the class path");
        }
        if (Suite.class.isAssignableFrom(type)) {
            try {
                return (Suite) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("--scenario: " + className
                        + " implements Suite but has no public no-argument constructor");
            }
        }
        Method factory;
        try {
            factory = type.getMethod("scenario");
        } catch (NoSuchMethodException e) {
            factory = null;
        }
        if (factory == null || !Modifier.isStatic(factory.getModifiers())
                || factory.getReturnType() != Scenario.class) {
            throw new IllegalArgumentException("--scenario: " + className
                    + " must implement dev.perfkit.runner.Suite or have a public static Scenario scenario() method");
        }
        return new MethodSuite(type.getSimpleName().toLowerCase(Locale.ROOT), className, factory);
    }

    /** A suite of one scenario made by a {@code public static Scenario scenario()} method. */
    private record MethodSuite(String name, String className, Method factory) implements Suite {

        @Override
        public String description() {
            return className + ".scenario()";
        }

        @Override
        public List<SuiteScenario> scenarios(SuiteContext context) throws Exception {
            Object scenario;
            try {
                scenario = factory.invoke(null);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (scenario == null) {
                throw new IllegalStateException(className + ".scenario() returned null");
            }
            Scenario s = (Scenario) scenario;
            String file = s.name().replaceAll("[^A-Za-z0-9._-]", "_");
            return List.of(SuiteScenario.of(file.matches("\\.+") ? "scenario" : file, s, context.thresholds()));
        }
    }
}
