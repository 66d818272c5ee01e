package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartscribe.clinical.DrugLexicon;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.SmallTalk;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.Turn;

/**
 * Decides for each sentence whether it belongs in the note and in which SOAP division. Patients and
 * companions can only contribute history; clinicians' sentences are scored by
 * {@link ClassificationRules}, nudged by the phase of the visit (history, examination, plan).
 * Dictated section labels override the rules.
 */
final class SentenceClassifier {

    private enum Phase { HISTORY, EXAM, PLAN }

    /** Personal-narrative cues that keep a patient's non-clinical sentence (it belongs to the history). */
    private static final Cues NARRATIVE = Cues.of("i've been", "i have been", "i was", "i had", "i went", "since ",
            "ago", "lately", "recently", "last week", "last month", "every day", "my ");

    private static final double MIN_CLINICIAN_SCORE = 1.0;
    /** Instructions to a scribe or speech recogniser ("use my knee template", "please summarize in the assessment"). */
    private static final java.util.regex.Pattern DICTATION_COMMAND = java.util.regex.Pattern.compile(
            "(?i)\\b(?:use (?:my|the|a|our) (?:[a-z]+ ){0,5}template|finali[sz]e (?:the |this |my )?(?:note|report|dictation|"
                    + "visit)|(?:please )?summari[sz]e (?:in|under|the|that|this|it)|in (?:the )?(?:assessment|plan|"
                    + "history|hpi|exam|physical exam)[, ]+(?:please )?(?:add|put|write|document|note|summari[sz]e|"
                    + "include|insert|list)|please (?:add|document|insert|include|put|note down)|new paragraph|"
                    + "end (?:of )?(?:the )?dictation|scratch that|delete that|next bullet|new line)\\b");
    /** A tag that ends a statement with a question mark ("..., okay?"). */
    private static final java.util.regex.Pattern TAG_QUESTION = java.util.regex.Pattern.compile(
            "(?i)[\\s,]*(?:okay|ok|all right|alright|right|yeah|does that sound good|"
                + "sound good|does that make sense|is that okay|you know)[\\s?]*$");
    /** "On exam.", "Plan.": a spoken heading with nothing after it. */
    private static final java.util.regex.Pattern BARE_HEADING = java.util.regex.Pattern.compile(
            "(?i)^(?:on |upon |physical |my |the )?(?:exam|examination|assessment|plan|impression|results?|history)[.:!]?$");
    private static final DrugLexicon DRUGS = DrugLexicon.builtIn();
    /** Below this many words, a clinician's remark needs a clinical word to be charted. */
    private static final int VAGUE_WORDS = 6;

    private static final java.util.regex.Pattern UNPUNCTUATED_QUESTION = java.util.regex.Pattern.compile(
            "(?i)^(?:(?:okay|ok|so|and|alright|all right|um|uh|now|well|but|and then|yeah|yes|good|great|perfect|oh|"
                    + "got it|i see|hmm|mm-hmm|uh-huh|mhm)[\\s,]+)*"
                    // the auxiliary is often said twice: "has has she ..."
                    + "(?:(?:(?:do|does|did|have|has|are|is|was|were|can|could|would|will|should|shall|am)\\s+)+"
                    + "(?:you|your|it|there|they|that|he|she|this|the|any|i|we)\\b"
                    // a subject the rules do not know, such as a name: "has karen had", "did your son notice"
                    + "|(?:(?:has|have|did|does|is|was|were)\\s+)+(?:his |her |their |my )?[a-z]+ (?:had|been|ever|noticed|"
                    + "taken|tried|seen|felt|have|get|got|take|feel|notice|tried)\\b"
                    // after a short lead-in that sets the time: "since this started has she been sleeping"
                    + "|(?:since|after|before|over|during|in|and since)(?: [a-z']+){1,4} (?:(?:do|does|did|have|has|are|is|"
                    + "was|were)\\s+)+(?:you|she|he|they|it|there)\\b"
                    + "|(?:how|what|when|"
                    + "where|why|which|who)\\b|any (?:other )?(?:questions|chest|fever|pain|nausea|vomiting|shortness|"
                    + "problems|issues|symptoms|changes|numbness|tingling|trouble|difficulty)\\b|"
                    // a prompt is a question too: "tell me about your knee", "describe the pain"
                    + "(?:tell me|describe)\\b)");

    private SentenceClassifier() {}

    /** The division of a single sentence heard on its own, or empty when it would not be charted. */
    static Optional<SoapPart> divisionOf(String sentence, Role speaker) {
        return decide(sentence, speaker, Phase.HISTORY, null);
    }

    static List<Classified> classify(Transcript transcript) {
        return classify(transcript, Pronouns.THEY, true);
    }

    /**
     * @param pronouns     how the note names the patient
     * @param secondPerson whether the clinician's "you" is the patient (false when talking to an owner or parent)
     */
    static List<Classified> classify(Transcript transcript, Pronouns pronouns, boolean secondPerson) {
        List<Classified> out = new ArrayList<>();
        List<Turn> turns = transcript.turns();
        Set<Sentence> consumed = new HashSet<>();
        Phase phase = Phase.HISTORY;
        int order = 0;
        for (int ti = 0; ti < turns.size(); ti++) {
            Turn turn = turns.get(ti);
            SectionLabels.Hit sticky = null;
            for (int si = 0; si < turn.sentences().size(); si++) {
                Sentence s = turn.sentences().get(si);
                order++;
                if (consumed.contains(s)) {
                    continue;
                }
                int offset = 0;
                Optional<SectionLabels.Hit> label = SectionLabels.match(s.text());
                if (label.isPresent()) {
                    sticky = label.get();
                    offset = sticky.contentOffset();
                    if (s.text().substring(offset).isBlank()) {
                        continue;
                    }
                }
                Role speaker = s.speaker();
                boolean clinician = speaker == Role.CLINICIAN || speaker == Role.UNKNOWN;
                String whole = s.text().substring(offset);
                if (clinician && sticky == null) {
                    phase = nextPhase(phase, Cues.lookup(whole));
                }
                if (clinician && sticky == null && isQuestion(whole)) {
                    boolean lastOfTurn = onlyQuestionsFollow(turn, si);
                    if (lastOfTurn && ti + 1 < turns.size()) {
                        Turn answerTurn = turns.get(ti + 1);
                        // during the exam "does it hurt when I press on your knee?" "yes" is a finding (or
                        // nothing), never history
                        Optional<Classified> folded = phase == Phase.EXAM
                                ? ExamManoeuvres.fold(s, answerTurn, order)
                                : QuestionFolding.fold(s, answerTurn, order, pronouns, transcript.source());
                        if (folded.isPresent()) {
                            consumed.add(answerTurn.sentences().get(0));
                            out.add(folded.get());
                        }
                    }
                    continue;
                }
                List<int[]> clauses = clinician ? Clauses.split(whole) : List.of(new int[] {0, whole.length()});
                for (int[] clause : clauses) {
                    String content = whole.substring(clause[0], clause[1]);
                    if (SmallTalk.isSmallTalk(content)) {
                        continue;
                    }
                    String lookup = Cues.lookup(content);
                    if (clinician && sticky == null && ClinicianVoice.isProcedural(lookup)) {
                        continue;
                    }
                    if (clinician && DICTATION_COMMAND.matcher(content).find()) {
                        continue; // said to the scribe or the recogniser, not about the patient
                    }
                    if (!clinician && phase == Phase.EXAM) {
                        continue; // "that hurts", "a little there" answer the exam; the clinician charts the finding
                    }
                    Optional<SoapPart> part = decide(content, lookup, speaker, phase, sticky);
                    if (part.isEmpty() && clinician && phase == Phase.PLAN && ProblemGrouper.label(content).isPresent()) {
                        part = Optional.of(SoapPart.ASSESSMENT); // "from an asthma standpoint, ...": names a problem
                    }
                    if (part.isEmpty() || clinician && sticky == null && isVague(part.get(), lookup)) {
                        continue;
                    }
                    if (clinician && sticky == null && part.get() == SoapPart.SUBJECTIVE
                            && ResultLines.readsAnImage(content, s.start() + offset + clause[0], transcript.source())) {
                        part = Optional.of(SoapPart.OBJECTIVE); // "you have a fracture" after the x-ray is shown
                    }
                    // each answer opens with "The patient", as a history is written; the rest use the pronoun
                    boolean opensAnswer = speaker == Role.PATIENT && si == 0;
                    Pronouns voice = opensAnswer ? pronouns.namingThePatient() : pronouns;
                    String rewritten = NoteStyle.rewrite(content, speaker, part.get(), voice, secondPerson, opensAnswer);
                    // the history and the findings are written from what was said; the assessment and plan
                    // are composed from the problems and plan items, which check their own wording
                    Optional<String> admitted = part.get() == SoapPart.SUBJECTIVE || part.get() == SoapPart.OBJECTIVE
                            ? SentenceGate.admit(rewritten, part.get(), speaker)
                            : Optional.of(rewritten).filter(t -> Condenser.words(t) >= 2);
                    if (admitted.isEmpty() || BARE_HEADING.matcher(admitted.get()).matches()) {
                        continue;
                    }
                    String text = admitted.get();
                    int from = s.start() + offset + clause[0];
                    int to = s.start() + offset + clause[1];
                    List<String> pieces = part.get() == SoapPart.PLAN && clinician ? PlanList.split(text) : List.of(text);
                    for (String piece : pieces) {
                        String pieceLookup = pieces.size() == 1 ? lookup : Cues.lookup(piece);
                        out.add(new Classified(part.get(), piece, List.of(new Evidence(from, to)), speaker, order,
                                pieceLookup, sticky == null ? null : sticky.headingHint(),
                                ClinicalLexicon.informativeness(pieceLookup)));
                    }
                }
            }
        }
        return out;
    }

    private static Optional<SoapPart> decide(String content, Role speaker, Phase phase, SectionLabels.Hit sticky) {
        return decide(content, Cues.lookup(content), speaker, phase, sticky);
    }

    /** @param lookup {@code Cues.lookup(content)}, when the caller has it already */
    private static Optional<SoapPart> decide(String content, String lookup, Role speaker, Phase phase,
                                             SectionLabels.Hit sticky) {
        if (speaker == Role.PATIENT || speaker == Role.OTHER) {
            if (isQuestion(content)) {
                return Optional.empty(); // a patient's question is not a plan, and not a finding
            }
            boolean narrative = NARRATIVE.any(lookup) && words(lookup) >= 5;
            return ClinicalLexicon.isClinical(lookup) || narrative ? Optional.of(SoapPart.SUBJECTIVE) : Optional.empty();
        }
        Map<SoapPart, Double> scores = score(content, lookup, phase);
        if (sticky != null) {
            if (sticky.parts().size() == 1) {
                return Optional.of(sticky.parts().iterator().next());
            }
            return sticky.parts().stream()
                    .max((a, b) -> Double.compare(scores.get(a) - a.ordinal() * 1e-6, scores.get(b) - b.ordinal() * 1e-6));
        }
        SoapPart best = null;
        double bestScore = MIN_CLINICIAN_SCORE - 1e-9;
        for (SoapPart part : SoapPart.values()) {
            if (scores.get(part) > bestScore) {
                best = part;
                bestScore = scores.get(part);
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        if (ProblemGrouper.diagnosisIn(content).isPresent()) {
            return Optional.of(SoapPart.ASSESSMENT); // "this is acute otitis media": a diagnosis, said plainly
        }
        // a clinician restating history without any cue ("she has had this for a while")
        return ClinicalLexicon.isClinical(lookup) && words(lookup) >= 4 && phase == Phase.HISTORY
                ? Optional.of(SoapPart.SUBJECTIVE) : Optional.empty();
    }

    private static Map<SoapPart, Double> score(String raw, String lookup, Phase phase) {
        Map<SoapPart, Double> scores = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            scores.put(part, 0.0);
        }
        long matching = ClassificationRules.matching(lookup, raw);
        for (int i = 0; i < ClassificationRules.CLINICIAN_RULES.size(); i++) {
            if ((matching & 1L << i) != 0) {
                ClassificationRules.Rule rule = ClassificationRules.CLINICIAN_RULES.get(i);
                scores.merge(rule.part(), rule.weight(), Double::sum);
            }
        }
        boolean clinical = ClinicalLexicon.isClinical(lookup);
        switch (phase) {
            case EXAM -> scores.merge(SoapPart.OBJECTIVE, clinical ? 1.0 : 0.25, Double::sum);
            case PLAN -> {
                scores.merge(SoapPart.PLAN, 0.5, Double::sum);
                scores.merge(SoapPart.ASSESSMENT, 0.25, Double::sum);
                scores.put(SoapPart.SUBJECTIVE, scores.get(SoapPart.SUBJECTIVE) * 0.5);
            }
            case HISTORY -> scores.merge(SoapPart.SUBJECTIVE, clinical ? 0.5 : 0.0, Double::sum);
        }
        return scores;
    }

    private static Phase nextPhase(Phase phase, String lookup) {
        if (ClassificationRules.PLAN_PHASE.any(lookup)) {
            return Phase.PLAN;
        }
        if (phase == Phase.HISTORY && ClassificationRules.EXAM_PHASE.any(lookup)) {
            return Phase.EXAM;
        }
        return phase;
    }

    /** "We'll see", "let's do that", "that's good": a remark without anything clinical to chart. */
    private static boolean isVague(SoapPart part, String lookup) {
        return !ClinicalLexicon.isClinical(lookup) && (part == SoapPart.PLAN || words(lookup) < VAGUE_WORDS)
                && DRUGS.find(lookup).isEmpty(); // "let's continue the allopurinol" names a drug
    }

    /** "Any fever? Any chills?" then "No.": every question in a run ending the turn is answered. */
    private static boolean onlyQuestionsFollow(Turn turn, int index) {
        for (int i = index + 1; i < turn.sentences().size(); i++) {
            if (!isQuestion(turn.sentences().get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /** A request for history said as a statement; "tell me if it gets worse" is an instruction, not a prompt. */
    private static final java.util.regex.Pattern PROMPT = java.util.regex.Pattern.compile(
            "(?i)^(?:(?:okay|ok|so|and|now|well|alright|all right)[\\s,]+)*(?:(?:can|could) you )?(?:tell me (?:about|more|"
                    + "what|how|when|where|a little)|describe|walk me through)\\b");

    /** A question, ignoring tag questions such as "..., okay?" that end a statement. */
    static boolean isQuestion(String sentence) {
        String s = sentence.strip();
        if (PROMPT.matcher(s).find()) {
            return true; // "Tell me about your mood.": asks for history whatever its punctuation
        }
        if (!s.endsWith("?")) {
            // speech recognition output has no question marks: rely on the inverted opening
            return !s.endsWith(".") && !s.endsWith("!") && UNPUNCTUATED_QUESTION.matcher(s).find();
        }
        String body = TAG_QUESTION.matcher(s).replaceAll("");
        return body.length() == s.length() || body.isBlank();
    }

    private static int words(String lookup) {
        String t = lookup.trim();
        return t.isEmpty() ? 0 : t.split(" ").length;
    }
}
