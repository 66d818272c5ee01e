package org.chartscribe.api;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The threads behind note streams: a bounded pool that writes the notes, and one that sends heartbeats. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class NoteStreamConfig {

    /** Writes streamed notes; full (workers busy, queue full) means the stream is refused before it starts. */
    @Bean(destroyMethod = "shutdownNow")
    NoteStreamWorkers noteStreamWorkers(StreamProperties properties) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.queue())), named("note-stream-"),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return new NoteStreamWorkers(pool, Executors.newSingleThreadScheduledExecutor(named("note-stream-heartbeat-")));
    }

    record NoteStreamWorkers(ThreadPoolExecutor writers, ScheduledExecutorService heartbeats) {
        void shutdownNow() {
            writers.shutdownNow();
            heartbeats.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
