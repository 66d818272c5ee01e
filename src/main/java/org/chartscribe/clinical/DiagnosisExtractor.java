package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diagnoses and impressions. Two sources: the clinician's diagnostic phrases ("I think this is X",
 * "consistent with X", "diagnosis of X", "likely X", "rule out X"), and known conditions
 * ({@code clinical/conditions.tsv}) named anywhere, e.g. in the history. Hedged cues make the
 * diagnosis uncertain; ConText adds negation, history and family history.
 */
final class DiagnosisExtractor {

    /** {@code loose}: cues so common in talk that the phrase counts only when it sounds like a diagnosis. */
    private record Cue(String name, Pattern pattern, boolean uncertain, boolean loose) {}

    private static final String NOT_A_CONDITION = "";
    private static final PhraseMatcher<String> CONDITIONS = new PhraseMatcher<>();
    private static final List<Cue> CUES = List.of(
            cue("rule out", "\\b(?:rule out|r/o|ruling out)\\s+", true, false),
            cue("suspect", "\\b(?:suspicious for|suspicion of|concerning for|concern for|suggestive of)\\s+", true, false),
            cue("differential", "\\bdifferential (?:includes|is|would include)\\s+", true, false),
            cue("consistent with", "\\b(?:consistent with|compatible with)\\s+", false, false),
            cue("diagnosis", "\\b(?:diagnosis (?:is|of)|diagnosed with|diagnose you with|impression is|assessment is)\\s+",
                    false, false),
            cue("suspect", "\\bi suspect (?:that )?(?:this is |it's |you have )?", true, true),
            cue("likely", "\\b(?:most likely|likely|probably|possibly|possible|probable)\\s+(?:a |an |some |just )?(?=[a-z])",
                    true, true),
            cue("i think", "\\bi think (?:that )?(?:this is|it's|it is|that's|you have|you've got|he has|she has|"
                    + "we're dealing with|this|it)\\s+", false, true),
            cue("diagnosis", "\\b(?:looks like|sounds like|this is|it's|that's|dealing with|you have|you've got|he has|"
                    + "she has|suffering from)\\s+", false, true));
    private static final Pattern DIAGNOSTIC_WORDS = Pattern.compile("(?:itis|osis|emia|opathy|algia|plasia)\\b|\\b(?:sprain|"
            + "strain|fracture|infection|syndrome|disease|disorder|injury|tear|deficiency|reflux|flare|exacerbation|"
            + "cyst|lesion|hernia|virus|viral|bacterial|insufficiency|failure|dysfunction|instability|impingement)\\b");
    private static final Pattern PHRASE_END = Pattern.compile("[,.;:?!\\n\\[]|\\b(?:and|but|so|because|which|that|we|i|"
            + "we'll|i'll|i'm|we're|given|since|if|or|you|let's|right|okay|um|uh|with|for|from|as|at|to|in|on|"
            + "today|now|here|there|is|was|are|causing|going)\\b");
    private static final Pattern LEADING = Pattern.compile("^(?:(?:a|an|the|some|your|his|her|just|probably|likely|"
            + "mild|a bit of|kind of|sort of|like)\\s+)+");
    private static final int MAX_WORDS = 6;

    static {
        for (String[] row : TsvResource.rows("/clinical/conditions.tsv")) {
            CONDITIONS.add(row[0], row[0]);
            for (String synonym : TsvResource.list(row, 1)) {
                CONDITIONS.add(synonym, row[0]);
            }
        }
        for (String phrase : List.of("flu shot", "flu vaccine", "flu season", "strep test", "rapid strep", "cold compress",
                "blood clot test", "diabetic diet", "cancer screening", "stroke risk")) {
            CONDITIONS.add(phrase, NOT_A_CONDITION);
        }
    }

    private DiagnosisExtractor() {}

    static List<Diagnosis> extract(NormalizedText nt, List<Clauses.Span> clauses, IntPredicate clinicianAt) {
        String lower = nt.text();
        List<Diagnosis> found = new ArrayList<>();
        for (Clauses.Span clause : clauses) {
            String sentence = lower.substring(clause.start(), clause.end());
            List<int[]> taken = new ArrayList<>();
            if (clinicianAt.test(nt.originalEnd(clause.end()) - 1)) { // the clause's last word: its start may be a speaker label
                for (Cue cue : CUES) {
                    Matcher m = cue.pattern().matcher(sentence);
                    while (m.find()) {
                        cueDiagnosis(nt, clause, sentence, cue, m, taken, found);
                    }
                }
            }
            for (PhraseMatcher.Match<String> c : CONDITIONS.find(sentence)) {
                if (c.value().equals(NOT_A_CONDITION) || overlaps(taken, c.start(), c.end())) {
                    continue;
                }
                Assertion a = ContextRules.assess(sentence, c.start(), c.end());
                found.add(new Diagnosis(sentence.substring(c.start(), c.end()), c.value(), "mention", a,
                        nt.originalStart(clause.start() + c.start()), nt.originalEnd(clause.start() + c.end())));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(found);
    }

    private static void cueDiagnosis(NormalizedText nt, Clauses.Span clause, String sentence, Cue cue, Matcher m,
                                     List<int[]> taken, List<Diagnosis> found) {
        int from = m.end();
        Matcher lead = LEADING.matcher(sentence.substring(from));
        if (lead.find()) {
            from += lead.end();
        }
        int to = phraseEnd(sentence, from);
        if (to <= from || overlaps(taken, from, to)) {
            return;
        }
        String phrase = sentence.substring(from, to).strip();
        List<PhraseMatcher.Match<String>> named = CONDITIONS.find(phrase).stream()
                .filter(c -> !c.value().equals(NOT_A_CONDITION)).toList();
        if (cue.loose() && named.isEmpty() && !DIAGNOSTIC_WORDS.matcher(phrase).find()) {
            return; // "this is great", "you have to", "likely need": not a diagnosis
        }
        Assertion context = ContextRules.assess(sentence, from, to);
        Assertion a = new Assertion(context.negated(), context.uncertain() || cue.uncertain(), context.historical(),
                context.family(), context.hypothetical(), false);
        taken.add(new int[] {from, to});
        found.add(new Diagnosis(phrase, named.isEmpty() ? null : named.get(0).value(), cue.name(), a,
                nt.originalStart(clause.start() + from), nt.originalEnd(clause.start() + to)));
    }

    /** The phrase runs to a clause break or a function word, at most {@link #MAX_WORDS} words. */
    private static int phraseEnd(String sentence, int from) {
        Matcher stop = PHRASE_END.matcher(sentence);
        int end = stop.find(from) ? stop.start() : sentence.length();
        List<Words.Word> words = Words.of(sentence.substring(from, end));
        if (words.size() > MAX_WORDS) {
            end = from + words.get(MAX_WORDS - 1).end();
        }
        while (end > from && Character.isWhitespace(sentence.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && t[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static Cue cue(String name, String regex, boolean uncertain, boolean loose) {
        return new Cue(name, Pattern.compile(regex), uncertain, loose);
    }
}
