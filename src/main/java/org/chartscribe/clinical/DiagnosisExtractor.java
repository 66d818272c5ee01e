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
    /** A cue and the words one of which it cannot match without: a clause holding none is not searched. */
    private record Cue(String name, Pattern pattern, boolean uncertain, boolean loose, List<String> anchors) {
        boolean mayMatch(String sentence) {
            for (String anchor : anchors) {
                if (sentence.contains(anchor)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String NOT_A_CONDITION = "";
    private static final PhraseMatcher<String> CONDITIONS = new PhraseMatcher<>();
    private static final List<Cue> CUES = List.of(
            cue("rule out", "\\b(?:rule out|r/o|ruling out)\\s+", true, false, "rule out", "r/o", "ruling out"),
            cue("suspect", "\\b(?:suspicious for|suspicion of|concerning for|concern for|suggestive of)\\s+", true, false,
                    "suspici", "concern", "suggestive"),
            cue("differential", "\\bdifferential (?:includes|is|would include)\\s+", true, false, "differential"),
            cue("consistent with", "\\b(?:consistent with|compatible with)\\s+", false, false, " with"),
            cue("diagnosis", "\\b(?:diagnosis (?:here |today )?(?:is|of|would be|will be)|diagnosed with|diagnose you with|"
                    + "impression is|assessment is)\\s+",
                    false, false, "diagnos", " is"),
            cue("suspect", "\\bi suspect (?:that )?(?:this is |it's |you have )?", true, true, "i suspect"),
            cue("likely", "\\b(?:most likely|likely|probably|possibly|possible|probable)\\s+(?:a |an |some |just )?(?=[a-z])",
                    true, true, "likely", "probabl", "possib"),
            cue("i think", "\\bi think (?:that )?(?:this is|it's|it is|that's|you have|you've got|he has|she has|"
                    + "we're dealing with|this|it)\\s+", false, true, "i think"),
            cue("diagnosis", "\\b(?:looks like|sounds like|this is|it's|that's|dealing with|you have|you've got|he has|"
                    + "she has|suffering from)\\s+", false, true, "like", "this is", "'s", "dealing", "you have", "you've",
                    " has", "suffering"));
    private static final Pattern DIAGNOSTIC_WORDS = Pattern.compile("(?:itis|osis|emia|opathy|algia|plasia)\\b|\\b(?:sprain|"
            + "strain|fracture|infection|syndrome|disease|disorder|injury|tear|deficiency|reflux|flare|exacerbation|"
            + "cyst|lesion|hernia|virus|viral|bacterial|insufficiency|failure|dysfunction|instability|impingement|"
            + "contusion|laceration|dislocation|concussion|abrasion)\\b");
    private static final Pattern PHRASE_END = Pattern.compile("[,.;:?!\\n\\[]|\\b(?:and|but|so|because|which|that|we|i|"
            + "we'll|i'll|i'm|we're|given|since|if|or|you|let's|right|okay|um|uh|with|for|from|as|at|to|in|on|"
            + "today|now|here|there|is|was|are|causing|going|where|when|based|think|looking|again|rather|"
            + "which|who|until|unless|after|before|because)\\b");
    private static final Pattern LEADING = Pattern.compile("^(?:(?:a|an|the|some|your|his|her|my|their|this|that|these|"
            + "those|me|him|us|any|other|just|probably|likely|mild|a bit of|kind of|sort of|like|more of|more|a little|had|has|"
            + "have)\\s+)+");
    /** A hedge said after the cue belongs to the context, not the condition's name. */
    private static final Pattern HEDGE = Pattern.compile("^(?:(?:could|may|might) (?:be|have)|is (?:probably|likely|possibly)|"
            + "(?:is|it's) (?:maybe|perhaps)|possibly|perhaps)\\s+");
    /** Said inside the phrase, these belong to the context: "history of gout" is gout, historical. */
    private static final Pattern HISTORY_PREFIX = Pattern.compile("^(?:(?:past medical|family|medical|past) )?history of\\s+");
    /** "you have completed your vaccine": a verb, not a condition, follows a loose cue. */
    private static final Pattern VERB_FIRST = Pattern.compile("^[a-z]+ed\\b");
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
        for (int c = 0; c < clauses.size(); c++) {
            Clauses.Span clause = clauses.get(c);
            String sentence = lower.substring(clause.start(), clause.end());
            List<int[]> taken = new ArrayList<>();
            boolean question = sentence.endsWith("?");
            String next = c + 1 < clauses.size() ? lower.substring(clauses.get(c + 1).start(), clauses.get(c + 1).end()) : "";
            // a question is not an impression: "do you have any diabetes?" is answered, not diagnosed
            if (!question && clinicianAt.test(nt.originalEnd(clause.end()) - 1)) { // the clause's last word: its start may be a speaker label
                for (Cue cue : CUES) {
                    if (!cue.mayMatch(sentence)) {
                        continue;
                    }
                    Matcher m = cue.pattern().matcher(sentence);
                    while (m.find()) {
                        cueDiagnosis(nt, clause, sentence, cue, m, taken, found);
                    }
                }
            }
            for (PhraseMatcher.Match<String> m : CONDITIONS.find(sentence)) {
                if (m.value().equals(NOT_A_CONDITION) || overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                Assertion a = ContextRules.assess(sentence, m.start(), m.end());
                if (question) {
                    a = FindingsExtractor.answered(a, next);
                }
                found.add(new Diagnosis(sentence.substring(m.start(), m.end()), m.value(), "mention", a,
                        nt.originalStart(clause.start() + m.start()), nt.originalEnd(clause.start() + m.end())));
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
        Matcher hedge = HEDGE.matcher(sentence.substring(from));
        if (hedge.find()) {
            from += hedge.end(); // "I think this could be a sprain": ContextRules now sees the hedge before the phrase
            lead = LEADING.matcher(sentence.substring(from));
            if (lead.find()) {
                from += lead.end();
            }
        }
        Matcher history = HISTORY_PREFIX.matcher(sentence.substring(from));
        if (history.find()) {
            from += history.end(); // ContextRules now sees "history of" before the phrase
        }
        int to = phraseEnd(sentence, from);
        if (to <= from || overlaps(taken, from, to)) {
            return;
        }
        String phrase = sentence.substring(from, to).strip();
        List<PhraseMatcher.Match<String>> named = CONDITIONS.find(phrase).stream()
                .filter(c -> !c.value().equals(NOT_A_CONDITION)).toList();
        if (cue.loose() && (named.isEmpty() && !DIAGNOSTIC_WORDS.matcher(phrase).find()
                || VERB_FIRST.matcher(phrase).find() && (named.isEmpty() || named.get(0).start() > 0))) {
            return; // "this is great", "you have to", "likely need", "you have completed": not a diagnosis
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

    private static Cue cue(String name, String regex, boolean uncertain, boolean loose, String... anchors) {
        return new Cue(name, Pattern.compile(regex), uncertain, loose, List.of(anchors));
    }
}
