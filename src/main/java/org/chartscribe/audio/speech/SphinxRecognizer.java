package org.chartscribe.audio.speech;

import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.recognizer.Recognizer;
import edu.cmu.sphinx.result.Result;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.speakerid.Segment;
import edu.cmu.sphinx.speakerid.SpeakerCluster;
import edu.cmu.sphinx.speakerid.SpeakerIdentification;
import edu.cmu.sphinx.util.TimeFrame;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.chartscribe.audio.AudioDecoder;
import org.chartscribe.audio.SpeechRecognizer;

/**
 * The offline recogniser: CMU Sphinx4 with the en-us acoustic model from the sphinx4-data jar, and either
 * that jar's general language model or the clinical one built at start-up ({@link ClinicalLanguageModel}).
 * Decoding streams the PCM file utterance by utterance (Sphinx's own speech/silence marker splits it),
 * so memory stays flat however long the recording; each utterance becomes a segment with word timings.
 * Speakers are told apart by Sphinx's BIC speaker clustering over the same file.
 *
 * <p>One decoder, loaded once (the models take seconds to load), used by one recording at a time:
 * Sphinx's search is single-threaded and a second one would only halve the speed of both on two cores.
 */
public final class SphinxRecognizer implements SpeechRecognizer {
    private static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";
    private static final long LEAD_IN_MS = 500;
    /**
     * Sphinx's speaker clustering holds every frame's features and compares segments pairwise: beyond
     * this length (not measured further) segments stay unlabelled rather than risk the memory and time.
     */
    private static final long MAX_DIARISED_MS = 20 * 60_000;

    private final Recognizer recognizer;
    private final Context context;
    private final boolean diarise;

    /**
     * @param languageModel  a {@code .lm} ARPA file (the clinical model) or null for the general model in the jar
     * @param dictionary     a dictionary file covering the model's words, or null for the jar's cmudict
     * @param settings       Sphinx global properties to override (absoluteBeamWidth, relativeBeamWidth, ...)
     * @param workDir        where the adjusted Sphinx configuration is written
     */
    public SphinxRecognizer(Path languageModel, Path dictionary, Map<String, String> settings, boolean diarise,
                            Path workDir) {
        Configuration configuration = new Configuration();
        configuration.setAcousticModelPath(MODELS + "en-us");
        configuration.setDictionaryPath(dictionary == null ? MODELS + "cmudict-en-us.dict" : dictionary.toUri().toString());
        configuration.setLanguageModelPath(languageModel == null ? MODELS + "en-us.lm.bin"
                : languageModel.toUri().toString());
        try {
            // Global properties must be in the XML: changing one on a live Context re-creates part of the
            // front end without its links (an NPE in the filter bank at the first frame).
            context = new Context(SphinxSettings.write(settings, workDir).toUri().toString(), configuration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Sphinx models", e);
        }
        recognizer = context.getInstance(Recognizer.class);
        recognizer.allocate();
        this.diarise = diarise;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public synchronized List<HeardSegment> recognise(Path pcmWav, long durationMs, DoubleConsumer progress) {
        List<HeardSegment> utterances = new ArrayList<>();
        try (InputStream in = withLeadIn(pcmWav)) {
            context.setSpeechSource(in, TimeFrame.INFINITE);
            Result result;
            while ((result = recognizer.recognize()) != null) {
                List<WordResult> words = new SpeechResult(result).getWords();
                StringBuilder text = new StringBuilder();
                long start = -1;
                long end = -1;
                for (WordResult word : words) {
                    String spelling = word.getWord().getSpelling();
                    if (word.isFiller() || spelling.startsWith("<") || spelling.startsWith("[")) {
                        continue;
                    }
                    if (start < 0) {
                        start = Math.max(0, word.getTimeFrame().getStart() - LEAD_IN_MS);
                    }
                    end = Math.max(0, word.getTimeFrame().getEnd() - LEAD_IN_MS);
                    text.append(text.isEmpty() ? "" : " ").append(spelling);
                }
                if (!text.isEmpty()) {
                    utterances.add(new HeardSegment(null, start, end, text.toString()));
                    progress.accept(durationMs <= 0 ? 0 : Math.min(1.0, (double) end / durationMs));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decoded audio", e);
        }
        return diarise && utterances.size() > 1 && durationMs <= MAX_DIARISED_MS
                ? withSpeakers(pcmWav, utterances) : utterances;
    }

    /** Labels each utterance with the speaker cluster it overlaps most. */
    private static List<HeardSegment> withSpeakers(Path pcmWav, List<HeardSegment> utterances) {
        List<SpeakerCluster> clusters;
        try (InputStream in = pcm(pcmWav)) {
            clusters = new SpeakerIdentification().cluster(in);
        } catch (IOException | RuntimeException e) {
            return utterances; // diarisation is a refinement: without it the segments stay unlabelled
        }
        if (clusters.size() < 2) {
            return utterances.stream().map(u -> new HeardSegment("S0", u.startMs(), u.endMs(), u.text())).toList();
        }
        List<HeardSegment> labelled = new ArrayList<>(utterances.size());
        for (HeardSegment u : utterances) {
            int best = 0;
            long bestOverlap = -1;
            for (int c = 0; c < clusters.size(); c++) {
                long overlap = 0;
                for (Segment s : clusters.get(c).getSpeakerIntervals()) {
                    long from = Math.max(u.startMs(), s.getStartTime());
                    long to = Math.min(u.endMs(), (long) s.getStartTime() + s.getLength());
                    overlap += Math.max(0, to - from);
                }
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = c;
                }
            }
            labelled.add(new HeardSegment("S" + best, u.startMs(), u.endMs(), u.text()));
        }
        return labelled;
    }

    private static InputStream pcm(Path pcmWav) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(pcmWav), 64 * 1024);
        in.skipNBytes(AudioDecoder.WAV_HEADER_BYTES);
        return in;
    }

    /**
     * The PCM behind {@link #LEAD_IN_MS} of faint noise: Sphinx's speech/silence marker learns the
     * background level from the first frames, and a recording that starts mid-word (phones often trim the
     * silence) loses its first words otherwise. Timings are shifted back by the same amount.
     */
    private static InputStream withLeadIn(Path pcmWav) throws IOException {
        byte[] noise = new byte[(int) (LEAD_IN_MS * AudioDecoder.PCM_BYTES_PER_MS)];
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < noise.length; i += 2) {
            int sample = random.nextInt(9) - 4;
            noise[i] = (byte) sample;
            noise[i + 1] = (byte) (sample >> 8);
        }
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(noise), pcm(pcmWav));
    }
}
