package org.chartscribe.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.DataKey;
import org.chartscribe.store.crypto.KeyVault;
import org.chartscribe.store.crypto.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A queued recording in {@code audio_chunks}, in the database so whichever instance runs the job can
 * read it. Each chunk is sealed on its own (AES-GCM, associated data naming job, tenant and chunk
 * number) under the job's own data key, so at most one chunk is in memory, and destroying the key
 * shreds the recording wherever its ciphertext lingers (old pages, dead tuples).
 */
class RecordingVault {
    private final JdbcClient jdbc;
    private final KeyVault keys;
    private final int chunkBytes;

    RecordingVault(JdbcClient jdbc, KeyVault keys, int chunkBytes) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.chunkBytes = chunkBytes;
    }

    /** A fresh key for the job's recording, stored durably before any chunk is written. */
    DataKey newKey(String jobId, String tenantId) {
        return keys.create(owner(jobId, tenantId));
    }

    /** Seals and stores the file chunk by chunk; returns the number of bytes stored. */
    long store(String jobId, String tenantId, DataKey key, Path audio) {
        long total = 0;
        byte[] buffer = new byte[chunkBytes];
        try (InputStream in = Files.newInputStream(audio)) {
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                byte[] plain = read == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, read);
                Sealed sealed = ContentCipher.encrypt(key, plain, chunkAssociatedData(jobId, tenantId, seq));
                jdbc.sql("INSERT INTO audio_chunks (job_id, seq, iv, ciphertext) VALUES (?, ?, ?, ?)")
                        .params(jobId, seq, sealed.iv(), sealed.ciphertext()).update();
                total += read;
                seq++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        } finally {
            java.util.Arrays.fill(buffer, (byte) 0);
        }
        return total;
    }

    /**
     * Writes the recording back to {@code target}, one chunk in memory at a time.
     *
     * @throws IllegalStateException when the key was destroyed or the chunks do not add up to {@code expectedBytes}
     */
    void copyTo(String jobId, String tenantId, long slot, long expectedBytes, Path target) {
        DataKey key = keys.open(slot, owner(jobId, tenantId))
                .orElseThrow(() -> new IllegalStateException("the recording's key is gone"));
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int seq = 0; written < expectedBytes; seq++) {
                int n = seq;
                Sealed sealed = jdbc.sql("SELECT iv, ciphertext FROM audio_chunks WHERE job_id = ? AND seq = ?")
                        .params(jobId, seq)
                        .query((rs, i) -> new Sealed(ContentCipher.DATA_KEY_ID, rs.getBytes(1), rs.getBytes(2)))
                        .optional()
                        .orElseThrow(() -> new IllegalStateException("chunk " + n + " of the recording is missing"));
                byte[] plain = ContentCipher.decrypt(key, sealed, chunkAssociatedData(jobId, tenantId, seq));
                out.write(plain);
                written += plain.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording to the work directory", e);
        }
        if (written != expectedBytes) {
            throw new IllegalStateException("the recording's chunks do not add up to its size");
        }
    }

    /** Deletes the chunks, then destroys the key (a crash in between leaves only undecryptable rows). Idempotent. */
    void shred(String jobId, Long slot) {
        jdbc.sql("DELETE FROM audio_chunks WHERE job_id = ?").param(jobId).update();
        if (slot != null) {
            keys.destroy(slot);
        }
    }

    private static String owner(String jobId, String tenantId) {
        return "audio-jobs/" + jobId + "/" + tenantId;
    }

    private static String chunkAssociatedData(String jobId, String tenantId, int seq) {
        return owner(jobId, tenantId) + "/" + seq;
    }
}
