package dev.perfkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A kind of virtual user, such as "regular", "admin", "api-only" or "mobile": what it does in each
 * iteration, how often it appears among the users, and what it does when it starts and stops.
 *
 * <p>An iteration is either one task picked at random by weight ({@link #task(int, String, Task)}),
 * or, for a user type defined with {@link #step(String, Task)}, all its steps in order, as in a
 * checkout flow. The two cannot be mixed in one user type.
 *
 * <pre>{@code
 * UserType regular = UserType.named("regular").weight(7)
 *     .onStart(session -> session.set(TOKEN, api.login(session)))
 *     .task(5, "dashboard", session -> api.get(session, "/dashboard"))
 *     .task(2, "reports", session -> api.get(session, "/reports?page=1"));
 * }</pre>
 *
 * <p><b>Copy-on-write:</b> a user type is an immutable value. Every method returns a new instance
 * and leaves the receiver unchanged, so a base type can be shared and specialised safely. Each
 * method checks its argument at once and throws {@link IllegalArgumentException} naming the user
 * type, the field and the bad value.
 */
public final class UserType {

    /** The weight of a user type that does not set one. */
    public static final int DEFAULT_WEIGHT = 1;

    private final String name;
    private final int weight;
    private final List<TaskDef> tasks;
    private final boolean sequential;
    private final Hook onStart;
    private final Hook onStop;

    private UserType(String name, int weight, List<TaskDef> tasks, boolean sequential, Hook onStart, Hook onStop) {
        this.name = name;
        this.weight = weight;
        this.tasks = tasks;
        this.sequential = sequential;
        this.onStart = onStart;
        this.onStop = onStop;
    }

    /**
     * Starts a user type with no tasks and weight {@value #DEFAULT_WEIGHT}.
     *
     * @param name the user type's name, non-blank, unique within a scenario
     * @return the user type
     */
    public static UserType named(String name) {
        return new UserType(Checks.name("userType", "name", name), DEFAULT_WEIGHT, List.of(), false, null, null);
    }

    /**
     * Returns a copy with another weight: the share of users of this type is its weight divided by
     * the sum of the weights of all user types of the scenario.
     *
     * @param weight the weight, {@code > 0}
     * @return the new user type
     */
    public UserType weight(int weight) {
        Checks.positive(where(), "weight", weight);
        return new UserType(name, weight, tasks, sequential, onStart, onStop);
    }

    /**
     * Returns a copy with one more weighted task; each iteration runs one task, picked with a
     * probability proportional to its weight.
     *
     * @param weight   the task's weight, {@code > 0}
     * @param taskName the sample name of the task, non-blank, unique within the user type
     * @param task     the work
     * @return the new user type
     * @throws IllegalArgumentException on a bad weight or name, or if the type has steps
     */
    public UserType task(int weight, String taskName, Task task) {
        Checks.name(where(), "task name", taskName);
        String at = where() + "/task[" + taskName + "]";
        Checks.positive(at, "weight", weight);
        Checks.notNull(at, "task", task);
        if (sequential && !tasks.isEmpty()) {
            throw new IllegalArgumentException(at + ": cannot add a weighted task to a user type with steps");
        }
        return withTask(new TaskDef(taskName, weight, task), false);
    }

    /**
     * Returns a copy with one more step; each iteration runs all steps in the order they were added.
     *
     * @param stepName the sample name of the step, non-blank, unique within the user type
     * @param task     the work
     * @return the new user type
     * @throws IllegalArgumentException on a bad name, or if the type has weighted tasks
     */
    public UserType step(String stepName, Task task) {
        Checks.name(where(), "step name", stepName);
        String at = where() + "/step[" + stepName + "]";
        Checks.notNull(at, "task", task);
        if (!sequential && !tasks.isEmpty()) {
            throw new IllegalArgumentException(at + ": cannot add a step to a user type with weighted tasks");
        }
        return withTask(new TaskDef(stepName, 1, task), true);
    }

    private UserType withTask(TaskDef def, boolean asStep) {
        for (TaskDef t : tasks) {
            if (t.name().equals(def.name())) {
                throw new IllegalArgumentException(where() + ": task name must be unique, was \"" + def.name() + "\" twice");
            }
        }
        List<TaskDef> copy = new ArrayList<>(tasks);
        copy.add(def);
        return new UserType(name, weight, Collections.unmodifiableList(copy), asStep, onStart, onStop);
    }

    /**
     * Returns a copy with a hook run once when each virtual user of this type starts.
     *
     * @param hook the hook
     * @return the new user type
     */
    public UserType onStart(Hook hook) {
        return new UserType(name, weight, tasks, sequential, Checks.notNull(where(), "onStart", hook), onStop);
    }

    /**
     * Returns a copy with a hook run once when each virtual user of this type stops, including at
     * a graceful stop of the run.
     *
     * @param hook the hook
     * @return the new user type
     */
    public UserType onStop(Hook hook) {
        return new UserType(name, weight, tasks, sequential, onStart, Checks.notNull(where(), "onStop", hook));
    }

    private String where() {
        return "userType[" + name + "]";
    }

    /** Returns the name. */
    public String name() {
        return name;
    }

    /** Returns the weight. */
    public int weight() {
        return weight;
    }

    /** Returns the tasks or steps, in the order they were added. */
    public List<TaskDef> tasks() {
        return tasks;
    }

    /** Returns true if each iteration runs all tasks in order (steps), false for a weighted pick. */
    public boolean isSequential() {
        return sequential;
    }

    /** Returns the start hook, or null. */
    public Hook startHook() {
        return onStart;
    }

    /** Returns the stop hook, or null. */
    public Hook stopHook() {
        return onStop;
    }

    @Override
    public String toString() {
        return name + " (weight " + weight + ", " + tasks.size() + (sequential ? " steps)" : " tasks)");
    }

    /**
     * A task or step of a user type.
     *
     * @param name   the sample name
     * @param weight the weight (1 for steps)
     * @param task   the work
     */
    public record TaskDef(String name, int weight, Task task) {
    }
}
