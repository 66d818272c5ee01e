package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.chartscribe.clinical.WordPhrases;
import org.chartscribe.transcript.SmallTalk;
import org.junit.jupiter.api.Test;

/**
 * The speed work replaced some patterns with hand-written scans and guarded others with cheap
 * checks; each must give exactly what the pattern gives. Compared on many generated sentences made of
 * words chosen to hit the edge cases (fillers, apostrophes, hyphens, repeated words, tabs).
 */
class FastPathEquivalenceTest {

    private static final String[] WORDS = {"um", "umm", "uh", "uh-huh", "mm-hmm", "mhm", "hmm", "hm", "er", "erm", "ah",
        "her", "after", "you", "know", "i", "mean", "kind", "of", "like", "sort", "the", "the", "pain", "Pain", "it's",
        "I", "i'm", "don't", "x-ray", "3", "20", "mg", ",", ".", "?", "!", ";", ":", "-", "--", "'cause", "here", "there",
        "just", "adjust", "okay", "right", "so", "and", "if", "it", "is", "not", "UM", "Uh", "you", "know,", "um,",
        "um.", "left", "knee", "knee,", "some", "really", "a", "little", "bit", "going", "to"};
    private static final String[] SPACES = {" ", " ", " ", "  ", "\t", " \n", ", ", " , ", ""};

    private static List<String> sentences(long seed, int n) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(SPACES[random.nextInt(SPACES.length)]);
            }
            out.add(random.nextBoolean() ? sb.toString().trim() : sb.toString());
        }
        return out;
    }

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?<![\\w'-])(?:um+|uh+|uh-huh|mm-hmm|mhm|hmm+|er|erm|ah|you know|i mean|kind of like|sort of like)"
                    + "(?![\\w'-])\\s*[,.]?");

    @Test
    void fillersAreRemovedExactlyAsThePatternDoes() {
        for (String s : sentences(1, 20_000)) {
            String expected = FILLERS.matcher(s).replaceAll("").replaceAll("\\s{2,}", " ").trim();
            assertThat(SmallTalk.withoutFillers(s)).as(s).isEqualTo(expected);
        }
    }

    @Test
    void spacingIsTidiedExactlyAsThePatternsDo() {
        for (String s : sentences(2, 20_000)) {
            assertThat(org.chartscribe.transcript.Whitespace.collapse(s)).as(s).isEqualTo(s.replaceAll("\\s{2,}", " "));
            assertThat(NoteStyle.withoutSpaceBeforePunct(s)).as(s).isEqualTo(s.replaceAll("\\s+([,.;:?!])", "$1"));
        }
    }

    @Test
    void theRewriteIsUnchangedByItsGuards() {
        // the guards only skip patterns that cannot match, so guarded and unguarded rewrites agree;
        // here: repeated words, lone "i" and dangling endings, each checked against its pattern alone
        Pattern repeated = Pattern.compile("(?i)\\b([a-z']+)(?:\\s*,\\s*|\\s+)\\1\\b");
        Pattern loneI = Pattern.compile("(?<![\\w'])i(?=[\\s,.;:!?']|$)");
        for (String s : sentences(3, 20_000)) {
            String collapsed = s;
            String previous;
            do {
                previous = collapsed;
                collapsed = repeated.matcher(collapsed).replaceAll("$1");
            } while (!collapsed.equals(previous));
            assertThat(NoteStyle.collapseRepeatsForTest(s)).as(s).isEqualTo(collapsed);
            assertThat(NoteStyle.mayHaveLoneIForTest(s) || !loneI.matcher(s).find()).as(s).isTrue();
            assertThat(NoteStyle.mayDangleForTest(s) || !NoteStyle.danglingEndForTest().matcher(s).find()).as(s).isTrue();
        }
    }

    @Test
    void cuesMatchWhatASubstringSearchFinds() {
        Set<String> phrases = new LinkedHashSet<>(List.of("pain", "pa", "p", "knee", "kn", "the pain", "it's", "x-ray",
                "3", "20 mg", "mg", "um ", "here", "just", "left knee", "lef", "a", "a little", "so "));
        Cues cues = Cues.of(phrases.toArray(String[]::new));
        for (String s : sentences(4, 20_000)) {
            String lookup = Cues.lookup(s);
            int expected = 0;
            for (String p : phrases) {
                if (lookup.contains(" " + p)) {
                    expected++;
                }
            }
            assertThat(cues.count(lookup)).as(lookup).isEqualTo(expected);
            assertThat(cues.any(lookup)).as(lookup).isEqualTo(expected > 0);
        }
    }

    /** Words of the gate's guarded patterns, in several cases, with the punctuation around them. */
    private static final String[] GATE_WORDS = {"you", "You", "your", "you're", "y'all", "ya", "yak", "okay", "ok",
        "um", "umm", "uh", "uh-huh", "hmm", "hmmm", "mm-hmm", "i", "I", "I'm", "me", "Me", "my", "My", "mine", "Myself",
        "know", "mean", "all", "right", "right?", "let", "let's", "see", "us", "our", "Our", "ours", "we", "We", "we'll",
        "we're", "going", "to", "take", "look", "nice", "meet", "thank", "thanks", "oh", "hi", "hey", "are", "were",
        "is", "was", "has", "have", "do", "does", "doesn't", "don't", "he", "she", "it", "they", "He", "She", "been",
        "being", "reports", "states", "says", "denies", "any", "no", "the", "a", "an", "his", "her", "their", "and",
        "or", "but", "'s", "it's", "there's", "there", "which", "that", "that's", "good", "anything", "not",
        "something", "date", "of", "birth", "dob", "d.o.b.", "DOB", "mrn", "number", "problem", "item", "one", "2",
        "endorses", "endorsing", "sounds", "like", "continue", "for", "with", "put", "gave", "exam", "examination",
        "Exam", "on", "physical", "knee", "pain", "x-ray", "tender", "café", "_x", ",", ".", "?", "-", ";"};
    private static final String[] GATE_SPACES = {" ", " ", " ", "  ", "\t", ", ", " , ", "", "'", "-"};

    private static Pattern gatePattern(String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = SentenceGate.class.getDeclaredField(name);
        field.setAccessible(true);
        return (Pattern) field.get(null);
    }

    @Test
    void theGateShortcutsHoldWheneverTheirPatternsMatch() throws ReflectiveOperationException {
        Random random = new Random(5);
        Pattern secondPerson = gatePattern("SECOND_PERSON");
        Pattern filler = gatePattern("FILLER");
        Pattern conversation = gatePattern("CONVERSATION");
        Pattern firstPerson = gatePattern("FIRST_PERSON_SINGULAR");
        Pattern ungrammatical = gatePattern("UNGRAMMATICAL");
        Pattern notClinical = gatePattern("NOT_CLINICAL");
        Pattern visitNarration = gatePattern("VISIT_NARRATION");
        Pattern clinicVoice = gatePattern("CLINIC_VOICE");
        Pattern pluralFirstPerson = gatePattern("PLURAL_FIRST_PERSON");
        Pattern summaryOfSpeech = gatePattern("SUMMARY_OF_SPEECH");
        Pattern removableFiller = gatePattern("REMOVABLE_FILLER");
        Pattern doubleOpener = gatePattern("DOUBLE_OPENER");
        Pattern trailingComment = gatePattern("TRAILING_COMMENT");
        Pattern objectCase = gatePattern("OBJECT_CASE");
        Pattern pauseComma = gatePattern("PAUSE_COMMA");
        Pattern bareExamLabel = gatePattern("BARE_EXAM_LABEL");
        int[] matched = new int[16];
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                sb.append(GATE_WORDS[random.nextInt(GATE_WORDS.length)]).append(GATE_SPACES[random.nextInt(GATE_SPACES.length)]);
            }
            String s = random.nextBoolean() ? sb.toString().trim() : sb.toString();
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            Pattern[] onLower = {secondPerson, filler, conversation, ungrammatical};
            for (int k = 0; k < onLower.length; k++) {
                if (onLower[k].matcher(lower).find()) {
                    matched[k]++;
                    boolean shortcut = k < 3 ? GateShortcuts.maySoundSpoken(lower) : GateShortcuts.mayBeUngrammatical(lower);
                    assertThat(shortcut).as(onLower[k] + " on " + lower).isTrue();
                }
            }
            check(firstPerson, s, GateShortcuts.mayBeFirstPerson(s), matched, 4);
            check(notClinical, s, GateShortcuts.mayBeNotClinical(s), matched, 5);
            check(visitNarration, s, GateShortcuts.mayNarrateTheVisit(s), matched, 6);
            check(clinicVoice, s, GateShortcuts.mayBeTheClinicSpeaking(s), matched, 7);
            check(pluralFirstPerson, s, GateShortcuts.maySayWe(s), matched, 8);
            check(summaryOfSpeech, s, GateShortcuts.maySummariseSpeech(s), matched, 9);
            check(removableFiller, s, GateShortcuts.mayHaveRemovableFiller(s), matched, 10);
            check(doubleOpener, s, GateShortcuts.mayHaveDoubleOpener(s), matched, 11);
            check(trailingComment, s, GateShortcuts.mayHaveTrailingComment(s), matched, 12);
            check(objectCase, s, GateShortcuts.mayHaveSubjectAsObject(s), matched, 13);
            check(pauseComma, s, GateShortcuts.mayHavePauseComma(s), matched, 14);
            if (bareExamLabel.matcher(s).matches()) {
                matched[15]++;
                assertThat(lower.endsWith("exam") || lower.endsWith("examination")).as(s).isTrue();
            }
        }
        // every pattern was exercised, so the check above is not vacuous
        for (int k = 0; k < matched.length; k++) {
            assertThat(matched[k]).as("pattern " + k + " matched").isPositive();
        }
    }

    private static void check(Pattern pattern, String s, boolean shortcut, int[] matched, int index) {
        if (pattern.matcher(s).find()) {
            matched[index]++;
            assertThat(shortcut).as(pattern + " on " + s).isTrue();
        }
    }

    @Test
    void wordPhrasesFollowWordBoundaries() {
        WordPhrases phrases = WordPhrases.of("you", "um*", "all right");
        assertThat(phrases.in("thank you.")).isTrue();
        assertThat(phrases.in("young")).isFalse();
        assertThat(phrases.in("yours, you're")).isTrue();
        assertThat(phrases.in("ummm")).isTrue();
        assertThat(phrases.in("sum")).isFalse();
        assertThat(phrases.in("all righty")).isFalse();
        assertThat(phrases.in("_you")).isFalse();
        assertThat(WordPhrases.ignoringCase("you").in("YOU")).isTrue();
        assertThat(WordPhrases.of("you").in("YOU")).isFalse();
    }
}
