package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.chartscribe.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audio job contract on a real PostgreSQL, plus a second db-scheduler (as a second instance
 * would run it) on the same database: the two share the jobs and each job runs exactly once.
 */
@Import(AudioJobsContract.Scripted.class)
class AudioJobsPostgresIT extends AudioJobsContract {
    private static final String DATABASE = TestPostgres.freshDatabaseUrl();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    void twoSchedulersOnOneDatabaseShareTheJobsAndRunEachOnce() {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService secondThreads = Executors.newFixedThreadPool(2,
                r -> new Thread(r, "second-instance-" + threadNumber.incrementAndGet()));
        List<Task<?>> tasks = new ArrayList<>();
        context.getBeansOfType(Task.class).values().forEach(tasks::add);
        Scheduler second = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .schedulerName(new SchedulerName.Fixed("second-instance"))
                .executorService(secondThreads)
                .pollingInterval(Duration.ofMillis(100))
                .build();
        second.start();
        try {
            String run = "share-" + System.nanoTime();
            List<String> jobIds = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String label = "slow-" + run + "-" + i;
                labels.add(label);
                jobIds.add(submitter.submit("tenant-a", ScriptedPipeline.recording(label, Fixtures.lowBackPain()),
                        options(), Optional.empty()).jobId());
            }
            Set<String> noteIds = new HashSet<>();
            for (String jobId : jobIds) {
                var job = awaitFinished(jobId, KEY_A);
                assertThat(job.get("status").asText()).isEqualTo("succeeded");
                noteIds.add(job.get("noteId").asText());
            }
            assertThat(noteIds).hasSize(8);
            Map<String, AtomicInteger> runs = scripted().runs;
            for (String label : labels) {
                assertThat(runs.get(label).get()).as(label).isEqualTo(1);
            }
            List<String> threads = labels.stream().map(scripted().threads::get).toList();
            assertThat(threads).as("both instances ran jobs")
                    .anyMatch(t -> t.startsWith("second-instance")).anyMatch(t -> !t.startsWith("second-instance"));
        } finally {
            second.stop();
            secondThreads.shutdownNow();
        }
    }
}
