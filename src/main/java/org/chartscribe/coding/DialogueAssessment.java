package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.AssessmentStatements.Statement;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.TranscriptParser;

/**
 * The clinician's own assessment in a conversation, as statements a coder can read. A generated note
 * may lose a problem the clinician named, so the coder also reads what the clinician said:
 *
 * <ul>
 *   <li>problems the clinician takes in turn once the assessment starts ("for your first problem, your
 *       type 2 diabetes", "from a depression standpoint", "regarding your knee pain"): the words after
 *       such a cue become a {@link Place#HEADING} statement, in the order said;</li>
 *   <li>other clinician sentences of the assessment and plan, and diagnostic statements anywhere
 *       ("you have ...", "this is ...", "diagnosed with ..."): {@link Place#BODY} statements, from which
 *       the coder takes diagnoses only, never symptoms;</li>
 *   <li>the reason for the visit as the clinician states it early on ("you're here for your annual
 *       exam", "following up on your diabetes"): {@link Place#REASON};</li>
 *   <li>the clinician recapping past history ("you have a history of hypothyroidism"):
 *       {@link Place#HISTORY}, ranked last. Sentences about relatives are skipped.</li>
 * </ul>
 * Statement offsets index the transcript, so codes found in them carry exact evidence spans. Certainty
 * (negation, "possible", "rule out") is judged by the coder inside each statement. Patient turns are
 * never read: a patient's "I have diabetes" is history, not the clinician's assessment.
 */
final class DialogueAssessment {

    /** Where the clinician starts the assessment and plan. */
    private static final Pattern START = Pattern.compile(
            "\\b(?:my assessment|assessment and (?:my )?plan|my impression|impression (?:is|of)|my plan|"
                    + "(?:first|1st) (?:problem|issue|concern)|(?:talk|go over|discuss) (?:a (?:little )?bit )?about (?:my |the |our )?"
                    + "(?:assessment|plan|diagnosis)|so for your|for your first|my diagnosis|(?:the )?diagnosis (?:is|here)|"
                    + "what (?:i think )?is going on is|here's what i(?:'m| am)? think(?:ing)?|what i(?:'m| am) thinking|"
                    + "here's the plan|(?:the|our) plan (?:is|will be)|under (?:the |my )?(?:assessment|plan|impression))\\b",
            Pattern.CASE_INSENSITIVE);

    /** A problem taken in turn: the problem is named right after the cue. */
    private static final Pattern PROBLEM_CUE = Pattern.compile(
            "\\b(?:(?:first|second|third|fourth|fifth|next|last|final|other|another|1st|2nd|3rd|4th) (?:problem|issue|concern|thing)"
                    // a dictated problem list: "number 3, surgical clearance"
                    + "|(?<!a )(?:problem )?number (?:one|two|three|four|five|six|[1-6])\\b[,.:]?"
                    // a dictated plan by problem: "under her migraines, ...", not "under control"
                    + "|\\bunder (?!control\\b|the (?:plan|assessment)\\b)(?:your |his |her |the )?"
                    + "|(?:and |so |now )?for (?:your|his|her|the|this|that)"
                    + "|(?:in |with )?regards? to (?:your|his|her|the|this)?|regarding (?:your|his|her|the|this)?"
                    + "|as (?:far as|for|regards) (?:your|his|her|the)?|in terms of (?:your|his|her|the)?"
                    + "|with respect to (?:your|his|her|the)?|(?:turning|moving|going) (?:on )?to (?:your|his|her|the))",
            Pattern.CASE_INSENSITIVE);

    /** "from a diabetes standpoint": the problem sits between the cue words. */
    private static final Pattern STANDPOINT = Pattern.compile(
            "\\bfrom (?:a|an|the|your|his|her)?\\s*((?:[a-z0-9'-]+[ ,]+){1,5}?)(?:standpoint|perspective|point of view)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A problem joined to a "standpoint" cue: "and your X" up to the next comma or clause. */
    private static final Pattern JOINED = Pattern.compile(
            "\\s*(?:,\\s*)?(?:and|as well as)\\s+((?:your|his|her|the)\\s+[a-z0-9' -]{3,60}?)(?=\\s*[,.;]|\\s+(?:everything|is|are|seems?|looks?)\\b|$)",
            Pattern.CASE_INSENSITIVE);

    /** Diagnostic statements that name the patient's problem, not just describe something. */
    private static final String STRONG_DIAGNOSTIC_REGEX =
            "\\b(?:(?<!do |did |if |when |whether )you (?:do |still |also |really )?have(?! any| you| been| had| to\\b| [a-z]+ed\\b)|you've got|you have got|"
                    + "(?<!does )(?:he|she) (?:does |also |still )?has(?! any)|diagnos(?:ed|is|e)|"
                    + "(?:x-?rays?|mri|ct|cat scan|imaging|ultrasound|scan|biopsy|pathology|results?|labs?|ecg|ekg|echo(?:cardiogram)?)"
                    + " (?:also )?(?:shows?|showed|revealed?|demonstrated?|confirmed?|is positive for|was positive for)"
                    // a condition the clinician treats is one the clinician has found: "antibiotics for that ulcer"
                    + "|(?:antibiotics?|treatment|prescription|medications?|medicines?|cream|ointment|drops) for (?:that|this|your|his|her))\\b";
    /** A clinician stating a diagnosis, wherever in the conversation (strong or loose wording). */
    static final Pattern DIAGNOSTIC = Pattern.compile(
            "\\b(?:this is|it's|it is|that's|consistent with|looks like|sounds like|dealing with|suffering from)\\b|"
                    + STRONG_DIAGNOSTIC_REGEX, Pattern.CASE_INSENSITIVE);
    static final Pattern STRONG_DIAGNOSTIC = Pattern.compile(STRONG_DIAGNOSTIC_REGEX, Pattern.CASE_INSENSITIVE);
    private static final Pattern HISTORY = Pattern.compile(
            "\\b(?:history of|in the past|used to have|years ago|family|mother|father|sister|brother|mom|dad)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST_HISTORY = Pattern.compile(
            "\\b(?:(?:past )?(?:medical |surgical )?history (?:of|significant for|notable for|remarkable for)|significant for|pmh)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVES = Pattern.compile(
            "\\b(?:family|mother|father|sister|brother|mom|dad|son|daughter|wife|husband|grand\\w+|aunt|uncle|cousin)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The clinician saying why the patient came: "you're here for your annual exam", "following up on your diabetes". */
    static final Pattern REASON = Pattern.compile(
            "\\b(?:(?:here|in|come in|came in|coming in|seeing you|see you|visit|back|presents?|presenting) "
                    + "(?:today |again |this morning |this afternoon )?(?:and )?(?:for|because of|regarding)"
                    + "|(?:here|presents?|presenting) (?:today )?with|here to establish care for"
                    + "|follow(?:ing)?[- ]?up (?:on|for|of|with)"
                    // the complaint the clinician was told about before coming in: "i heard you're having a sore throat"
                    + "|(?:i (?:heard|understand|see)(?: here)?|told me) (?:that )?you(?:'re| are|'ve| have)? (?:been )?(?:having|hurt|injured|got)"
                    + "|i see (?:here )?(?:that )?(?:you )?(?:you )?hurt)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The reason for the visit is said at the start of the conversation. */
    static final int REASON_SENTENCES = 15;

    private static final Pattern TAG_QUESTION = Pattern.compile(
            "[,.]\\s*(?:okay|ok|all right|alright|right|yeah|yes|you know|does that sound (?:good|okay|ok)|sound good|"
                    + "how does that sound|is that okay|got it|make sense|does that make sense)\\s*\\?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HISTORY_WINDOW = Pattern.compile(
            "\\W*(?:past |prior )?(?:medical |surgical |family |social )?history\\b", Pattern.CASE_INSENSITIVE);

    /** Words after a cue that may name the problem (to the next cue or the end of the sentence). */
    static final int WINDOW_WORDS = 25;

    private DialogueAssessment() {}

    private static final SynonymTable SYNONYMS = SynonymTable.builtin();

    /** The table knows a condition, status or encounter in the sentence (not only a cue word). */
    private static boolean namesACondition(String sentence) {
        return SYNONYMS.find(ClinicalTokens.of(sentence)).stream().anyMatch(m -> m.entry().kind() != SynonymTable.Kind.CUE);
    }

    /** Whether a sentence is about a relative (family history, a spouse's illness). */
    static boolean aboutRelatives(String sentence) {
        return RELATIVES.matcher(sentence).find();
    }

    /** Statements in transcript order; blocks group the sentences that follow one problem cue. */
    static List<Statement> statements(String transcript) {
        Transcript parsed = TranscriptParser.parse(transcript);
        List<Sentence> clinician = SpokenSentences.clinician(parsed);
        int start = clinician.size();
        for (int i = 0; i < clinician.size(); i++) {
            if (START.matcher(clinician.get(i).text()).find()) {
                start = i;
                break;
            }
        }
        List<Statement> out = new ArrayList<>();
        int block = 1000; // apart from the note's own blocks
        for (int i = 0; i < clinician.size(); i++) {
            Sentence s = clinician.get(i);
            String text = s.text();
            boolean inAssessment = i >= start;
            if (RELATIVES.matcher(text).find() && problemWindows(text).isEmpty()) {
                continue; // family history and other people's conditions
            }
            if (isQuestion(text)) {
                // a question is not an assessment, but "and for your epilepsy, when do you see neurology?"
                // still names a problem the clinician is going through
                if (inAssessment) {
                    for (int[] w : problemWindows(text)) {
                        out.add(new Statement(text.substring(w[0], w[1]), s.start() + w[0], Place.HEADING, ++block));
                    }
                } else if (i < REASON_SENTENCES && REASON.matcher(text).find() && PatientStatements.affirmed(parsed, s)) {
                    // "So you're following up on your blood pressure?" - "Yes.": the reason for the visit, confirmed
                    Matcher reason = REASON.matcher(text);
                    reason.find();
                    int end = text.stripTrailing().length() - 1;
                    if (end > reason.end()) {
                        out.add(new Statement(text.substring(reason.start(), end), s.start() + reason.start(), Place.REASON, ++block));
                    }
                }
                continue;
            }
            if (inAssessment) {
                List<int[]> windows = problemWindows(text);
                Matcher diagnostic = STRONG_DIAGNOSTIC.matcher(text);
                if (windows.isEmpty() && diagnostic.find()) {
                    // "so you do have that left shoulder pain": the problem, said as such in the assessment
                    // the whole clause from the sentence start, so "i don't think you have gout" stays negated
                    windows = List.of(new int[] {0, windowEnd(text, diagnostic.end())});
                } else if (windows.isEmpty() && AssessmentStatements.namesAProblem(text) && namesACondition(text)) {
                    // a dictated problem heading: "elevated liver enzymes."
                    windows = List.of(new int[] {0, text.length()});
                }
                if (!windows.isEmpty()) {
                    block++;
                }
                for (int[] w : windows) {
                    out.add(new Statement(text.substring(w[0], w[1]), s.start() + w[0], Place.HEADING, block));
                }
                out.add(new Statement(text, s.start(), Place.BODY, block));
            } else if (i < REASON_SENTENCES && REASON.matcher(text).find()) {
                // "a 50-year-old with a past medical history significant for X who presents for Y":
                // X is history, Y the reason for the visit
                Matcher reason = REASON.matcher(text);
                reason.find();
                int cut = PAST_HISTORY.matcher(text.substring(0, reason.start())).find() ? reason.start() : 0;
                if (cut > 0) {
                    out.add(new Statement(text.substring(0, cut), s.start(), Place.HISTORY, ++block));
                }
                // "... here for back pain evaluation and also has a past medical history of diabetes": the
                // history after the reason is history too
                Matcher after = PAST_HISTORY.matcher(text);
                int end = after.find(reason.end()) ? after.start() : text.length();
                out.add(new Statement(text.substring(cut, end), s.start() + cut, Place.REASON, ++block));
                if (end < text.length()) {
                    out.add(new Statement(text.substring(end), s.start() + end, Place.HISTORY, ++block));
                }
            } else if (PAST_HISTORY.matcher(text).find()) {
                out.add(new Statement(text, s.start(), Place.HISTORY, ++block));
            } else if (DIAGNOSTIC.matcher(text).find() && !HISTORY.matcher(text).find()) {
                out.add(new Statement(text, s.start(), Place.BODY, ++block));
            }
        }
        return out;
    }

    /** "Any seizures recently?" is a question; "..., your epilepsy is stable, okay?" is a statement with a tag. */
    static boolean isQuestion(String sentence) {
        String s = sentence.strip();
        return s.endsWith("?") && !TAG_QUESTION.matcher(s).find();
    }

    /** [start, end) of the words naming a problem after each cue in the sentence. */
    static List<int[]> problemWindows(String sentence) {
        List<int[]> windows = new ArrayList<>();
        Matcher standpoint = STANDPOINT.matcher(sentence);
        while (standpoint.find()) {
            windows.add(new int[] {standpoint.start(1), standpoint.end(1)});
            // "from a hypertension standpoint and your gout, ...": a second problem joined on
            Matcher joined = JOINED.matcher(sentence).region(standpoint.end(), sentence.length());
            if (joined.lookingAt()) {
                windows.add(new int[] {joined.start(1), joined.end(1)});
            }
        }
        List<int[]> standpoints = List.copyOf(windows);
        Matcher cue = PROBLEM_CUE.matcher(sentence);
        while (cue.find()) {
            int from = cue.end();
            if (standpoints.stream().anyMatch(w -> from >= w[0] && from < w[1])) {
                continue;
            }
            if (HISTORY_WINDOW.matcher(sentence.substring(from)).lookingAt()) {
                continue; // "for your medical history, ...": a recap, not a problem taken in turn
            }
            windows.add(new int[] {from, windowEnd(sentence, from)});
        }
        windows.sort(java.util.Comparator.comparingInt(w -> w[0]));
        for (int k = 0; k + 1 < windows.size(); k++) {
            windows.get(k)[1] = Math.max(windows.get(k)[0], Math.min(windows.get(k)[1], windows.get(k + 1)[0]));
        }
        return windows;
    }

    /** The end of the next {@link #WINDOW_WORDS} words (fillers not counted), or of the sentence. */
    static int windowEnd(String sentence, int from) {
        List<ClinicalTokens.Token> tokens = ClinicalTokens.of(sentence.substring(from));
        if (tokens.isEmpty()) {
            return from;
        }
        int last = Math.min(WINDOW_WORDS, tokens.size()) - 1;
        return from + tokens.get(last).end();
    }
}
