package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Finding;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.Turn;

/**
 * The review of systems read from the clinician's symptom questions and the patient's answers, as one fact per
 * symptom: "Any abdominal pain? Fever, chills?" / "Uh, none of that." is "Denies abdominal pain, fever and
 * chills."; "Any nausea or vomiting?" / "Not really. Maybe a bit of nausea." denies the vomiting only (the nausea
 * said with a hedge is left out). A symptom the answer names takes the answer's polarity there; the others take a
 * plain "no" that opens the answer; a plain "yes" answers a question about one symptom only. Questions about
 * family members, answers that are questions, and anything the answer leaves unclear chart nothing.
 */
final class SymptomReview {

    /** What a history's review lists: symptoms, not what the examiner finds or a bare "pain" without a site. */
    private static final Set<String> NOT_REVIEWED = Set.of("pain", "tenderness", "effusion", "erythema", "ecchymosis",
            "crackles", "murmur", "lymphadenopathy", "limited range of motion", "lesion", "wound", "instability",
            "swelling", "stiffness", "spasm", "discharge", "anxiety", "depressed mood", "suicidal ideation");
    private static final Map<String, String> DISPLAY = Map.of("appetite loss", "decreased appetite");
    private static final Pattern FILLERS = Pattern.compile("^(?:(?:uh|um|oh|well|hmm|so)[\\s,.]+)+");
    private static final Pattern PLAIN_NO = Pattern.compile("^(?:no|nope|nah|none|nothing|never|not really|not at all|"
            + "i have not|i haven't|i have n't|i do not|i don't|i do n't|i did not|i didn't|i did n't|negative)\\b");
    /** A question about someone else's health, or about a future, a wish or a condition. */
    private static final Pattern NOT_THE_PATIENTS = Pattern.compile("\\b(?:family|mother|father|mom|dad|brother|sister|"
            + "anyone|anybody|wife|husband|kids|children|son|daughter|if|would|should|call me|watch for)\\b");
    /** "I wish I had some weight loss": said, but not had. */
    private static final Pattern WISH = Pattern.compile("\\b(?:wish|hope|want|would like|trying to)\\b");
    private static final int MAX_ANSWER_SENTENCES = 3;
    private static final String HINT = "review";

    private SymptomReview() {}

    /**
     * The items with the review of systems read from the questions and answers before {@code until} (where the
     * assessment and plan begin) added; a symptom a folded "review" item already charts is not repeated.
     */
    static List<Classified> withReview(List<Classified> items, EncounterFacts facts, int until) {
        Map<String, Boolean> said = new LinkedHashMap<>(); // symptom -> present
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        int order = Integer.MAX_VALUE;
        List<Turn> turns = facts.transcript().turns();
        for (int t = 0; t + 1 < turns.size(); t++) {
            Turn question = turns.get(t);
            Turn answer = turns.get(t + 1);
            if (question.role() != Role.CLINICIAN || answer.role() != Role.PATIENT && answer.role() != Role.OTHER
                    || question.start() >= until || !asks(question)) {
                continue;
            }
            List<Sentence> asked = trailingQuestions(question);
            List<Finding> symptoms = symptomsIn(facts, asked.get(0).start(), asked.get(asked.size() - 1).end());
            if (symptoms.isEmpty() || asked.stream().anyMatch(s -> NOT_THE_PATIENTS.matcher(lower(s)).find())) {
                continue;
            }
            List<Sentence> replies = answer.sentences().subList(0, Math.min(MAX_ANSWER_SENTENCES, answer.sentences().size()));
            String reply = FILLERS.matcher(lower(replies.get(0))).replaceFirst("");
            if (reply.endsWith("?")) {
                continue;
            }
            int replyEnd = replies.get(replies.size() - 1).end();
            List<Finding> named = symptomsIn(facts, replies.get(0).start(), replyEnd);
            boolean read = false;
            for (Finding symptom : symptoms) {
                Boolean present = polarity(symptom, named, reply, answer, symptoms.size(), facts);
                if (present == null || said.containsKey(symptom.name()) || folded(items, symptom)
                        || !present && affirmedElsewhere(symptom, facts, until)) {
                    continue;
                }
                said.put(symptom.name(), present);
                evidence.put(symptom.name(), List.of(new Evidence(symptom.start(), symptom.end()),
                        new Evidence(replies.get(0).start(), replyEnd)));
                read = true;
            }
            if (read) {
                order = Math.min(order, orderOf(items, asked.get(0).start()));
            }
        }
        if (said.isEmpty()) {
            return items;
        }
        List<Classified> out = new ArrayList<>(items);
        addLine(out, "Reports", said, evidence, true, order);
        addLine(out, "Denies", said, evidence, false, order);
        out.sort(java.util.Comparator.comparingInt(Classified::order));
        return out;
    }

    /** A question another reader already folded into a review line ("Denies chest pains, swelling in her legs."). */
    private static boolean folded(List<Classified> items, Finding symptom) {
        return items.stream().anyMatch(i -> HINT.equals(i.headingHint()) && i.evidence().stream()
                .anyMatch(e -> symptom.start() >= e.start() && symptom.end() <= e.end()));
    }

    /**
     * "Joint pain ... I mean, like muscle aches?" "No." said by a patient who came with joint pain: a symptom told
     * of as present elsewhere in the history (by the patient, or by the clinician stating why they came) is never
     * charted as denied.
     */
    private static boolean affirmedElsewhere(Finding symptom, EncounterFacts facts, int until) {
        for (Finding f : facts.extraction().findings()) {
            if (f.name().equals(symptom.name()) && f.start() < until && f.assertion().affirmed()) {
                Sentence s = facts.sentenceAt(f.start());
                if (s != null && !f.assertion().asked() && !lower(s).endsWith("?")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True: present; false: denied; null: the answer does not say. */
    private static Boolean polarity(Finding symptom, List<Finding> named, String reply, Turn answer, int asked,
                                    EncounterFacts facts) {
        if (QuestionFolding.UNSURE.matcher(reply).find()) {
            return null; // "uh, maybe. I don't think I've had it, so I'm not sure what it feels like"
        }
        for (Finding f : named) {
            if (f.name().equals(symptom.name())) {
                String sentence = lower(facts.sentenceAt(f.start()));
                if (f.assertion().uncertain() || f.assertion().hypothetical() || WISH.matcher(sentence).find()) {
                    return null;
                }
                return !f.assertion().negated();
            }
        }
        if (PLAIN_NO.matcher(reply).find()) {
            return false;
        }
        // "Any chest pain?" "Yes." ; "I have some body aches" answers with something else
        QuestionFolding.Polarity bare = QuestionFolding.polarity(answer);
        boolean yes = bare == QuestionFolding.Polarity.YES || bare == QuestionFolding.Polarity.MILD
                || bare == QuestionFolding.Polarity.OCCASIONAL;
        return asked == 1 && named.isEmpty() && yes ? Boolean.TRUE : null;
    }

    private static void addLine(List<Classified> out, String verb, Map<String, Boolean> said,
                                Map<String, List<Evidence>> evidence, boolean present, int order) {
        List<String> names = new ArrayList<>();
        List<Evidence> spans = new ArrayList<>();
        said.forEach((name, p) -> {
            if (p == present) {
                names.add(DISPLAY.getOrDefault(name, name));
                spans.addAll(evidence.get(name));
            }
        });
        if (names.isEmpty()) {
            return;
        }
        String text = verb + " " + ClinicalGrammar.list(names) + ".";
        String lookup = Cues.lookup(text);
        out.add(new Classified(SoapPart.SUBJECTIVE, text, spans, Role.PATIENT, order, lookup, HINT,
                ClinicalLexicon.informativeness(lookup)));
    }

    private static boolean asks(Turn turn) {
        String last = lower(turn.sentences().get(turn.sentences().size() - 1));
        return last.endsWith("?") || last.endsWith("-");
    }

    /** The questions that end the turn ("any weight loss or night sweats? coughs?"), in order. */
    private static List<Sentence> trailingQuestions(Turn turn) {
        List<Sentence> sentences = turn.sentences();
        int first = sentences.size() - 1;
        while (first > 0 && asksSomething(sentences.get(first - 1))) {
            first--;
        }
        return sentences.subList(first, sentences.size());
    }

    private static boolean asksSomething(Sentence s) {
        String text = lower(s);
        return text.endsWith("?") || text.endsWith("-");
    }

    private static List<Finding> symptomsIn(EncounterFacts facts, int from, int to) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : facts.extraction().findings()) {
            if (f.start() >= from && f.end() <= to && !NOT_REVIEWED.contains(f.name()) && !f.assertion().family()) {
                out.add(f);
            }
        }
        return out;
    }

    private static int orderOf(List<Classified> items, int offset) {
        int order = 0;
        for (Classified item : items) {
            if (!item.evidence().isEmpty() && item.evidence().get(0).start() <= offset) {
                order = Math.max(order, item.order());
            }
        }
        return order;
    }

    private static String lower(Sentence s) {
        return s == null ? "" : s.text().toLowerCase(Locale.ROOT).strip();
    }
}
