package org.chartscribe.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.chartscribe.audio.AudioNotePipeline;
import org.chartscribe.config.AudioWorkDir;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.ids.RandomIds;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.KeyVault;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires audio jobs and webhooks onto db-scheduler (whose Scheduler bean collects the tasks below).
 * The secret store is there in CLI mode too; the jobs only when db-scheduler runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {
    static final String JOB_TASK = "audio-note-job";
    static final String WEBHOOK_TASK = "webhook-delivery";
    static final String PURGE_TASK = "audio-job-purge";

    @Bean
    AudioJobStore audioJobStore(JdbcClient jdbc, ContentCipher cipher, ObjectProvider<Clock> clock) {
        return new AudioJobStore(jdbc, cipher, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WebhookSecretStore webhookSecretStore(JdbcClient jdbc, ContentCipher cipher, ObjectProvider<Clock> clock,
                                          PlatformTransactionManager transactions) {
        return new WebhookSecretStore(jdbc, cipher, clock.getIfAvailable(Clock::systemUTC),
                new TransactionTemplate(transactions));
    }

    @Bean
    ApplicationRunner bootstrapWebhookSecrets(WebhookSecretStore secrets,
                                              @Value("${chartscribe.bootstrap-webhook-secrets:}") String value) {
        return args -> BootstrapWebhookSecrets.parse(value).forEach(e -> secrets.set(e.tenantId(), e.secret()));
    }

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(JobsProperties properties) {
        return new WebhookUrlPolicy(properties.webhook().allowPrivate(), properties.webhook().allowHttp());
    }

    @Bean
    RecordingVault recordingVault(JdbcClient jdbc, KeyVault keys, JobsProperties properties) {
        return new RecordingVault(jdbc, keys, (int) properties.jobs().chunkSize().toBytes());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "db-scheduler", name = "enabled", matchIfMissing = true)
    static class Running {

        @Bean
        OneTimeTask<Void> audioNoteJobTask(ObjectProvider<AudioJobRunner> runner) {
            return Tasks.oneTime(JOB_TASK).onDeadExecutionRevive()
                    .execute((instance, context) -> runner.getObject().run(instance.getId(), context.getSchedulerClient()));
        }

        @Bean
        OneTimeTask<Void> webhookDeliveryTask(ObjectProvider<WebhookDispatcher> dispatcher) {
            return Tasks.oneTime(WEBHOOK_TASK).onDeadExecutionRevive()
                    .execute((instance, context) -> dispatcher.getObject().deliver(instance.getId(), context.getSchedulerClient()));
        }

        @Bean
        RecurringTask<Void> audioJobPurgeTask(ObjectProvider<AudioJobPurge> purge, ChartScribeProperties settings) {
            return Tasks.recurring(PURGE_TASK, FixedDelay.of(settings.purgeInterval()))
                    .execute((instance, context) -> purge.getObject().run());
        }

        @Bean
        WebhookDispatcher webhookDispatcher(AudioJobStore jobs, WebhookSecretStore secrets, WebhookUrlPolicy policy,
                                            JobsProperties properties, ObjectProvider<Clock> clock,
                                            ObjectProvider<OneTimeTask<Void>> tasks) {
            JobsProperties.Webhook webhook = properties.webhook();
            OneTimeTask<Void> task = tasks.stream().filter(t -> t.getName().equals(WEBHOOK_TASK)).findFirst().orElseThrow();
            return new WebhookDispatcher(jobs, secrets, new WebhookSender(policy, webhook.timeout(), webhook.maxRedirects()),
                    new ObjectMapper(), task, webhook.maxAttempts(), webhook.firstRetry(),
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        AudioJobRunner audioJobRunner(AudioJobStore jobs, RecordingVault recordings, AudioNotePipeline pipeline,
                                      WebhookDispatcher webhooks, PlatformTransactionManager transactions,
                                      AudioWorkDir work, JobsProperties properties, ObjectProvider<Clock> clock) {
            return new AudioJobRunner(jobs, recordings, pipeline, webhooks, new TransactionTemplate(transactions),
                    work.path(), properties.jobs().maxAttempts(), clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        AudioJobPurge audioJobPurge(AudioJobStore jobs, RecordingVault recordings, ObjectProvider<AudioJobRunner> runner,
                                    ObjectProvider<Clock> clock) {
            return new AudioJobPurge(jobs, recordings, runner, clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        AudioJobQueue audioJobSubmitter(AudioJobStore jobs, RecordingVault recordings, KeyVault keys,
                                        WebhookUrlPolicy policy, WebhookSecretStore secrets,
                                        ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<Void>> tasks,
                                        PlatformTransactionManager transactions, ChartScribeProperties settings,
                                        ObjectProvider<Clock> clock) {
            OneTimeTask<Void> task = tasks.stream().filter(t -> t.getName().equals(JOB_TASK)).findFirst().orElseThrow();
            return new AudioJobQueue(jobs, recordings, keys, policy, secrets, scheduler::getObject, task,
                    new TransactionTemplate(transactions), RandomIds.withPrefix("job_"), settings.retention(),
                    clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
