package org.chartscribe.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical signs that a note copies speech instead of charting it, counted per category. Clinicians
 * write in the third person, without fillers or repetitions, in complete sentences, once; every sign
 * counted here is something a reviewer would have to edit. The rules favour precision: a sign is
 * counted only where a note written by a clinician would almost never show it (ACI-Bench reference notes
 * score about 0.6 per note, see docs/EVALUATION.md).
 *
 * <p>Input is the rendered note (headings included). Only counts come out, never the words.
 */
public final class CopiedSpeech {

    /** The signs in one note (or summed over notes), per category. */
    public record Counts(int secondPerson, int fillers, int stutters, int cut, int duplicated, int objectPronoun,
                         int firstPerson) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        public int total() {
            return secondPerson + fillers + stutters + cut + duplicated + objectPronoun + firstPerson;
        }

        /** The target measure: a note with any "you"-speech or filler. */
        public boolean hasSecondPersonOrFiller() {
            return secondPerson + fillers > 0;
        }

        public Counts plus(Counts o) {
            return new Counts(secondPerson + o.secondPerson, fillers + o.fillers, stutters + o.stutters, cut + o.cut,
                    duplicated + o.duplicated, objectPronoun + o.objectPronoun, firstPerson + o.firstPerson);
        }

        /** {@code second_person=.. fillers=.. stutters=.. cut=.. duplicated=.. object_pronoun=.. first_person=..} */
        public String fields() {
            return "second_person=" + secondPerson + " fillers=" + fillers + " stutters=" + stutters + " cut=" + cut
                    + " duplicated=" + duplicated + " object_pronoun=" + objectPronoun + " first_person=" + firstPerson;
        }
    }

    private static final Pattern SECOND_PERSON = Pattern.compile(
            "(?i)(?<![\\w'’])(?:you(?:['’](?:re|ll|ve|d))?|your|yours|yourself|yourselves|y['’]all)(?![\\w'’])");

    /**
     * Spoken fillers. "okay" and "all right" except as the adjective after a verb ("doing okay", "it was
     * all right"); "kind of" / "sort of" only as hedges (not "what kind of test").
     */
    private static final Pattern FILLER = Pattern.compile("(?i)(?<![\\w'’-])(?:"
            + "yeah|yep|yup|um+|uh+|uh-huh|mm-hmm|mhm+|hmm+|gonna|wanna|gotta|you know|i mean"
            + "|(?<!\\b(?:is|was|be|been|are|were|am|\\w{1,15}ing|feel|feels|felt|seem|seems|seemed|look|looks"
            + "|looked|sound|sounds|it's|that's|i'm|he's|she's|they're|pretty|fairly|mostly|relatively|done|did|do|does"
            + "|went|goes|go|turned|came|come|comes|out|not)\\s)(?:okay|ok|alright|all right)"
            + "|(?<!\\b(?:a|the|what|this|that|any|some|which|every|one|same|different|other|another|no|these|those)\\s)"
            + "(?:kind|sort) of"
            + ")(?![\\w'’-])");

    private static final Set<String> CUT_END = Set.of(
            "a", "an", "the", // articles
            "for", "of", "to", "with", "from", "about", "into", "at", "by", "than", "as", "on", "onto", // prepositions
            "and", "or", "but", "because", "if", "nor", // conjunctions
            "has", "have", "had", "is", "are", "was", "were", "does", "did", "will", "would", "can", "could",
            "should", "shall", "must", "may", "might", // auxiliaries
            "he", "she", "they", "we", "i"); // subject pronouns
    /** Words after which an auxiliary may end a sentence: "than was", "what there was", "she may not". */
    private static final Set<String> AUX_AFTER = Set.of("than", "as", "what", "where", "who", "that", "which", "there",
            "so", "not");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "is", "are", "was", "were", "does", "did",
            "will", "would", "can", "could", "should", "shall", "must", "may", "might");
    private static final Set<String> PREPOSITION_END = Set.of("for", "of", "to", "with", "from", "about", "into", "at",
            "by", "on", "onto");
    /** A preposition may end a relative clause: "a colonoscopy that she is overdue for." */
    private static final Set<String> RELATIVE = Set.of("that", "which", "what", "who", "whom", "where", "whatever");
    private static final Set<String> COMPARISON = Set.of("than", "as", "how", "wherever", "however");
    /** "on" ends a sentence as a particle: "with her brace on", "later on", "from now on". */
    private static final Set<String> ON_AS_OBJECT = Set.of("him", "her", "them", "she", "he", "they", "patient", "the", "a",
            "an", "and", "or", "continue", "continued", "start", "started", "put", "place", "placed", "keep", "stay");
    private static final Set<String> FRAGMENT_START = Set.of("and", "but", "or", "nor", "because", "which");

    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we");
    /** Verbs that take an object: "continue her on", never "continue she on". */
    private static final Pattern TRANSITIVE = Pattern.compile("(?:continu|restart|start|giv|gave|see|saw|seen|put|tell|told"
            + "|send|sent|refer|keep|kept|let|bring|brought|examin|schedul|plac|switch|remind|encourag|instruct|advis"
            + "|educat|counsel|reassur|thank|offer|prescrib|discharg|admit|transfer|inject|evaluat|wean|titrat)"
            + "(?:e|es|ed|s|ing|ted|red|ped|n)?");
    /** Prepositions that need an object ("for her"); not "after", "before", "since", "until", "than", "as", "like". */
    private static final Set<String> PREPOSITIONS = Set.of("for", "with", "to", "from", "about", "at", "on", "of", "by",
            "without", "into", "onto", "toward", "towards", "upon", "between", "behind", "beside", "among");
    private static final Set<String> PASSIVE = Set.of("was", "were", "been", "being", "is", "are", "be", "get", "got");

    private static final Pattern QUOTED = Pattern.compile("[\"“][^\"”]*[\"”]|(?<![\\w'’])['‘][^'‘’\\n]{1,200}?['’](?![\\w'’])");
    /** Case matters for "my", "me" (not "MY", "ME"); a lower-case "i" is speech transcribed as typed. */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?<![\\w'’-])(?:[Ii]|[Ii]['’](?:m|ve|ll|d)|[Mm]y|[Mm]e|[Mm]yself|[Mm]ine)(?![\\w'’-])");
    /** Roman numerals and letters: "type I diabetes", "grade I", "stage I", "Mobitz I". */
    private static final Pattern ROMAN_BEFORE = Pattern.compile("(?i)(?:type|grade|stage|class|phase|level|tier|part|schedule"
            + "|factor|lead|mobitz|tanner|nerve|nerves|section|appendix|cn|zone|degree)\\s*$");

    /** The patient named in the third person: the sentence is the clinician's, whoever "I" is. */
    private static final Pattern THIRD_PERSON_PATIENT = Pattern.compile(
            "(?i)\\b(?:the patient|patient's|patient|he|she|him|her|his|hers|they|them|their|mr|mrs|ms)\\b");
    /** "She reports my knee hurts", "he states that I ...": the patient's words charted as they were said. */
    private static final Pattern REPORTED_FIRST_PERSON = Pattern.compile("(?i)\\b(?:reports?|reported|states?|stated|says?"
            + "|said|notes?|noted|endorses?|mentions?|mentioned|explains?|describes?|complains?)(?:\\s+that)?\\s+"
            + "(?:I|I['’]m|I['’]ve|my|me)\\b");
    /** After "I": what only the clinician does ("I advised", "I have recommended", "I will order", "I'm going to start"). */
    private static final Pattern CLINICIAN_ACT = Pattern.compile("(?i)(?:['’](?:m|ve|ll|d))?\\s+"
            + "(?:(?:also|then|further|strongly|personally|independently|again|already|do|did|have|had|just)\\s+)*"
            + "(?:(?:advis|explain|recommend|plac|discuss|prescrib|reassur|encourag|counsel|review|examin|order|refer|suspect"
            + "|appreciat|palpat|auscultat|instruct|inform|educat|applaud|diagnos|print|provid|spoke|concur|doubt"
            + "|emphasiz|stress|believ|not(?:e|ed)\\b|obtain|perform|inject|answer|agree|think this|feel (?:a|an|the)\\b|hear"
            + "|last saw|saw (?:the|him|her)\\b|(?:don['’]t|do not) (?:believe|think|see|feel|appreciate|hear))"
            + "|(?:(?:will|would like to|want to|am going to|going to|plan to|would)\\s+(?:also\\s+)?"
            + "(?:start|place|send|refill|increase|decrease|continue|stop|discontinue|schedule|check|see|get|have|put|give"
            + "|switch|repeat|try|follow|call|contact|write|order|refer|prescribe|recommend|obtain|like)))");

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'’/.-]*[A-Za-z0-9]|[A-Za-z0-9]");

    private CopiedSpeech() {}

    public static Counts count(String note) {
        List<NoteSentences.Sentence> sentences = NoteSentences.of(note);
        int second = 0;
        int fillers = 0;
        int stutters = 0;
        int cut = 0;
        int object = 0;
        int first = 0;
        for (NoteSentences.Sentence sentence : sentences) {
            String text = sentence.text();
            second += occurrences(SECOND_PERSON, text);
            fillers += occurrences(FILLER, text);
            List<Token> tokens = tokens(text);
            stutters += stutters(tokens);
            cut += isCut(text, tokens) ? 1 : 0;
            object += objectPronounErrors(tokens);
            first += firstPerson(text);
        }
        return new Counts(second, fillers, stutters, cut, duplicated(sentences), object, first);
    }

    private static int occurrences(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A word, lowercased, and whether punctuation other than a comma separates it from the next word. */
    record Token(String word, boolean stopAfter) {
        boolean isWord() {
            return word.chars().anyMatch(Character::isLetter) && word.chars().noneMatch(Character::isDigit);
        }
    }

    static List<Token> tokens(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int end = spans.get(i)[1];
            String gap = i + 1 < spans.size() ? text.substring(end, spans.get(i + 1)[0]) : text.substring(end);
            String word = text.substring(spans.get(i)[0], end).toLowerCase(Locale.ROOT).replace('’', '\'');
            tokens.add(new Token(word, !gap.replaceFirst(",", "").isBlank()));
        }
        return tokens;
    }

    /** "the the", "a lateral a lateral", "on the left side on the left side": each repetition once. Not "had had". */
    static int stutters(List<Token> tokens) {
        int count = 0;
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (int n = 4; n >= 1; n--) {
                if (i + 2 * n <= tokens.size() && repeats(tokens, i, n)) {
                    count++;
                    i += 2 * n;
                    continue outer;
                }
            }
            i++;
        }
        return count;
    }

    private static boolean repeats(List<Token> tokens, int i, int n) {
        for (int k = 0; k < n; k++) {
            Token a = tokens.get(i + k);
            Token b = tokens.get(i + n + k);
            if (!a.isWord() || !a.word().equals(b.word()) || a.stopAfter() || (k < n - 1 && b.stopAfter())) {
                return false;
            }
        }
        return !(n == 1 && tokens.get(i).word().equals("had"));
    }

    /** Ends on a word that needs a continuation, starts mid-clause, or leaves a quote or bracket open. */
    static boolean isCut(String text, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        char firstChar = text.charAt(0);
        boolean becauseOf = tokens.size() > 1 && tokens.get(0).word().equals("because") && tokens.get(1).word().equals("of");
        if (Character.isLowerCase(firstChar) || FRAGMENT_START.contains(tokens.get(0).word()) && !becauseOf) {
            return true;
        }
        if (count(text, '(') != count(text, ')') || count(text, '"') % 2 != 0 || count(text, '“') != count(text, '”')) {
            return true;
        }
        if (!text.matches("(?s).*[A-Za-z][.!]?[\"”)]?$")) {
            return false; // ends on a number, a unit symbol, a question mark: not judged
        }
        String last = tokens.get(tokens.size() - 1).word();
        if (!CUT_END.contains(last)) {
            return false;
        }
        String before = tokens.size() > 1 ? tokens.get(tokens.size() - 2).word() : "";
        List<Token> earlier = tokens.subList(0, tokens.size() - 1);
        if (AUXILIARIES.contains(last) && (AUX_AFTER.contains(before)
                || earlier.stream().anyMatch(t -> RELATIVE.contains(t.word()) || COMPARISON.contains(t.word())))) {
            return false; // "worse than it was.", "where the lesion was.", "as stiff as the patient can."
        }
        if (before.equals("begin") || before.equals("start")) {
            return false; // "to begin with"
        }
        if (last.equals("on") && !ON_AS_OBJECT.contains(before)) {
            return false;
        }
        return !(PREPOSITION_END.contains(last)
                && earlier.stream().anyMatch(t -> RELATIVE.contains(t.word())));
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** "continue she on", "gave he", "for she", "with they": a subject pronoun where an object belongs. */
    static int objectPronounErrors(List<Token> tokens) {
        int n = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token before = tokens.get(i - 1);
            if (!SUBJECT_PRONOUNS.contains(tokens.get(i).word()) || before.stopAfter()) {
                continue;
            }
            String w = before.word();
            boolean passive = i >= 2 && PASSIVE.contains(tokens.get(i - 2).word()); // "she was told he ..."
            if (PREPOSITIONS.contains(w) || TRANSITIVE.matcher(w).matches() && !passive) {
                n++;
            }
        }
        return n;
    }

    /**
     * I, I'm, my, me outside quotation marks, in the patient's voice. Clinicians write in the first person
     * too ("I advised her to ...", "She will follow up with me"; ACI-Bench references do so about three
     * times a note), so a sentence is the clinician's when "I" governs a clinician's act or the sentence
     * names the patient in the third person, unless the patient is reported as saying it ("She states my
     * knee hurts").
     */
    static int firstPerson(String text) {
        String unquoted = QUOTED.matcher(text).replaceAll(" ");
        boolean reported = REPORTED_FIRST_PERSON.matcher(unquoted).find();
        if (!reported && THIRD_PERSON_PATIENT.matcher(unquoted).find()) {
            return 0;
        }
        Matcher m = FIRST_PERSON.matcher(unquoted);
        int n = 0;
        while (m.find()) {
            boolean roman = m.group().equalsIgnoreCase("i") && (ROMAN_BEFORE.matcher(unquoted.substring(0, m.start())).find()
                    || m.end() < unquoted.length() && "-/)".indexOf(unquoted.charAt(m.end())) >= 0); // "type I", "I-XII", "(i)"
            boolean clinician = (m.group().charAt(0) == 'I' || m.group().charAt(0) == 'i')
                    && CLINICIAN_ACT.matcher(unquoted).region(m.end(),
                    unquoted.length()).lookingAt();
            if (!roman && (reported || !clinician)) {
                n++;
            }
        }
        return n;
    }

    /**
     * A sentence said twice: the same words (lowercase, punctuation dropped) twice in one section, or a
     * sentence of at least three words contained in another of the same section ("Order an MRI." after
     * "We will order an MRI of the knee.").
     */
    static int duplicated(List<NoteSentences.Sentence> sentences) {
        int n = 0;
        List<String> seen = new ArrayList<>();
        List<Integer> sections = new ArrayList<>();
        for (NoteSentences.Sentence sentence : sentences) {
            String norm = normalise(sentence.text());
            int words = norm.isEmpty() ? 0 : norm.split(" ").length;
            if (words >= 2) {
                for (int j = 0; j < seen.size(); j++) {
                    if (sections.get(j) != sentence.section()) {
                        continue;
                    }
                    String other = seen.get(j);
                    if (other.equals(norm) || words >= 3 && contains(other, norm)
                            || other.split(" ").length >= 3 && contains(norm, other)) {
                        n++;
                        break;
                    }
                }
            }
            seen.add(norm);
            sections.add(sentence.section());
        }
        return n;
    }

    private static boolean contains(String longer, String shorter) {
        return (" " + longer + " ").contains(" " + shorter + " ");
    }

    static String normalise(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
