package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.TestResult;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;

/**
 * Results read from what the clinician says while reviewing a test, whatever division the sentence was
 * classified into or whether the note's length budget kept it: "hey dragon, show me the creatinine ... it is up
 * slightly" is "Creatinine: elevated."; "I reviewed the x-rays of both knees, which show no fractures" is "Knee
 * x-ray: no fracture.". A reading is taken from the words after the test's name in the same clause, or from the
 * next clauses when they open by speaking of it ("it shows", "that came back", "you also have"). Only readings the
 * results lexicon understands become lines; a test still to be done ("we'll get an x-ray to look for a fracture")
 * is a plan, never a result.
 */
final class ResultReadings {

    /** A results line and the spoken spans it was read from; {@code order} is the sentence's place in the visit. */
    record Reading(String line, List<Evidence> evidence, int order) {}

    /** Reviewing a test rather than ordering it. */
    private static final Pattern REVIEWED = Pattern.compile("(?i)\\b(?:show me|pull up|look(?:ing|ed)? at|"
            + "review(?:ed|ing)?|go(?:ing)? over|results? of|went over)\\b");
    /** Words after a test's name that make what follows its reading. */
    private static final Pattern READ_OUT = Pattern.compile("(?i)\\b(?:shows?|showed|showing|reveal(?:s|ed)?|"
            + "demonstrat\\w*|came back|is|was|were|are|looks?|looked|says|said|indicates?)\\b|:");
    /** A test still to be done, or wished for: a plan. */
    private static final Pattern NOT_YET = Pattern.compile("(?i)\\b(?:will|'ll|would|going to|gon na|gonna|want to|"
            + "wan na|plan to|order(?:ed|ing)?|schedule|get (?:a|an|another|some)|obtain|repeat|if|whether|to (?:rule out|"
            + "look for|see if|check|make sure)|should|might|may|could)\\b");
    /** A clause that goes on speaking of the test just reviewed. */
    private static final Pattern SPEAKS_OF_IT = Pattern.compile("(?i)^(?:(?:so|and|okay|um|uh|now|but|all right)[\\s,]+)*"
            + "(?:(?:it|that|this|which|they|these)(?:'s)?(?:\\s+(?:does|do|also|just|really|definitely))*\\s+"
            + "(?:shows?|showed|reveals?|revealed|demonstrates?|is|was|were|are|came back|looks?|looked|says)\\b|"
            + "(?:what )?i (?:see|saw)\\b|you (?:do |also |actually )*have\\b|there (?:is|are|was|were)\\b|there's\\b)");
    /** Where a reading said in a run-on clause ends: the clinician moves on. */
    private static final Pattern MOVES_ON = Pattern.compile("(?i)\\s(?:so|now|okay|but|and i|and we|which means|"
            + "because)\\s|,\\s*(?:which|that's|so|and)\\s");
    /** A reading of long ago ("they were borderline in the past"), not this visit's result. */
    private static final Pattern PAST = Pattern.compile("(?i)\\b(?:in the past|used to|previously|years ago)\\b");
    private static final Pattern STUTTER = Pattern.compile("(?i)\\b(\\w+)(?:\\s*,?\\s+\\1\\b)+");
    /** How far before a study's name its site may be said ("right knee x-ray"). */
    private static final int SITE_BEFORE = 30;
    /** How far after the test's name a reading may be said in the same clause. */
    private static final int REACH = 160;
    /** How many clauses after the one naming the test may still speak of it. */
    private static final int FOLLOWING = 3;
    /** A patient's reply this long is a new subject; "mm-hmm" is not. */
    private static final int REPLY_WORDS = 4;

    private ResultReadings() {}

    static List<Reading> of(EncounterFacts facts) {
        List<Reading> out = new ArrayList<>();
        TestResult topic = null;
        int topicStart = -1; // where the test being spoken of was named
        int since = 0;
        List<Sentence> sentences = facts.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (s.speaker() != Role.CLINICIAN && s.speaker() != Role.UNKNOWN) {
                if (Condenser.words(s.text()) >= REPLY_WORDS) {
                    topic = null;
                }
                continue;
            }
            for (int[] clause : Clauses.split(s.text())) {
                String text = s.text().substring(clause[0], clause[1]);
                int offset = s.start() + clause[0];
                List<TestResult> named = ClinicalExtractor.testsNamed(text);
                if (!named.isEmpty()) {
                    TestResult test = named.get(0);
                    String before = text.substring(0, test.start());
                    if (NOT_YET.matcher(before).find() && !REVIEWED.matcher(before).find()) {
                        topic = null;
                        continue;
                    }
                    String said = saidAfter(text, test, named.size() > 1 ? named.get(1).start() : text.length());
                    java.util.regex.Matcher readOut = READ_OUT.matcher(said);
                    Optional<Reading> reading = Optional.empty();
                    if (readOut.find()) {
                        // the study's site is said with its name ("x-rays of both knees"), not in its findings
                        Evidence site = new Evidence(offset + Math.max(0, test.start() - SITE_BEFORE),
                                offset + test.end() + readOut.start());
                        reading = read(test, said, offset + test.start(), offset + test.end() + said.length(), site,
                                i, facts);
                    }
                    reading.filter(r -> out.stream().noneMatch(o -> o.line().equals(r.line()))).ifPresent(out::add);
                    boolean reviewed = REVIEWED.matcher(before).find() || reading.isPresent();
                    topic = reviewed && (reading.isEmpty() || test.kind() == TestResult.Kind.IMAGING)
                            ? shifted(test, offset) : null; // an image may show more in the next breath
                    topicStart = topic == null ? -1 : topic.start();
                    since = 0;
                } else if (topic != null && ++since <= FOLLOWING && SPEAKS_OF_IT.matcher(text.strip()).find()) {
                    String said = movingOn(text.length() > REACH ? text.substring(0, REACH) : text);
                    // from the sentence that named the test, so its site and side are read ("right knee x-ray")
                    Sentence naming = facts.sentenceAt(topicStart);
                    Evidence spoken = new Evidence(naming == null ? offset : naming.start(), offset + said.length());
                    Optional<Reading> reading = read(topic, said, spoken.start(), spoken.end(), spoken, i, facts);
                    reading.filter(r -> out.stream().noneMatch(o -> o.line().equals(r.line()))).ifPresent(out::add);
                    if (reading.isPresent() && topic.kind() != TestResult.Kind.IMAGING) {
                        topic = null;
                    }
                }
            }
        }
        return out;
    }

    private static Optional<Reading> read(TestResult test, String said, int from, int to, Evidence site, int sentence,
                                          EncounterFacts facts) {
        if (NOT_YET.matcher(said).find() || PAST.matcher(said).find() || said.strip().endsWith("?")) {
            return Optional.empty();
        }
        List<Evidence> evidence = List.of(new Evidence(from, to));
        String plain = org.chartscribe.clinical.SpokenNumbers.withDigits(STUTTER.matcher(said).replaceAll("$1")); // "of, of", "fifty five"
        return ResultLines.imageAwareLine(test, plain, evidence, List.of(site), facts)
                .map(line -> new Reading(line, evidence, sentence + 1));
    }

    /** The words said after the test's name, up to the next test, the reach, or where the clinician moves on. */
    private static String saidAfter(String text, TestResult test, int nextTest) {
        int end = Math.min(nextTest, Math.min(text.length(), test.end() + REACH));
        return movingOn(text.substring(test.end(), end));
    }

    private static String movingOn(String said) {
        java.util.regex.Matcher on = MOVES_ON.matcher(said);
        return on.find() ? said.substring(0, on.start()) : said;
    }

    /** The test with its offsets in the transcript rather than in the clause. */
    private static TestResult shifted(TestResult test, int offset) {
        return new TestResult(test.test(), test.kind(), null, null, null, offset + test.start(), offset + test.end());
    }
}
