package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Allergies: "allergic to penicillin, it gives me hives", "sulfa allergy", "codeine makes me
 * throw up", and the negative statements ("no known drug allergies", "NKDA", "not allergic to
 * anything"). A substance is a lexicon drug when one is named, else the next few words.
 */
final class AllergyExtractor {

    private static final Pattern NONE = Pattern.compile("\\b(?:no known (?:drug |medication )?allergies|nkda|nka|"
            + "no (?:drug |medication )?allergies|not allergic to (?:anything|any (?:medications|medicines|drugs))|"
            + "don't have any (?:drug |medication )?allergies|no allergies to (?:any )?medications|"
            + "never had any (?:problems with )?allergies)\\b");
    private static final Pattern ALLERGIC_TO = Pattern.compile("\\b(?:allergic to|allergy to|allergies to|allergies include|"
            + "allergic reaction to|reaction to|intolerant (?:of|to))\\s+(?:a |an |the |some )?([a-z][a-z -]{1,40})");
    private static final Pattern NOUN_ALLERGY = Pattern.compile("\\b([a-z]+(?: [a-z]+)?) allerg(?:y|ies)\\b");
    private static final Pattern STOP = Pattern.compile("\\s+(?:and|but|which|that|it|it's|they|so|because|i|with|"
            + "gives|makes|caused|causes)\\b.*$");
    private static final Set<String> NOT_SUBSTANCES = Set.of("drug", "medication", "known", "seasonal", "food", "no",
            "any", "the", "a", "an", "my", "your", "his", "her", "their", "environmental", "bad", "severe", "mild", "other",
            "some", "skin", "these", "those", "pollen", "spring", "fall", "with", "of", "for", "to", "have", "had", "has",
            "problems", "issues", "about", "what");
    private static final Pattern ALLERGEN_CUE = Pattern.compile("\\b(?:allergic to|allergy to|allergies to|allergies include|"
            + "reaction to|reactions to|intolerant (?:of|to)|intolerance to)\\b");
    /** "the one where a tick bites you and you get an allergic reaction to meat": what happens to people, not to this patient. */
    private static final Pattern GENERIC = Pattern.compile("\\b(?:the one where|the kind where|where a|where you|"
            + "if you get|when you get|you get an?|you'd get|people get|some people|someone gets)\\b");
    private static final Pattern ALLERGY_AFTER = Pattern.compile("^[\\s-]*(?:allergy|allergies|allergic)\\b");

    private static final Map<String, Pattern> REACTIONS = Map.of(
            "hives", Pattern.compile("\\bhives|urticaria\\b"),
            "rash", Pattern.compile("\\brash"),
            "anaphylaxis", Pattern.compile("anaphyla|throat (?:closes|closing|closed|swell)|couldn't breathe|can't breathe"),
            "swelling", Pattern.compile("\\bswell(?:ing|s)?\\b|\\bangioedema"),
            "itching", Pattern.compile("\\bitch"),
            "nausea/vomiting", Pattern.compile("\\bnause|\\bvomit|throw(?:s|ing)? up|threw up|sick to my stomach"),
            "shortness of breath", Pattern.compile("short(?:ness)? of breath|wheez"),
            "diarrhea", Pattern.compile("\\bdiarrh"));

    private AllergyExtractor() {}

    static List<Allergy> extract(NormalizedText nt, List<Clauses.Span> clauses) {
        String lower = nt.text();
        List<Allergy> found = new ArrayList<>();
        Matcher none = NONE.matcher(lower);
        while (none.find()) {
            found.add(new Allergy(null, List.of(), true, nt.originalStart(none.start()), nt.originalEnd(none.end())));
        }
        for (Clauses.Span clause : clauses) {
            String sentence = lower.substring(clause.start(), clause.end());
            if (!sentence.contains("allerg") && !sentence.contains("reaction") && !sentence.contains("intoleran")
                    || GENERIC.matcher(sentence).find()) {
                continue;
            }
            List<String> reactions = reactions(sentence);
            List<DrugLexicon.DrugMention> drugs = DrugLexicon.builtIn().find(sentence);
            List<DrugLexicon.DrugMention> allergens = drugs.stream()
                    .filter(d -> isAllergen(sentence, d.start(), d.end())).toList();
            if (!allergens.isEmpty() && !NONE.matcher(sentence).find()) {
                for (DrugLexicon.DrugMention d : allergens) {
                    found.add(new Allergy(d.drug().generic(), reactions, false,
                            nt.originalStart(clause.start() + d.start()), nt.originalEnd(clause.start() + d.end())));
                }
                continue;
            }
            Matcher to = ALLERGIC_TO.matcher(sentence);
            if (to.find() && !NONE.matcher(sentence).find()) {
                String substance = STOP.matcher(to.group(1)).replaceFirst("").strip();
                if (!substance.isEmpty() && !NOT_SUBSTANCES.contains(substance)) {
                    int s = clause.start() + to.start(1);
                    found.add(new Allergy(substance, reactions, false, nt.originalStart(s), nt.originalEnd(s + substance.length())));
                }
                continue;
            }
            Matcher noun = NOUN_ALLERGY.matcher(sentence);
            while (!NONE.matcher(sentence).find() && noun.find()) {
                String substance = noun.group(1);
                String last = substance.contains(" ") ? substance.substring(substance.indexOf(' ') + 1) : substance;
                if (NOT_SUBSTANCES.contains(last) || NOT_SUBSTANCES.contains(substance)) {
                    continue;
                }
                if (substance.contains(" ") && NOT_SUBSTANCES.contains(substance.substring(0, substance.indexOf(' ')))) {
                    substance = last; // "a latex allergy" -> latex
                }
                if (DrugLexicon.builtIn().lookup(last).isPresent()) {
                    continue; // a lexicon drug was handled above ("Zyrtec for my allergies" is a treatment)
                }
                int s = clause.start() + noun.end(1) - substance.length();
                found.add(new Allergy(substance, reactions, false, nt.originalStart(s), nt.originalEnd(s + substance.length())));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(found);
    }

    /**
     * Whether the drug named at [start, end) of a clause is an allergen: named after "allergic to"
     * and the like, or right before "allergy". "I take Zyrtec for my allergies" names a treatment.
     */
    static boolean isAllergen(String sentence, int start, int end) {
        return ALLERGEN_CUE.matcher(sentence.substring(0, start)).find()
                || ALLERGY_AFTER.matcher(sentence.substring(end)).find();
    }

    private static List<String> reactions(String sentence) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : List.of("anaphylaxis", "hives", "rash", "swelling", "itching", "nausea/vomiting",
                "shortness of breath", "diarrhea")) {
            if (REACTIONS.get(name).matcher(sentence).find()) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }
}
