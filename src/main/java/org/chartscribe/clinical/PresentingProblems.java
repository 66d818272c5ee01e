package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.Transcript;

/**
 * The presenting problem read from the history part of a visit (before the examination): the
 * symptom the patient affirms most, with its site and side, and what the patient says about it —
 * duration or onset, mechanism, course, severity, what makes it worse or better, what was tried,
 * other symptoms. Only the patient's own sentences (or the patient's answer to the clinician's
 * question about it) count, and only phrasings from small closed lists are charted, so every
 * fact is in the note's words and points at what was said. When nothing fits: empty.
 */
public final class PresentingProblems {

    /** Findings a clinician examines rather than a patient reports. */
    private static final Set<String> EXAM_ONLY = Set.of("tenderness", "limited range of motion", "murmur", "crackles",
            "lymphadenopathy", "erythema", "effusion", "ecchymosis", "lesion", "wound", "discharge", "instability",
            "falls", "suicidal ideation", "depressed mood", "anxiety");
    /** The clinician starting the examination ends the history. */
    private static final Pattern EXAM_START = Pattern.compile("\\b(?:let me (?:take a look|examine|look|listen|check|feel|press)"
            + "|i'm going to (?:examine|take a look|do a (?:quick )?(?:physical )?exam|listen|press|push|feel)|"
            + "(?:on|your) (?:physical )?exam(?:ination)?\\b|physical exam)");
    private static final Pattern AGE = Pattern.compile("\\b(\\d{1,3})[- ]years?[- ]old(?:[- ](male|female|man|woman|gentleman|lady|boy|girl))?\\b");
    private static final Pattern SEVERITY = Pattern.compile("\\b(\\d{1,2})\\s*(?:out of|/|over)\\s*10\\b");
    private static final Pattern BARE_NUMBER = Pattern.compile("^(?:(?:um|uh|oh|i'd say|i would say|probably|maybe|about|"
            + "around|like|it's|it is|i guess|a|an)[ ,]+)*(\\d{1,2})(?:\\s*(?:out of|/)\\s*10)?[.!]?$");
    private static final Pattern SCALE_QUESTION = Pattern.compile("\\b(?:scale|out of 10|rate (?:it|the pain|your pain))\\b");
    private static final Pattern WHEN_QUESTION = Pattern.compile("\\b(?:when did|how long|when was|start(?:ed)?|begin|began|how many (?:days|weeks|months|years)|(?:been )?going on for|been going on)\\b");
    private static final Pattern DAY_ONSET = Pattern.compile("\\b(yesterday|last night|this morning|"
            + "(?:last |on |this past )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)|"
            + "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:night|morning))\\b");
    private static final Pattern NEGATION_BEFORE = Pattern.compile("\\b(?:not|n't|never|no)\\b[^.,;]{0,12}$");
    private static final Map<Pattern, String> MECHANISMS = new LinkedHashMap<>();
    private static final Map<Pattern, String> COURSES = new LinkedHashMap<>();
    /** Activities a symptom may be worse with, as the patient says them, to the note's words. */
    private static final Map<String, String> ACTIVITIES = new HashMap<>();
    /** What may relieve a symptom. */
    /** "didn't help", "does n't really seem to help" (recognisers write "n't" apart). */
    private static final String NO_HELP = "\\b(?:did ?n't|did not|does ?n't|does not|has ?n't|has not|was ?n't|not)\\s+"
            + "(?:really\\s+)?(?:seem(?:s|ed)? to\\s+)?(?:help|work|do anything|touch it)";
    private static final Pattern NO_HELP_SAID = Pattern.compile(NO_HELP);
    private static final Pattern RELIEVER = Pattern.compile("\\b(rest(?:ing)?|ice|heat|ibuprofen|advil|motrin|tylenol|"
            + "acetaminophen|aleve|naproxen|elevation|stretching|a heating pad|lying down|sitting down)\\b");
    private static final Pattern WORSE_CUE = Pattern.compile("\\b(?:worse|hurts?(?: more)?|painful|bothers? (?:me|it))"
            + "\\s+(?:when(?:ever)? i(?:'m)?|if i(?:'m)?|with|while i(?:'m)?|after i)\\s+([a-z]+(?: [a-z]+)?)");
    private static final Pattern BETTER_CUE = Pattern.compile("\\b(?:better|helps?|relie(?:f|ves?))\\b");
    private static final Pattern TRIED = Pattern.compile("\\b(?:tried|took|taking|been taking|used)\\s+(?:some\\s+)?"
            + "([a-z]+)[^.?!]{0,40}" + NO_HELP);
    /** "What have you taken for the pain?" answered with the reliever first: "Tylenol, but it doesn't help." */
    private static final Pattern TAKEN_QUESTION = Pattern.compile("\\b(?:what (?:have|did|do) you (?:take|taken|tried|try|"
            + "use|used)|(?:have|did) you (?:taken|tried|take|try|used|use) anything|tried anything)\\b");
    private static final Pattern TRIED_ANSWER = Pattern.compile("^(?:(?:um|uh|well|just|so|i took|i've taken|i tried|"
            + "i've tried|i've been taking|i take|some)[\\s,]+)*([a-z]+)\\b[^.?!]{0,60}" + NO_HELP);
    private static final Pattern ABOUT_IT = Pattern.compile("^(?:it|it's|it is|the pain)\\b|\\b(?:for it|make it|makes it|"
            + "anything (?:help|make|for)|does it|is it)\\b");
    /** "I never fell", "it hasn't gotten worse": a negation inside the matched words. */
    private static final Pattern NEGATION_IN = Pattern.compile("\\b(?:not|never|no)\\b|n't\\b");
    /** More activities listed after the first ("when I walk and when I go up stairs"). */
    private static final Pattern MORE_ACTIVITIES = Pattern.compile("\\G[^.?!;]{0,12}?\\b(?:and|or)\\s+(?:(?:when(?:ever)?|if|while) i(?:'m)?\\s+|with\\s+)?"
            + "([a-z]+(?: [a-z]+)?)");
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|i've|my|me)\\b");
    private static final int MAX_ASSOCIATED = 4;

    static {
        MECHANISMS.put(Pattern.compile("\\bi (?:\\w+ ){0,2}(?:fell|slipped|tripped)\\b"), "after a fall");
        MECHANISMS.put(Pattern.compile("\\bi (?:\\w+ ){0,2}twisted\\b"), "after a twisting injury");
        MECHANISMS.put(Pattern.compile("\\b(?:car accident|car crash|motor vehicle accident|got rear-ended|was rear-ended)\\b"),
                "after a motor vehicle accident");
        MECHANISMS.put(Pattern.compile("\\b(?:i was|after|when i was|while i was) lifting\\b|\\bi lifted\\b"), "after lifting");
        MECHANISMS.put(Pattern.compile("\\bi (?:helped (?:\\w+ ){1,2}move|was moving|moved|was helping (?:\\w+ ){1,2}move) "
                + "(?:a |the |some |their |his |her )?(couch|sofa|dresser|refrigerator|fridge|mattress|piano|furniture|boxes)\\b"),
                "after moving $1");
        MECHANISMS.put(Pattern.compile("\\b(?:i was|when i was|while i was|after) playing (basketball|soccer|football|tennis|"
                + "volleyball|baseball|softball|golf|hockey|pickleball|rugby|lacrosse)\\b"), "while playing $1");
        COURSES.put(Pattern.compile("\\b(?:getting|gotten|got|been getting) (?:worse|progressively worse)|\\bworse and worse\\b|\\bworsening\\b"),
                "worsening");
        COURSES.put(Pattern.compile("\\b(?:getting|gotten|got) (?:a (?:little|bit) )?better\\b|\\bimproving\\b"), "improving");
        COURSES.put(Pattern.compile("\\b(?:comes and goes|on and off|off and on|comes and go)\\b"), "intermittent");
        COURSES.put(Pattern.compile("\\b(?:constant|all the time|never goes away|doesn't go away)\\b"), "constant");
        for (String[] a : new String[][] {
                {"walk", "walking"}, {"walking", "walking"}, {"stand", "standing"}, {"standing", "standing"},
                {"sit", "sitting"}, {"sitting", "sitting"}, {"bend", "bending"}, {"bending", "bending"},
                {"lift", "lifting"}, {"lifting", "lifting"}, {"run", "running"}, {"running", "running"},
                {"type", "typing"}, {"typing", "typing"}, {"kneel", "kneeling"}, {"squat", "squatting"},
                {"twist", "twisting"}, {"climb stairs", "climbing stairs"}, {"go up", "climbing stairs"},
                {"go upstairs", "climbing stairs"}, {"take stairs", "climbing stairs"}, {"stairs", "stairs"},
                {"eat", "eating"}, {"eating", "eating"}, {"breathe", "deep breathing"}, {"cough", "coughing"},
                {"exercise", "exercise"}, {"exercising", "exercise"}, {"activity", "activity"},
                {"reach", "reaching"}, {"drive", "driving"}, {"driving", "driving"}, {"lie down", "lying down"},
                {"lay down", "lying down"}, {"move", "movement"}, {"moving", "movement"}, {"movement", "movement"},
                {"jump", "jumping"}, {"throw", "throwing"}, {"grip", "gripping"}, {"write", "writing"}}) {
            ACTIVITIES.put(a[0], a[1]);
        }
    }

    private PresentingProblems() {}

    /**
     * The presenting problem of a visit, from its transcript and the facts extracted from it
     * ({@link ClinicalExtractor#extractForNote}), or empty when no symptom is clearly the patient's.
     */
    public static Optional<PresentingProblem> of(Transcript transcript, Extraction extraction) {
        if (transcript.dictation()) {
            return Optional.empty();
        }
        List<Sentence> sentences = transcript.sentences();
        int historyEnd = historyEnd(sentences);
        Finding complaint = complaint(extraction.findings(), extraction.bodySites(), sentences, historyEnd);
        if (complaint == null) {
            return Optional.empty();
        }
        List<HistoryFact> facts = new ArrayList<>();
        Sentence previousClinician = null;
        for (int i = 0; i < sentences.size() && sentences.get(i).start() < historyEnd; i++) {
            Sentence s = sentences.get(i);
            if (s.speaker() != Role.PATIENT) {
                if (s.speaker() == Role.CLINICIAN) {
                    previousClinician = s;
                }
                continue;
            }
            String lower = s.text().toLowerCase(Locale.ROOT);
            String question = previousClinician == null ? "" : previousClinician.text().toLowerCase(Locale.ROOT);
            // the answer to a question about "it" is about the complaint: the history is about one problem
            boolean aboutComplaint = mentions(lower, complaint) || mentions(question, complaint)
                    || ABOUT_IT.matcher(lower).find() || ABOUT_IT.matcher(question).find();
            readSentence(s, lower, question, aboutComplaint, extraction.times(), facts);
        }
        associated(extraction.findings(), complaint, sentences, historyEnd, facts);
        String[] ageSex = ageAndSex(sentences);
        return Optional.of(new PresentingProblem(complaint.name(), complaint.site(), complaint.start(), complaint.end(),
                facts, ageSex[0], ageSex[1]));
    }

    /** Whether the text says a remedy did not help ("but it doesn't really seem to help"). */
    public static boolean saysItDidNotHelp(String text) {
        return NO_HELP_SAID.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** An activity as said after "when I" or "when you" ("climb stairs") in the note's words ("climbing stairs"). */
    public static Optional<String> activity(String said) {
        String lower = said.toLowerCase(Locale.ROOT).trim();
        String found = ACTIVITIES.get(lower);
        return Optional.ofNullable(found != null ? found : ACTIVITIES.get(lower.split(" ")[0]));
    }

    private static void readSentence(Sentence s, String lower, String question, boolean aboutComplaint,
                                     List<TimeExpression> times, List<HistoryFact> facts) {
        String digits = SpokenNumbers.withDigits(lower);
        if (!has(facts, HistoryFact.Kind.SEVERITY)) {
            Matcher m = SEVERITY.matcher(digits);
            Matcher bare = BARE_NUMBER.matcher(digits.trim());
            String value = m.find() && aboutComplaint ? m.group(1)
                    : SCALE_QUESTION.matcher(SpokenNumbers.withDigits(question)).find() && bare.matches() ? bare.group(1) : null;
            if (value != null && Integer.parseInt(value) <= 10) {
                facts.add(fact(HistoryFact.Kind.SEVERITY, value + " out of 10", s));
            }
        }
        boolean whenAsked = WHEN_QUESTION.matcher(question).find();
        if (!has(facts, HistoryFact.Kind.DURATION) && !has(facts, HistoryFact.Kind.ONSET) && (aboutComplaint || whenAsked)) {
            timeOf(s, times).filter(f -> whenAsked || !f.text().contains("year")).ifPresent(facts::add);
            if (!has(facts, HistoryFact.Kind.DURATION) && !has(facts, HistoryFact.Kind.ONSET)) {
                Matcher day = DAY_ONSET.matcher(lower);
                if (day.find() && (whenAsked || lower.matches(".*\\b(?:started|began|happened|since)\\b.*"))) {
                    facts.add(new HistoryFact(HistoryFact.Kind.ONSET, day.group(1).replaceFirst("^on ", ""),
                            s.start() + day.start(), s.start() + day.end()));
                }
            }
        }
        if (!has(facts, HistoryFact.Kind.MECHANISM)) {
            for (Map.Entry<Pattern, String> e : MECHANISMS.entrySet()) {
                Matcher m = e.getKey().matcher(lower);
                if (m.find() && !negatedBefore(lower, m.start()) && !NEGATION_IN.matcher(m.group()).find()) {
                    String text = m.groupCount() > 0 && m.group(1) != null
                            ? e.getValue().replace("$1", withArticle(e.getValue(), m.group(1))) : e.getValue();
                    facts.add(new HistoryFact(HistoryFact.Kind.MECHANISM, text, s.start() + m.start(), s.start() + m.end()));
                    break;
                }
            }
        }
        if (aboutComplaint && !has(facts, HistoryFact.Kind.COURSE)) {
            for (Map.Entry<Pattern, String> e : COURSES.entrySet()) {
                Matcher m = e.getKey().matcher(lower);
                if (m.find() && !negatedBefore(lower, m.start()) && !NEGATION_IN.matcher(m.group()).find()) {
                    facts.add(new HistoryFact(HistoryFact.Kind.COURSE, e.getValue(), s.start() + m.start(), s.start() + m.end()));
                    break;
                }
            }
        }
        if (aboutComplaint) {
            Matcher worse = WORSE_CUE.matcher(lower);
            while (worse.find()) {
                String said = worse.group(1);
                // "walk and ...": the activity is one word unless the two make one ("climb stairs")
                int activityEnd = ACTIVITIES.containsKey(said) ? worse.end(1) : worse.start(1) + said.split(" ")[0].length();
                String activity = ACTIVITIES.getOrDefault(said, ACTIVITIES.get(said.split(" ")[0]));
                if (activity == null || negatedBefore(lower, worse.start())) {
                    continue;
                }
                addWorse(facts, activity, s, worse.start(), activityEnd);
                Matcher more = MORE_ACTIVITIES.matcher(lower);
                more.region(activityEnd, lower.length());
                while (more.find()) {
                    Optional<String> next = activity(more.group(1));
                    if (next.isEmpty()) {
                        break;
                    }
                    addWorse(facts, next.get(), s, more.start(1), more.end(1));
                }
            }
            Matcher tried = TRIED.matcher(lower);
            boolean triedSaid = tried.find();
            if (!triedSaid && TAKEN_QUESTION.matcher(question).find()) {
                tried = TRIED_ANSWER.matcher(lower);
                triedSaid = tried.find();
            }
            if (triedSaid && RELIEVER.matcher(tried.group(1)).matches() && !hasText(facts, tried.group(1))) {
                facts.add(new HistoryFact(HistoryFact.Kind.TRIED_WITHOUT_RELIEF, tried.group(1), s.start() + tried.start(),
                        s.start() + tried.end()));
            } else if (BETTER_CUE.matcher(lower).find() && !lower.matches(".*\\b(?:not|n't|nothing)\\b.*")) {
                Matcher r = RELIEVER.matcher(lower);
                while (r.find()) {
                    String what = r.group(1).equals("resting") ? "rest" : r.group(1);
                    if (!hasText(facts, what)) {
                        facts.add(new HistoryFact(HistoryFact.Kind.BETTER_WITH, what, s.start() + r.start(), s.start() + r.end()));
                    }
                }
            }
        }
    }

    /** "after moving a couch", "after moving boxes", "while playing soccer". */
    private static String withArticle(String template, String object) {
        return template.startsWith("after moving") && !object.equals("boxes") && !object.equals("furniture")
                ? "a " + object : object;
    }

    private static void addWorse(List<HistoryFact> facts, String activity, Sentence s, int start, int end) {
        if (!hasText(facts, activity)) {
            facts.add(new HistoryFact(HistoryFact.Kind.WORSE_WITH, activity, s.start() + start, s.start() + end));
        }
    }

    /** A duration or "... ago" said in the sentence, in the note's words. */
    private static Optional<HistoryFact> timeOf(Sentence s, List<TimeExpression> times) {
        for (TimeExpression t : times) {
            if (t.start() < s.start() || t.end() > s.end() || t.amount() == null || t.kind() == TimeExpression.Kind.SINCE
                    || t.unit().equals("minute") || t.unit().equals("hour")) {
                continue;
            }
            String amount = t.amount().stripTrailingZeros().toPlainString();
            String unit = t.unit() + (t.amount().compareTo(java.math.BigDecimal.ONE) == 0 ? "" : "s");
            return Optional.of(t.kind() == TimeExpression.Kind.DURATION
                    ? new HistoryFact(HistoryFact.Kind.DURATION, "for " + amount + " " + unit, t.start(), t.end())
                    : new HistoryFact(HistoryFact.Kind.ONSET, amount + " " + unit + " ago", t.start(), t.end()));
        }
        return Optional.empty();
    }

    /**
     * The symptom the patient affirms most often before the exam (a tie: the first), preferring a
     * mention that names the body site. Null when the patient affirms none.
     */
    private static Finding complaint(List<Finding> findings, List<BodySite> sites, List<Sentence> sentences,
                                     int historyEnd) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Finding> best = new HashMap<>();
        for (Finding f : findings) {
            if (f.start() >= historyEnd || !f.assertion().affirmed() || EXAM_ONLY.contains(f.name())) {
                continue;
            }
            Sentence s = sentenceAt(sentences, f.start());
            if (s == null || s.speaker() == Role.OTHER || s.speaker() == Role.UNKNOWN) {
                continue;
            }
            if (s.speaker() == Role.PATIENT && !FIRST_PERSON.matcher(s.text().toLowerCase(Locale.ROOT)).find()
                    && !s.text().toLowerCase(Locale.ROOT).matches("^(?:it|it's|the)\\b.*")) {
                continue; // "my wife has had a cough" is about someone else; a bare noun may be, too
            }
            String key = f.name() + "|" + (f.site() == null ? "" : f.site().site());
            // the clinician's own statement of the problem ("here for left arm pain") weighs more than a mention
            counts.merge(key, s.speaker() == Role.CLINICIAN && !f.assertion().asked() ? 2 : 1, Integer::sum);
            Finding known = best.get(key);
            if (known == null || known.site() != null && known.site().laterality() == null && f.site() != null
                    && f.site().laterality() != null) {
                best.put(key, f);
            }
        }
        // "pain" said alone counts for the "pain" with a site, and for a named one ("back pain")
        String top = null;
        int topCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int count = e.getValue() + (e.getKey().contains("pain|") && !e.getKey().equals("pain|")
                    ? counts.getOrDefault("pain|", 0) : 0);
            if (count > topCount) {
                top = e.getKey();
                topCount = count;
            }
        }
        if (top == null || topCount < 2 && best.get(top).site() == null) {
            return null; // one passing mention without a site is not clearly why the patient came
        }
        Finding f = best.get(top);
        if (f.name().equals("pain") && f.site() == null) {
            return null; // "pain" with no site names nothing a history can open with
        }
        return f.site() == null ? f : new Finding(f.name(), f.assertion(), withOneSide(f.site(), sites), f.start(), f.end());
    }

    /**
     * The site with its side only when every mention of the site in the visit says the same side. A
     * "finger" said without its name is the one digit named elsewhere ("my right index finger ... the
     * finger hurts"), when only one was named.
     */
    private static BodySite withOneSide(BodySite site, List<BodySite> sites) {
        BodySite.Laterality side = null;
        String named = null;
        boolean severalNamed = false;
        for (BodySite other : sites) {
            if (!BodySite.within(other.site(), site.site())) {
                continue;
            }
            if (!other.site().equals(site.site())) {
                severalNamed |= named != null && !named.equals(other.site());
                named = other.site();
            }
            if (other.laterality() == null) {
                continue;
            }
            if (side != null && side != other.laterality()) {
                return new BodySite(site.site(), null, site.start(), site.end()); // "left" here, "right" there: no side
            }
            side = other.laterality();
        }
        return new BodySite(named == null || severalNamed ? site.site() : named, side, site.start(), site.end());
    }

    private static void associated(List<Finding> findings, Finding complaint, List<Sentence> sentences, int historyEnd,
                                   List<HistoryFact> facts) {
        int n = 0;
        for (Finding f : findings) {
            if (f.start() >= historyEnd || !f.assertion().affirmed() || f.assertion().asked() || EXAM_ONLY.contains(f.name())
                    || f.name().equals(complaint.name()) || f.name().equals("pain") || hasText(facts, f.name())) {
                continue;
            }
            Sentence s = sentenceAt(sentences, f.start());
            // said with the complaint ("my knee is swollen and stiff"): other symptoms may be other problems
            if (s == null || s.speaker() != Role.PATIENT || !FIRST_PERSON.matcher(s.text().toLowerCase(Locale.ROOT)).find()
                    || !mentions(s.text().toLowerCase(Locale.ROOT), complaint)) {
                continue;
            }
            facts.add(new HistoryFact(HistoryFact.Kind.ASSOCIATED, f.name(), f.start(), f.end()));
            if (++n == MAX_ASSOCIATED) {
                return;
            }
        }
    }

    private static String[] ageAndSex(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            if (s.speaker() == Role.PATIENT || s.speaker() == Role.OTHER) {
                continue; // the clinician introduces the patient; a patient's "my 5-year-old" is someone else
            }
            Matcher m = AGE.matcher(SpokenNumbers.withDigits(s.text().toLowerCase(Locale.ROOT)));
            if (m.find() && Integer.parseInt(m.group(1)) < 120) {
                String sex = m.group(2) == null ? null : switch (m.group(2)) {
                    case "male", "man", "gentleman", "boy" -> "male";
                    default -> "female";
                };
                return new String[] {m.group(1) + "-year-old", sex};
            }
        }
        return new String[] {null, null};
    }

    private static int historyEnd(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            if (s.speaker() == Role.CLINICIAN && EXAM_START.matcher(s.text().toLowerCase(Locale.ROOT)).find()) {
                return s.start();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean mentions(String lower, Finding complaint) {
        return lower.contains(complaint.name()) || complaint.site() != null && lower.contains(complaint.site().site())
                || complaint.name().endsWith("pain") && lower.matches(".*\\b(?:hurts?|hurting|sore|aches?|the pain)\\b.*");
    }

    private static boolean negatedBefore(String lower, int at) {
        return NEGATION_BEFORE.matcher(lower.substring(Math.max(0, at - 16), at)).find();
    }

    private static boolean has(List<HistoryFact> facts, HistoryFact.Kind kind) {
        return facts.stream().anyMatch(f -> f.kind() == kind);
    }

    private static boolean hasText(List<HistoryFact> facts, String text) {
        return facts.stream().anyMatch(f -> f.text().equals(text));
    }

    private static HistoryFact fact(HistoryFact.Kind kind, String text, Sentence s) {
        return new HistoryFact(kind, text, s.start(), s.end());
    }

    private static Sentence sentenceAt(List<Sentence> sentences, int offset) {
        return Sentence.holding(sentences, offset);
    }
}
