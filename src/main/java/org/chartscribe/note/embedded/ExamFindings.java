package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.Finding;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;

/**
 * The positive exam findings the clinician stated, written from the extracted findings rather than the
 * spoken sentence: "i appreciate a three out of six systolic ejection murmur" becomes "Grade 3 out of 6
 * systolic ejection murmur."; "a little bit of an effusion ... in your right knee" becomes "Small effusion of
 * the right knee.". Clinicians chart the positives first, and a long dictated turn that the sentence gate
 * could not keep whole must not lose them. Only statements (no question, no hedge), by the clinician, with the
 * body site named (a murmur needs none); the site keeps the side said with it.
 */
final class ExamFindings {

    /** Findings a physical exam reports as positives. */
    private static final List<String> POSITIVES = List.of("murmur", "effusion", "tenderness", "limited range of motion",
            "swelling", "pain");

    /** How far around a finding its own words are read (a dictated exam is one long turn). */
    private static final int BEFORE = 90;
    private static final int AFTER = 70;

    /** The words that make a clinician's sentence a statement of what the exam shows. */
    private static final Pattern EXAM_CUE = Pattern.compile("\\b(?:exam|examination|palpation|palpate|appreciate|"
            + "i (?:can |do )?(?:see|feel|hear|note)|there(?:'s| is| are)|(?:you|she|he|they) (?:do |does |did )?(?:have|has)|"
            + "shows?|looks? like|noted|positive|decreased|limited|grade|out of (?:6|six)|over (?:6|six)|when i (?:press|push|bend|"
            + "straighten|move))\\b");
    /** Talk that is not a finding: a hedge, a plan, a question, an explanation. */
    private static final Pattern NOT_A_STATEMENT = Pattern.compile("\\b(?:may|might|could|if|concern\\w*|think|worr\\w*|"
            + "risks?|any|should|will|gon na|gonna|going to|want to|wan na|does (?:it|that|this) hurt|"
            + "do you|did you|have you|are you|tell me|let me know|history of|had)\\b|\\?");
    /** Where the exam ends: the clinician turns to the assessment and plan. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.?!;]|\\b(?:so|now|and then|okay|alright|all right)\\b");

    private static final Pattern GRADE = Pattern.compile("\\b(?:grade )?(\\d|one|two|three|four|five|six)(?: out of |/| over )"
            + "(?:6|six)\\b");
    private static final Pattern MURMUR_KIND = Pattern.compile("\\b(holosystolic|systolic|diastolic)(?: (ejection))?\\b");
    private static final Pattern SIZE = Pattern.compile("\\b(small|mild|moderate|large|trace|little bit of)\\b");
    private static final Pattern MANOEUVRE = Pattern.compile("\\b(?:pain|hurts?|tenderness|tender)\\s+(?:with|on|upon|to)\\s+"
            + "(?:both\\s+)?(palpation|flexion|extension|(?:valgus|varus) stress(?: test)?|internal rotation|external rotation|"
            + "rotation|abduction|adduction|dorsiflexion|plantar flexion|supination|pronation)"
            + "(?:\\s+(?:and|or)\\s+(flexion|extension|(?:valgus|varus) stress|internal rotation|external rotation|rotation|"
            + "dorsiflexion|plantar flexion|supination|pronation))?");
    private static final Pattern EDEMA_GRADE = Pattern.compile("\\b(trace|one plus|two plus|three plus|[1-3]\\+)"
            + "(?: (pitting|nonpitting|non-pitting))?(?![a-z])");
    private static final Pattern ASPECT = Pattern.compile("\\b(medial|lateral|anterior|posterior|inside|outside)\\b");

    private static final Pattern EXAM_START = Pattern.compile("\\b(?:exam|examination|examine)\\b");

    private ExamFindings() {}

    /**
     * Whether the exam already says the composed finding: the same kind of finding ("tender" for
     * "Tenderness", "swollen" for "Swelling") on the same site, in any of the exam's lines.
     */
    static boolean covered(String composed, String examLower) {
        String c = composed.toLowerCase(Locale.ROOT);
        Pattern kind = kind(c);
        String site = c.replaceAll("\\.$", "");
        site = site.contains(" of the ") ? site.substring(site.lastIndexOf(" of the ") + 8) : "";
        String[] words = site.split(" ");
        String noun = words[words.length - 1];
        for (String line : examLower.split("(?<=\\.)\\s+")) {
            // "swelling there": the kept line points at the site just examined
            if (kind.matcher(line).find() && (noun.isEmpty() || c.contains("murmur") || line.contains(noun)
                    || line.contains(" there"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a kept exam line says the same kind of finding (it was said in the same words, so on the same site). */
    static boolean sameKind(String composed, String lineLower) {
        return kind(composed.toLowerCase(Locale.ROOT)).matcher(lineLower).find();
    }

    private static Pattern kind(String c) {
        String kind;
        if (c.contains("murmur")) {
            kind = "murmur";
        } else if (c.contains("effusion")) {
            kind = "effusion";
        } else if (c.startsWith("tenderness") || c.startsWith("pain to palpation")) {
            kind = "tender|palpation";
        } else if (c.startsWith("pain with")) {
            Matcher m = MANOEUVRE.matcher(c);
            kind = m.find() ? "(?:pain|tender)[a-z ,]{0,20}" + m.group(1).split(" ")[0] : "pain";
        } else if (c.contains("range of motion")) {
            kind = "range of motion|decreased flexion|decreased extension";
        } else {
            kind = "swell|edema";
        }
        return Pattern.compile("\\b(?:" + kind + ")");
    }

    /** The composed positive findings of the encounter, in spoken order. */
    static List<Classified> positives(EncounterFacts facts) {
        List<Classified> out = new ArrayList<>();
        if (facts == null) {
            return out;
        }
        String source = facts.source();
        int examStart = -1;
        for (Finding f : facts.extraction().findings()) {
            if (!POSITIVES.contains(f.name()) || !f.assertion().affirmed() || f.assertion().asked()) {
                continue;
            }
            Sentence sentence = facts.sentenceAt(f.start());
            if (sentence == null || sentence.speaker() != Role.CLINICIAN) {
                continue;
            }
            if (examStart < 0) {
                examStart = examStart(facts);
            }
            if (f.start() < examStart) {
                continue; // a recap of the history is not an exam finding
            }
            String before = clauseBefore(source, Math.max(sentence.start(), f.start() - BEFORE), f.start());
            String after = clauseAfter(source, f.end(), Math.min(sentence.end(), f.end() + AFTER));
            String said = source.substring(f.start(), f.end()).toLowerCase(Locale.ROOT);
            boolean manoeuvre = MANOEUVRE.matcher(said + after).lookingAt();
            if (!(manoeuvre || EXAM_CUE.matcher(before + " " + said).find()) || NOT_A_STATEMENT.matcher(before).find()) {
                continue;
            }
            Finding sited = f.site() != null ? f : new Finding(f.name(), f.assertion(),
                    siteNear(facts, f.start() - before.length(), f.end() + after.length(), f.start()), f.start(), f.end());
            text(sited, said, before, after).ifPresent(text -> out.add(new Classified(SoapPart.OBJECTIVE, text,
                    List.of(new Evidence(f.start(), siteEnd(f))), Role.CLINICIAN, 0, Cues.lookup(text), null,
                    ClinicalLexicon.informativeness(Cues.lookup(text)))));
        }
        return out;
    }

    /** Where the clinician first speaks of the exam; past the end when never. */
    private static int examStart(EncounterFacts facts) {
        for (Sentence s : facts.sentences()) {
            if (s.speaker() == Role.CLINICIAN && EXAM_START.matcher(s.text().toLowerCase(Locale.ROOT)).find()) {
                return s.start();
            }
        }
        return Integer.MAX_VALUE;
    }

    static Optional<String> text(Finding f, String said, String before, String after) {
        String site = site(f, before, after);
        switch (f.name()) {
            case "murmur" -> {
                Matcher grade = GRADE.matcher(before);
                String g = null;
                while (grade.find()) {
                    g = SpokenDigits.digit(grade.group(1));
                }
                Matcher kind = MURMUR_KIND.matcher(before);
                String k = null;
                while (kind.find()) {
                    k = kind.group(2) == null ? kind.group(1) : kind.group(1) + " " + kind.group(2);
                }
                String words = (k == null ? "" : k + " ") + "murmur";
                return Optional.of(g == null ? capital(words) + "." : "Grade " + g + " out of 6 " + words + ".");
            }
            case "pain", "tenderness" -> {
                Matcher m = MANOEUVRE.matcher(said + after);
                if (m.lookingAt() && site != null) {
                    String what = m.group(1).equals("palpation") && f.name().equals("tenderness") ? "Tenderness" : "Pain";
                    String moves = m.group(1) + (m.group(2) == null ? "" : " and " + m.group(2));
                    return Optional.of(what + (moves.equals("palpation") ? " to " : " with ") + moves + " of the "
                            + site + ".");
                }
                if (f.name().equals("tenderness") && site != null) {
                    return Optional.of("Tenderness of the " + site + ".");
                }
                return Optional.empty();
            }
            case "effusion" -> {
                if (site == null) {
                    return Optional.empty();
                }
                Matcher size = SIZE.matcher(before);
                String s = null;
                while (size.find()) {
                    s = size.group(1).equals("little bit of") ? "small" : size.group(1);
                }
                return Optional.of((s == null ? "Effusion" : capital(s) + " effusion") + " of the " + site + ".");
            }
            case "limited range of motion" -> {
                if (site == null) {
                    return Optional.empty();
                }
                String adjective = said.startsWith("decreased") ? "Decreased" : "Limited";
                return Optional.of(adjective + " range of motion of the " + site + ".");
            }
            case "swelling" -> {
                if (site == null) {
                    return Optional.empty();
                }
                Matcher grade = EDEMA_GRADE.matcher(before);
                String g = null;
                while (grade.find()) {
                    g = grade.group(1).replace("one plus", "1+").replace("two plus", "2+").replace("three plus", "3+")
                            + (grade.group(2) == null ? "" : " " + grade.group(2));
                }
                String word = said.equals("edema") ? "edema" : "swelling";
                return Optional.of(capital(g == null ? word : g + " " + word) + " of the " + site + ".");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** "right knee", "medial right knee": the site with its side, or null when none was said with the finding. */
    private static String site(Finding f, String before, String after) {
        BodySite s = f.site();
        if (s == null) {
            return null;
        }
        String name = s.site().toLowerCase(Locale.ROOT).replaceAll("^(?:left|right|both|bilateral)\\s+", "");
        if (name.contains(" of ") || name.isBlank() || name.split(" ").length > 3) {
            return null;
        }
        String side = s.laterality() == null ? "" : switch (s.laterality()) {
            case LEFT -> "left ";
            case RIGHT -> "right ";
            case BILATERAL -> "bilateral ";
        };
        String aspect = "";
        Matcher a = ASPECT.matcher(after);
        if (a.find() && a.end() < after.indexOf(name.split(" ")[0]) + 1) {
            aspect = switch (a.group(1)) {
                case "inside" -> "medial ";
                case "outside" -> "lateral ";
                default -> a.group(1) + " ";
            };
        }
        return aspect + side + name;
    }

    /** The site said closest to the finding within its clause, when the extractor's reach did not find one. */
    private static BodySite siteNear(EncounterFacts facts, int from, int to, int at) {
        BodySite best = null;
        for (BodySite s : facts.extraction().bodySites()) {
            if (s.start() >= from && s.end() <= to
                    && (best == null || Math.abs(s.start() - at) < Math.abs(best.start() - at))) {
                best = s;
            }
        }
        return best;
    }

    private static int siteEnd(Finding f) {
        return f.site() == null ? f.end() : Math.max(f.end(), f.site().end());
    }

    /** The finding's own clause before it: from the last clause break to the finding. */
    private static String clauseBefore(String source, int from, int to) {
        String window = source.substring(from, to).toLowerCase(Locale.ROOT);
        Matcher m = CLAUSE_END.matcher(window);
        int cut = 0;
        while (m.find()) {
            cut = m.end();
        }
        return window.substring(cut);
    }

    private static String clauseAfter(String source, int from, int to) {
        String window = source.substring(from, Math.max(from, to)).toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("[.?!;]").matcher(window);
        return m.find() ? window.substring(0, m.start()) : window;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Grades are said as words ("three out of six") or digits. */
    private static final class SpokenDigits {
        private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six");

        static String digit(String said) {
            int i = WORDS.indexOf(said);
            return i < 0 ? said : Integer.toString(i);
        }
    }
}
