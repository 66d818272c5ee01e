package org.chartscribe.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.RecognisedTranscript;
import org.chartscribe.transcript.TranscriptScreen;

/**
 * The one path from a recording to a stored note, shared by the synchronous endpoint and the jobs:
 * check the container by its bytes, read the duration from the headers (before anything is decoded),
 * decode to PCM in the owner-only work directory, recognise, give every segment a role, write the note.
 * The PCM file is deleted in a finally block whatever happens; the upload itself belongs to the caller.
 */
public final class RecordingPipeline implements AudioNotePipeline {
    /** Share of the progress that decoding takes; recognition fills the rest up to 0.95, the note the last bit. */
    private static final double DECODED = 0.05;
    private static final double RECOGNISED = 0.95;
    /** Warning code on a note whose recording the embedded recogniser heard because the configured one failed. */
    public static final String SPEECH_FALLBACK = "SPEECH_FALLBACK";

    private final AudioDecoder decoder;
    private final SpeechRecognizer recognizer;
    private final NoteService notes;
    private final Path workDir;
    private final long maxDurationMs;

    public RecordingPipeline(AudioDecoder decoder, SpeechRecognizer recognizer, NoteService notes, Path workDir,
                             long maxDurationMs) {
        this.decoder = decoder;
        this.recognizer = recognizer;
        this.notes = notes;
        this.workDir = workDir;
        this.maxDurationMs = maxDurationMs;
    }

    /**
     * What an upload is, checked cheaply: the endpoint uses it to answer at once or hand over to a job.
     * {@code durationMs} is -1 when the container does not say; decoding then measures it.
     */
    public record Inspection(AudioContainer container, long durationMs) {}

    /** @throws AudioRejected EMPTY, UNSUPPORTED_FORMAT, CORRUPT or TOO_LONG */
    public Inspection inspect(Path audio) {
        byte[] head = new byte[AudioContainer.HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(audio)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        if (length == 0) {
            throw new AudioRejected(AudioRejected.Reason.EMPTY, "The audio file is empty.");
        }
        AudioContainer container = AudioContainer.sniff(head, length).orElseThrow(() -> new AudioRejected(
                AudioRejected.Reason.UNSUPPORTED_FORMAT, "The file is not audio in a supported format. Send MP3, M4A, "
                + "WAV, OGG (Vorbis or Opus), WebM (Opus) or FLAC; the format is recognised from the content, "
                + "not from the file name."));
        long durationMs = decoder.durationMs(audio);
        if (durationMs == 0) {
            throw new AudioRejected(AudioRejected.Reason.CORRUPT, "The " + container.label()
                    + " file has no audio that can be decoded.");
        }
        if (durationMs > maxDurationMs) {
            throw tooLong(durationMs);
        }
        return new Inspection(container, durationMs);
    }

    @Override
    public AudioNoteResult run(String tenantId, Path audio, AudioNoteOptions options,
                               Optional<IdempotentUpload> idempotency, DoubleConsumer progress) {
        Inspection inspection = inspect(audio);
        progress.accept(0.0);
        SpeechRecognizer.Recognition recognition;
        Path pcm = null;
        try {
            pcm = Files.createTempFile(workDir, "pcm-", ".wav");
            // one millisecond over the limit is decoded so that a recording without a length in its headers
            // that reaches the cap is known to be too long
            decoder.toPcmWav(audio, pcm, maxDurationMs + 1);
            long decodedMs = Math.max(0, Files.size(pcm) - AudioDecoder.WAV_HEADER_BYTES) / AudioDecoder.PCM_BYTES_PER_MS;
            if (decodedMs > maxDurationMs) {
                throw tooLong(decodedMs);
            }
            if (decodedMs == 0) {
                throw new AudioRejected(AudioRejected.Reason.CORRUPT, "The " + inspection.container().label()
                        + " file has no audio that can be decoded.");
            }
            // ffmpeg skips what it cannot decode and carries on: a file that breaks off into garbage
            // decodes to a fraction of the length its headers declare
            if (inspection.durationMs() > 0 && decodedMs < inspection.durationMs() / 2) {
                throw new AudioRejected(AudioRejected.Reason.CORRUPT, "The " + inspection.container().label()
                        + " file is damaged or incomplete: only " + minutes(decodedMs) + " of the "
                        + minutes(inspection.durationMs()) + " its headers declare could be decoded.");
            }
            progress.accept(DECODED);
            recognition = recognizer.recognition(pcm, decodedMs,
                    p -> progress.accept(DECODED + (RECOGNISED - DECODED) * Math.max(0, Math.min(1, p))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the audio work directory", e);
        } finally {
            TempFiles.deleteQuietly(pcm);
        }
        RecognisedTranscript transcript = SpeakerRoles.assign(recognition.segments());
        if (!TranscriptScreen.hasWords(transcript.text())) {
            throw new AudioRejected(AudioRejected.Reason.NO_SPEECH, "No speech was recognised in the recording.");
        }
        progress.accept(RECOGNISED);
        NoteRequest request = new NoteRequest(transcript.text(), options.specialty(), options.template(),
                options.includeBillingCodes(), PatientHints.NONE);
        NoteService.Generated generated = notes.generate(new NoteService.Generate(tenantId, request, options.engine(),
                idempotency.map(IdempotentUpload::key), idempotency.map(IdempotentUpload::requestHash).orElse(""),
                transcript, recognition.unavailableEngine().map(RecordingPipeline::fellBack).stream().toList()));
        if (!(generated.lookup() instanceof NoteLookup.Found found)) {
            throw new IllegalStateException("a new note was not found");
        }
        progress.accept(1.0);
        // a replayed note (a concurrent duplicate won the race) carries the transcript it was written from
        RecognisedTranscript kept = found.note().draft().transcript();
        return new AudioNoteResult(found.note(), kept != null ? kept : transcript);
    }

    /** The warning on a note whose recording a stand-in engine recognised. */
    static NoteWarning fellBack(String engine) {
        return new NoteWarning(SPEECH_FALLBACK, null, "The " + engine + " speech engine was unavailable, so the "
                + "recording was transcribed by the embedded recogniser, which hears less well: check the transcript "
                + "and the note against the recording.");
    }

    private AudioRejected tooLong(long durationMs) {
        return new AudioRejected(AudioRejected.Reason.TOO_LONG, "The recording is " + minutes(durationMs)
                + " long; the limit is " + minutes(maxDurationMs) + ".");
    }

    private static String minutes(long ms) {
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long seconds = Math.round(ms / 1000.0);
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
