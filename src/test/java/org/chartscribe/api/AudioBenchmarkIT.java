package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.chartscribe.audio.AudioDecoder;
import org.chartscribe.audio.SpeechRecognizer;
import org.chartscribe.audio.decode.JaveDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audio numbers of docs/BENCHMARKS.md, measured on demand (never in CI: timings on a shared machine
 * are not a pass/fail signal). Run:
 * {@code ./mvnw -B -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.replay.skip=true
 * -Djacoco.skip=true -Dit.test=AudioBenchmarkIT -Daudio.benchmark=true}; the table is printed and
 * written to target/audio-benchmark.md. Word error rate is scored against references.tsv, the text
 * scripts/make-audio-fixtures.sh had espeak-ng speak.
 */
@EnabledIfSystemProperty(named = "audio.benchmark", matches = "true")
class AudioBenchmarkIT extends AppTestBase {
    private static final Path AUDIO = Path.of("src/test/resources/audio");
    private static final int RUNS = 3;

    @Autowired
    SpeechRecognizer recognizer;

    @Test
    void measure() throws IOException {
        StringBuilder report = new StringBuilder();
        JaveDecoder decoder = new JaveDecoder();
        Path work = Files.createTempDirectory("audio-bench");

        // warm-up: loads the models (reported separately)
        long loadStart = System.nanoTime();
        Path warm = work.resolve("warm.wav");
        decoder.toPcmWav(AUDIO.resolve("format.wav"), warm, 600_000);
        recognizer.recognise(warm, 4540, p -> { });
        report.append(String.format(Locale.ROOT, "first recognition incl. model load: %d ms%n%n", ms(loadStart)));

        report.append("| file | audio s | WER | RTF (median of ").append(RUNS).append(") | recognised |\n|---|---|---|---|---|\n");
        long errors = 0;
        long words = 0;
        List<Double> rtfs = new ArrayList<>();
        for (String line : Files.readAllLines(AUDIO.resolve("references.tsv"), StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            Path pcm = work.resolve(cols[0] + ".wav");
            decoder.toPcmWav(AUDIO.resolve(cols[0]), pcm, 600_000);
            long audioMs = (Files.size(pcm) - AudioDecoder.WAV_HEADER_BYTES) / AudioDecoder.PCM_BYTES_PER_MS;
            List<Double> runs = new ArrayList<>();
            String heard = "";
            for (int r = 0; r < RUNS; r++) {
                long start = System.nanoTime();
                List<SpeechRecognizer.HeardSegment> segments = recognizer.recognise(pcm, audioMs, p -> { });
                runs.add((double) ms(start) / audioMs);
                heard = String.join(" ", segments.stream().map(SpeechRecognizer.HeardSegment::text).toList());
            }
            List<String> ref = tokens(cols[1]);
            int e = editDistance(ref, tokens(heard));
            errors += e;
            words += ref.size();
            double rtf = median(runs);
            rtfs.add(rtf);
            report.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f%% | %.2f | %s |%n", cols[0], audioMs / 1000.0,
                    100.0 * e / ref.size(), rtf, heard));
        }
        report.append(String.format(Locale.ROOT, "%nWER over the set: %.1f%% (%d errors / %d words); median RTF %.2f%n%n",
                100.0 * errors / words, errors, words, median(rtfs)));

        report.append("| format | decode ms (median of 5) |\n|---|---|\n");
        for (String file : List.of("format.mp3", "format.m4a", "format.wav", "format-vorbis.ogg", "format-opus.ogg",
                "format.webm", "format.flac")) {
            List<Double> times = new ArrayList<>();
            for (int r = 0; r < 5; r++) {
                long start = System.nanoTime();
                decoder.toPcmWav(AUDIO.resolve(file), work.resolve("d.wav"), 600_000);
                times.add((double) ms(start));
            }
            report.append(String.format(Locale.ROOT, "| %s | %.0f |%n", file, median(times)));
        }

        // a 60 s dictation: the eight dictations repeated, one WAV, through POST /v1/note/audio
        byte[] sixty = sixtySecondClip(work, decoder);
        List<Double> latencies = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            Http.Response response = new AudioUpload().audio(sixty, "sixty.wav").send(http(), KEY_A);
            latencies.add((double) ms(start));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        report.append(String.format(Locale.ROOT, "%nsynchronous 60 s clip end to end (upload, decode, recognise, note): "
                + "median %.1f s of %d runs (%s ms)%n", median(latencies) / 1000, RUNS, latencies));
        System.out.println(report);
        Files.writeString(Path.of("target/audio-benchmark.md"), report);
    }

    private static byte[] sixtySecondClip(Path work, JaveDecoder decoder) throws IOException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        long wanted = 60_000L * AudioDecoder.PCM_BYTES_PER_MS;
        for (int i = 1; pcm.size() < wanted; i = i % 8 + 1) {
            Path one = work.resolve("c" + i + ".wav");
            decoder.toPcmWav(AUDIO.resolve("dictation-" + i + ".flac"), one, 600_000);
            byte[] bytes = Files.readAllBytes(one);
            pcm.write(bytes, AudioDecoder.WAV_HEADER_BYTES, bytes.length - AudioDecoder.WAV_HEADER_BYTES);
            pcm.write(new byte[AudioDecoder.PCM_BYTES_PER_MS * 600], 0, AudioDecoder.PCM_BYTES_PER_MS * 600);
        }
        byte[] body = Arrays.copyOf(pcm.toByteArray(), (int) wanted);
        return org.chartscribe.audio.speech.WavFiles.wav(body);
    }

    static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z']+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Word-level Levenshtein distance: substitutions, insertions and deletions. */
    static int editDistance(List<String> ref, List<String> hyp) {
        int[] prev = new int[hyp.size() + 1];
        int[] cur = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int sub = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[hyp.size()];
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
