package io.perscom.webhooks.scheduling;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;

/**
 * Periodic work whose interval comes from a {@code @ConfigMapping} (so its default is the mapping's, written once):
 * a job runs on the event loop, is skipped while its previous run is still going, and only while the application runs.
 * The scheduler checks its jobs once a second, so intervals below that act as one second.
 */
@ApplicationScoped
public class PeriodicJobs {

    private final Scheduler scheduler;

    public PeriodicJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code task} every {@code interval}, the first time at once. */
    public void every(String name, Duration interval, Supplier<Uni<Void>> task) {
        every(name, interval, Duration.ZERO, task);
    }

    /** Runs {@code task} every {@code interval}, the first time {@code delay} after start-up. */
    public void every(String name, Duration interval, Duration delay, Supplier<Uni<Void>> task) {
        var job = scheduler.newJob(name)
                .setInterval(interval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setAsyncTask(execution -> task.get());
        if (delay.isPositive()) {
            job.setDelayed(delay.toString());
        }
        job.schedule();
    }
}
