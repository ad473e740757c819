package dev.perfkit.core.internal;

import dev.perfkit.core.SampleKind;
import dev.perfkit.core.Task;
import dev.perfkit.core.UserType;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A user type resolved for a run: its tasks with their metrics, its picker, its idle open-model users. */
final class UserTypePlan {

    final UserType type;
    final Task[] tasks;
    final SampleMetric[] metrics;
    final WeightedPicker<UserType.TaskDef> picker;
    final SampleMetric startHook;
    final SampleMetric stopHook;
    final ConcurrentLinkedQueue<VirtualUser> idle = new ConcurrentLinkedQueue<>();

    UserTypePlan(UserType type, Metrics registry) {
        this.type = type;
        List<UserType.TaskDef> defs = type.tasks();
        this.tasks = new Task[defs.size()];
        this.metrics = new SampleMetric[defs.size()];
        for (int i = 0; i < defs.size(); i++) {
            tasks[i] = defs.get(i).task();
            metrics[i] = registry.metric(defs.get(i).name(), SampleKind.TASK);
        }
        this.picker = new WeightedPicker<>(defs, UserType.TaskDef::weight);
        this.startHook = type.startHook() == null ? null : registry.metric(type.name() + ":onStart", SampleKind.HOOK);
        this.stopHook = type.stopHook() == null ? null : registry.metric(type.name() + ":onStop", SampleKind.HOOK);
    }
}
