package org.chartscribe.note.embedded;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;

/**
 * The last check before a rewritten spoken sentence reaches the note: it either reads as a sentence a
 * clinician would sign, after small repairs (a repeated word, "continue she on", a leading "and"), or
 * it is left out. A missing detail costs the clinician an edit; a garbled or second-person sentence
 * costs their trust in the whole note. Nothing is added: repairs delete words or swap a pronoun's case.
 */
final class SentenceGate {

    /** Above this many words a spoken sentence is almost always two turns glued together. */
    static final int MAX_WORDS = 40;

    private static final Pattern SECOND_PERSON = Pattern.compile(
            "\\b(?:you|your|yours|yourself|yourselves|you're|you'll|you've|you'd|y'all|ya)\\b");
    private static final Pattern FIRST_PERSON_SINGULAR = Pattern.compile("(?<![Tt]ype |[Gg]rade |[Ss]tage |[Cc]lass )\\b(?:I|I'm|I've|I'll|I'd|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\\b");
    private static final Pattern FILLER = Pattern.compile(
            "\\b(?:okay|ok|yeah|yep|yup|um+|uh+|uh-huh|mm-hmm|mhm|hmm+|gonna|wanna|gotta|kinda|sorta|y'know|"
                    + "you know|i mean|alright|all right|dragon|haha|hahaha|lol|oops|whoops)\\b");
    /** Fillers that can go without changing what the sentence says. */
    private static final Pattern REMOVABLE_FILLER = Pattern.compile(
            "(?i)(?:,\\s*)?\\b(?:um+|uh+|you know|i mean)\\b(?:\\s*,)?(?=\\s|$)");
    /** Two openers back to back, the first abandoned: "there's it's a regular rhythm". */
    private static final Pattern DOUBLE_OPENER = Pattern.compile(
            "(?i)\\b(?:there's|there is|it's|it is)\\s*-?\\s+(?=(?:it's|it is|there's|there is|he's|she's|he is|she is|they're)\\b)");
    /** A word the speaker broke off ("a de-, swelling"): its start goes, the word said instead stays. */
    private static final Pattern BROKEN_WORD = Pattern.compile("(?i)\\b[a-z]{1,4}-,?\\s+(?=[a-z])");
    /**
     * A clause opener said, abandoned after a word and said again: "if maybe if he runs", "here's the here's
     * his x-ray". The second start is the one the speaker finished.
     */
    private static final Pattern RESTART = Pattern.compile(
            "(?i)\\b(if|when|there's|there is|here's|it's|it is)\\s+(?:maybe|the|a|an|like|just|so|also|really|actually|"
                    + "probably|um|uh|kind|sort|some|that|this|his|her|their),?\\s+(?=\\1\\b)");
    /** A pause the transcriber wrote as a comma after a word that cannot end a phrase: "his, blood pressure". */
    private static final Pattern PAUSE_COMMA = Pattern.compile(
            "(?i)\\b(the|a|an|his|her|their|its|of|to|with|for|on|in|at|from|by|has|have|had|is|are|was|were|does|did|some|any),\\s+(?=[a-z0-9])");
    /** A hedge that frames a finding without adding to it: "it looks like his kidney function is good". */
    private static final Pattern HEDGE_FRAME = Pattern.compile(
            "(?i)^(?:so\\s+)?(?:it\\s+)?(?:looks|looked|seems|seemed|sounds|sounded|appears|appeared)\\s+(?:like|that)\\s+(?=(?:his|her|their|the|she|he|they|there)\\b)");
    /** A verb or preposition followed by a subject pronoun: "continue she on", "for he". */
    private static final Pattern OBJECT_CASE = Pattern.compile(
            "\\b(continue|start|started|put|keep|kept|see|give|gave|send|sent|get|got|have|had|tell|told|ask|asked|refer|"
                    + "referred|bring|take|took|let|help|switch|switched|schedule|place|placed|"
                    + "treat|follow|check|examine|call|discharge|admit|counsel|advise|encourage|remind|allow|want|need|"
                    + "for|with|to|from|about|on|at|by|of|without|than|into)\\s+(she|he|they|we)\\b(?!\\s+(?:is|was|are|were|has|"
                    + "had|have|will|would|can|could|should|does|did|do|feels|reports|says|states|denies|notes|takes|"
                    + "gets|goes|went|may|might|must)\\b)");
    private static final java.util.Map<String, String> OBJECT_FORM = java.util.Map.of(
            "she", "her", "he", "him", "they", "them", "we", "us");
    /** A sentence cannot end on these: the speaker was cut off, or two turns were split mid-clause. */
    private static final Set<String> CANNOT_END = Set.of("a", "an", "the", "and", "or", "but", "so", "because", "to", "of",
            "for", "with", "in", "on", "at", "from", "by", "about", "into", "than", "that", "which", "who", "if", "when",
            "whether", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "do",
            "does", "did", "she", "he", "they", "we", "his", "their", "its", "my", "your", "our", "be", "been",
            "being", "as", "like", "also", "just", "very", "really", "some", "any", "this", "these", "those", "not",
            "kind", "sort", "what", "how", "where", "there", "i", "there's", "it's", "that's", "here's", "show", "shows");
    /** Openers that make a fragment of the sentence: it only explains or qualifies something said before it. */
    private static final Pattern FRAGMENT_OPENING = Pattern.compile(
            "(?i)^(?:because|'cause|cause|which|whereas|although|though|unless|whether|as well|or|nor|like|"
                    + "such as|including|especially|except|than|and then|plus|either|neither|where|when it|"
                    + "so that|in case|even though|even if)\\b");
    /** Joining words a speaker starts with that a written sentence does not need. */
    private static final Pattern LEADING_JOINER = Pattern.compile("(?i)^(?:(?:and|but|so|also|then|now|well|plus|anyway),?\\s+)+");
    /** Talk about the visit itself, not the patient: "let me take a look", "thank you", "any questions". */
    private static final Pattern CONVERSATION = Pattern.compile(
            "\\b(?:let me|let's see|let us see|thank|thanks|sorry|excuse me|any questions|bear with|go ahead|"
                    + "come on in|have a seat|nice to (?:meet|see)|good to see|how are|hey|hi|hello|bye|goodbye|wow|"
                    + "oh|ah|gosh|geez|awesome|cool|fair enough|no problem|sounds good|makes sense|right\\?)\\b");
    /** A pronoun with nothing before it to refer to: the note cannot say what "it" was. */
    private static final Pattern ORPHAN_SUBJECT = Pattern.compile(
            "(?i)^(?:that|that's|this|they|they're|those|these)\\b(?!\\s+(?:is|was|has been) (?:no|not)\\b)");
    private static final Pattern VISIT_NARRATION = Pattern.compile(
            "(?i)\\b(?:let's|let us|we'll|we will|we're going to|we are going to|going to (?:take|do|have|check|go|look))\\b");
    /** Agreement a note never has: "are he", "do she", "it's is" (a restart the rewrite could not mend). */
    private static final Pattern UNGRAMMATICAL = Pattern.compile(
            "\\b(?:(?:are|were|do|have|don't|haven't|aren't) (?:he|she|it)|(?:is|was|does|has|doesn't|hasn't|isn't) (?:they|we)|"
                    + "'s (?:is|are|was|were|has|have)|(?:is|are|was|were) (?:is|are|was|were)|(?:reports|states|says) (?:been|being)|(?:is|are|was|were) been|denies (?:any )?no|(?:the|a|an|his|her|their) (?:and|or|but))\\b|, (?:are|is|do|does|did|has|have|"
                    + "can|could|would) (?:he|she|they|it) [a-z]+.*\\bor (?:anything|something|not)\\b");
    /** Content that is not clinical history or findings: identity checks, dictated list labels. */
    private static final Pattern NOT_CLINICAL = Pattern.compile(
            "(?i)\\b(?:date of birth|d\\.?o\\.?b\\.?|social security|medical record number|mrn)\\b|^(?:number|problem|item) "
                    + "(?:one|two|three|four|five|six|\\d+)\\b");
    private static final Pattern CONDITION_ONLY = Pattern.compile("(?i)^(?:if|when|unless|while|until|once|whenever)\\b");
    /**
     * The clinic's intentions and habits ("we can send her", "we often like to", "our bike"); what was done
     * in the visit ("we did manual therapy", "we established IV access") is charted.
     */
    private static final Pattern CLINIC_VOICE = Pattern.compile(
            "(?i)\\b(?:we(?:'d|'ll|'re going| are going| can| could| might| may| will| would| should| want| need| have to|"
                    + " don't| do not| often| usually| like| try| just)|us|our|ours)\\b");
    private static final Pattern BARE_EXAM_LABEL = Pattern.compile(
            "(?i)(?:on|upon|for)?\\s*(?:(?:his|her|their|the|physical)\\s+)?(?:[a-z]+\\s+)?exam(?:ination)?");
    /** What the clinician asks the patient to do during the exam: "open your mouth", "take a deep breath". */
    private static final Pattern INSTRUCTION = Pattern.compile(
            "(?i)^(?:open (?:up )?(?:their|his|her|the)|take a deep breath|breathe (?:in|out)|say ah|look (?:up|down|left|right|"
                    + "at me|straight)|follow my|squeeze my|push against|relax|lie (?:back|down)|sit (?:up|back)|"
                    + "stand up|turn (?:your|their|his|her) head|stick out)\\b");
    /** The history's reporting frame ("The patient reports that ..."), whose remainder must still be a statement. */
    private static final Pattern REPORTED = Pattern.compile(
            "(?i)^(?:the patient|she|he|they)\\s+(?:reports|states|says|notes|thinks|feels|believes)\\s+that\\s+");
    /** A reported statement that starts with its verb: its subject was lost ("reports that might help"). */
    private static final Pattern EXAM_ORPHAN_IT = Pattern.compile("(?i)^(?:it|it's|its)\\b");
    private static final Pattern NO_SUBJECT = Pattern.compile(
            "(?i)^(?:might|may|would|could|should|will|can|is|was|has|have|had|helps|helped|makes|made|does|did)\\b");
    /** A trailing comment on what was just said: ", which is good", "and that's always a good thing". */
    private static final Pattern TRAILING_COMMENT = Pattern.compile(
            "(?i)(?:,\\s*(?:so\\s+)?|\\s+and\\s+|\\s+so\\s+)(?:which|that)(?:'s| is| was)\\s+(?:always\\s+|really\\s+|very\\s+)?"
                    + "(?:a\\s+)?(?:not\\s+)?(?:good|great|nice|fine|reassuring|encouraging|wonderful|excellent|annoying|terrible|"
                    + "bad|okay|positive|frustrating|unfortunate)(?:\\s+thing|\\s+news|\\s+sign)?\\s*$");
    private static final Pattern TOPIC_ONLY = Pattern.compile(
            "(?i)^(?:in terms of|as far as|regarding|with regards? to|as for|in regards? to|speaking of|about|in reviewing|"
                    + "reviewing|review of|looking at|listening to)\\b");
    /** "The patient reports mainly near the end of the day": what was reported went missing. */
    private static final Pattern REPORTED_NOTHING = Pattern.compile(
            "(?i)^(?:the patient|she|he|they)\\s+(?:reports|states|says)\\s+(?:that\\s+)?(?:mainly|only|just|mostly|usually|"
                    + "sometimes|equally|when|if|every|maybe|probably|like|about|near|on|as|didn't|doesn't|did|does|was|were|"
                    + "is|seemed|seems|had|has|in|with|at|over|after|before|besides|more|once|very|nice|pretty|injured|"
                    + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|yesterday|\\d+)\\b"
                    // the pain's answer glued to a frame it does not fit: "the pain is feels like", "the pain hurts"
                    + "|^(?:the patient|she|he|they)\\s+(?:reports|states|says)\\s+that\\s+the\\s+pain\\s+(?:(?:is|was)\\s+"
                    + "(?:feels|is|was|has|hurts|her|his|their|both|pretty|just|in|on|at)\\b|hurts?\\b|does help\\b)");
    /** What the patient was told to do, or what the clinician tells the recorder: an instruction, not history. */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "(?i)^(?:keep|tilt|put|take|do|continue|start|try|make|use|avoid|stop|call|come|go|give|bring|hold|move|bend|lift|"
                    + "push|pull|squeeze|walk|stand|sit|lie|look|tell|show|next patient)\\b");
    /** The clinician guessing aloud in the history ("maybe that has to do with the salt"): not the patient's account. */
    private static final Pattern SPECULATION = Pattern.compile("(?i)^(?:maybe|probably|perhaps|possibly)\\b");
    private static final Pattern TOPIC_LABEL = Pattern.compile("(?i)(?:for|regarding|about|as for|in terms of)\\b");
    /** A guess at how it happened, with no condition named: "Probably that happened when ...". */
    private static final Pattern SPECULATION_ABOUT_CAUSE = Pattern.compile(
            "(?i)(?:maybe|probably|perhaps|possibly)\\s+(?:that|this|it)\\b");
    /** What will be done, said during the exam ("she will do 2 puffs twice a day"): plan, not a finding. */
    private static final Pattern FUTURE = Pattern.compile("(?i)\\b(?:will|won't|going to|gonna)\\b");
    /**
     * Where a sentence's opening clause can go and leave a statement that stands alone ("we were doing yard
     * work and he felt chest pain"); never after a condition or reason, which the rest depends on.
     */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)(?:,\\s*(?:and\\s+|but\\s+|so\\s+)?|\\s+(?:and|but|so)\\s+)(?=(?:he|she|they|it|there|the patient|his|her|"
                    + "he's|she's|it's|there's)\\b)");
    private static final Pattern SUBORDINATE_OPENING = Pattern.compile(
            "(?i)^(?:if|when|whenever|unless|because|'cause|although|though|while|after|before|until|since|once|as long as|"
                    + "not|no|never|without|only)\\b");
    private static final Pattern QUESTION_OPENING = Pattern.compile(
            "(?i)^(?:(?:what|why|how|where|who|which|do|does|did|is|are|can|could|would|should|have|has)\\s+(?:you|she|he|they|"
                    + "it|we|there|the patient)|how about|what about|(?:what|why|how|where|who|which|when) (?:is|are|was|were|has|"
                    + "have|had|do|does|did|can|could|would|will|should)|(?:do|does|did|is|are|can|could) (?:anything|"
                    + "anyone|that|this|their|his|her)|any other|have a (?:good|great|nice|wonderful))\\b");
    /** What makes a verbless exam or result line a finding: "Lungs clear.", "No edema.", "BP 150/90." */
    private static final Pattern FINDING = Pattern.compile(
            "(?i)\\d|\\b(?:no|not|without|normal|abnormal|clear|tender|tenderness|intact|regular|irregular|murmur|rub|gallop|"
                    + "swelling|swollen|edema|effusion|erythema|rash|pain|positive|negative|decreased|increased|diminished|limited|"
                    + "full|equal|reactive|soft|supple|benign|unremarkable|elevated|low|high|stable|fracture|mass|lesion|"
                    + "wheez\\w*|crackles|rales|bruising|ecchymosis|laceration|deformity|warm|dry|moist|symmetric|alert|oriented|"
                    + "weak\\w*|numb\\w*|spasm|crepitus|instability|laxity|atrophy|nodules?|enlarged|enlargement|distended|"
                    + "distension|guarding|bilateral\\w*|present|absent|good|fine|well|poor)\\b");
    /** A spoken summary of what the patient just said ("he was endorsing the back pain"): charted already. */
    private static final Pattern SUMMARY_OF_SPEECH = Pattern.compile("(?i)\\bendors(?:ing|es|ed)\\b.*\\b(?:this|that|these|those)\\b|\\bwas endorsing\\b|\\bsounds like\\b");
    /** The patient's "we" in the history: who "we" were is not charted ("we were helping his daughter"). */
    private static final Pattern PLURAL_FIRST_PERSON = Pattern.compile("\\b(?:[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'd|[Ww]e'll|us|[Oo]ur)\\b");
    /**
     * A history sentence that opens on a modifier or an auxiliary without its subject ("Haven't felt
     * anything since.", "Otherwise any movement causes pain."): speech, unless a clause with its own
     * subject follows a comma ("Not great, her back has been hurting."). A preposed time or circumstance
     * needs a subject and verb after it ("For their foot pain since that happened." does not read).
     */
    private static final Pattern FRONTED_OPENING = Pattern.compile(
            "(?i)^(?:going|not|otherwise|anytime|frustrating|"
                    + "haven't|hasn't|hadn't|didn't|don't|doesn't|can't|couldn't|won't|wasn't|isn't|aren't|weren't)\\b");
    /** A time or circumstance said first ("For 3 weeks she has had ..."): fine when a subject and verb follow. */
    private static final Pattern PREPOSED_OPENING = Pattern.compile(
            "(?i)^(?:for|since|during|with|before|after|until|while|whenever)\\b");
    private static final String SUBJECT_AND_VERB = "(?:the patient|she|he|they|it|there|"
            + "(?:her|his|their|my|the)(?: [a-z]+){1,3})\\s+(?:[a-z]+ly\\s+)?(?:is|was|are|were|has|had|have|does|did|doesn't|"
            + "didn't|hasn't|hadn't|wasn't|isn't|can|could|can't|will|would|[a-z]+ed|[a-z]+s)\\b";
    private static final Pattern SUBJECT_AFTER_COMMA = Pattern.compile(
            "(?i),\\s*(?:(?:but|and|so|though|then),?\\s+)?" + SUBJECT_AND_VERB);
    private static final Pattern SUBJECT_LATER = Pattern.compile("(?i)\\s" + SUBJECT_AND_VERB);
    /** A question the rewrite left inside a reported sentence: "The patient mentioned is there anything that helps". */
    private static final Pattern EMBEDDED_QUESTION = Pattern.compile(
            "(?i)\\b(?:mentioned|said|says|reports|states|asked)\\s+(?:is there|are there|is it|was it|do|does|did|have|has|"
                    + "can|could|would|what|how|why|where|which|who)\\b");
    /** Two subjects in a row, the first from the rewrite: "The patient she is worried" (mended), "The patient it does". */
    private static final Pattern DOUBLE_SUBJECT = Pattern.compile("(?i)^the patient\\s+(she|he|they)\\s+");
    private static final Pattern SUBJECT_THEN_OTHER_SUBJECT = Pattern.compile(
            "(?i)^(?:the patient|she|he|they)\\s+(?:it|i|you|we|there)\\b");
    /** A patient's "no" glued to what followed it: "No well first thing in the morning", "No not yet ...". */
    private static final Pattern ANSWER_GLUED = Pattern.compile(
            "(?i)^(?:no|yes|yeah|nope)\\s+(?:well|not|yet|but|and|so|i|it|that|the patient|she|he|they|there)\\b");
    /** A possessive followed by a subject: the rewrite mended one word of a restart and not the next ("their they"). */
    private static final Pattern POSSESSIVE_THEN_SUBJECT = Pattern.compile("(?i)\\b(?:their (?:they|he|she|it)|his (?:he|she|they))\\b");
    private static final Pattern FINAL_STOPS = Pattern.compile("[.!]+$");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern SPACE_BEFORE_COMMA = Pattern.compile("\\s+,");
    private static final Pattern DOUBLE_COMMA = Pattern.compile(",\\s*,");
    private static final Pattern LOOSE_ENDS = Pattern.compile("^[,;:\\s-]+|[,;:\\s-]+$");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'/%.-]*");

    private SentenceGate() {}

    /**
     * The sentence as it may be charted, or empty when it should be left out.
     *
     * @param text    a note-style sentence (from {@link NoteStyle#rewrite}), capitalised and ending in a stop
     * @param part    the division it would go to
     * @param speaker who said it
     */
    /** A reporting frame whose report went missing or does not fit it ("The patient reports in the back of her head."). */
    static boolean reportsNothing(String text) {
        return REPORTED_NOTHING.matcher(text.strip()).find();
    }

    static Optional<String> admit(String text, SoapPart part, Role speaker) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String end = s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s.substring(s.length() - 1) : "";
        if (end.equals("?")) {
            return Optional.empty();
        }
        String whole = repair(end.isEmpty() ? s : s.substring(0, s.length() - 1).strip());
        String body = readablePrefix(whole, part);
        boolean oneTurn = words(whole).length <= MAX_WORDS;
        for (String rest = whole; body.isEmpty() && oneTurn && !SUBORDINATE_OPENING.matcher(rest).find(); ) {
            rest = withoutFirstClause(rest);
            if (rest.isEmpty()) {
                break;
            }
            body = readablePrefix(rest, part);
        }
        return body.isEmpty() ? Optional.empty()
                : Optional.of(Character.toUpperCase(body.charAt(0)) + body.substring(1) + ".");
    }

    /** The sentence, or as much of its beginning as reads, cut at commas; empty when nothing does. */
    private static String readablePrefix(String sentence, SoapPart part) {
        String body = sentence;
        while (!body.isEmpty() && !reads(body, part)) {
            body = withoutLastClause(body);
        }
        return body;
    }

    /** What follows the opening clause when the rest starts a clause of its own; empty when nothing does. */
    private static String withoutFirstClause(String body) {
        Matcher m = CLAUSE_BREAK.matcher(body);
        // a clause has a few words; "Okay so" before a sentence is speech, and marks the rest as speech too
        return m.find() && words(body.substring(0, m.start())).length >= 3 ? body.substring(m.end()).strip() : "";
    }

    /**
     * "There is a grade 3/6 systolic murmur, which I've heard in the past": the aside after the last
     * comma goes when the sentence does not read with it; empty when no comma is left to cut at.
     */
    private static String withoutLastClause(String body) {
        int comma = body.lastIndexOf(',');
        return comma <= 0 ? "" : body.substring(0, comma).strip();
    }

    /** Repairs that only delete words or change a pronoun's case. */
    static String repair(String body) {
        String s = body;
        // each pattern below runs only where its cheap necessary condition (GateShortcuts) holds
        s = (GateShortcuts.mayHaveRemovableFiller(s) ? REMOVABLE_FILLER.matcher(s).replaceAll("") : s).strip();
        // the stutter patterns backtrack over every word; most sentences repeat no word, so they are skipped
        if (Stutters.mayHaveOne(s)) {
            for (int i = 0; i < 3; i++) {
                String collapsed = Stutters.collapse(s);
                if (collapsed.equals(s)) {
                    break;
                }
                s = collapsed;
            }
            for (int i = 0; i < 2; i++) {
                s = RESTART.matcher(s).replaceAll("");
            }
        }
        Matcher twoSubjects = DOUBLE_SUBJECT.matcher(s);
        if (twoSubjects.lookingAt()) {
            s = Character.toUpperCase(twoSubjects.group(1).charAt(0)) + twoSubjects.group(1).substring(1) + " "
                    + s.substring(twoSubjects.end());
        }
        if (GateShortcuts.mayHaveDoubleOpener(s)) {
            s = DOUBLE_OPENER.matcher(s).replaceAll("");
        }
        if (s.indexOf('-') >= 0) {
            s = BROKEN_WORD.matcher(s).replaceAll("");
        }
        if (GateShortcuts.mayHavePauseComma(s)) {
            s = PAUSE_COMMA.matcher(s).replaceAll("$1 ");
        }
        s = HEDGE_FRAME.matcher(s).replaceAll("");
        if (GateShortcuts.mayHaveSubjectAsObject(s)) {
            s = OBJECT_CASE.matcher(s).replaceAll(r -> r.group(1) + " " + OBJECT_FORM.get(r.group(2)));
        }
        s = LEADING_JOINER.matcher(s).replaceAll("");
        s = FINAL_STOPS.matcher(s).replaceAll("");
        if (GateShortcuts.mayHaveTrailingComment(s)) {
            s = TRAILING_COMMENT.matcher(s).replaceAll("");
        }
        s = SPACES.matcher(s).replaceAll(" ");
        s = SPACE_BEFORE_COMMA.matcher(s).replaceAll(",");
        s = DOUBLE_COMMA.matcher(s).replaceAll(",");
        s = LOOSE_ENDS.matcher(s).replaceAll("").strip();
        return s;
    }

    private static boolean reads(String body, SoapPart part) {
        String[] words = words(body);
        if (words.length < 2 || words.length > MAX_WORDS) {
            return false; // cheapest first: most rejected run-ons are rejected here
        }
        // these lists are written in lower case and matched on the lowered sentence (cheaper than (?i))
        String lower = body.toLowerCase(Locale.ROOT);
        // each pattern runs only where its cheap necessary condition (GateShortcuts) holds: most sentences pass
        if (GateShortcuts.maySoundSpoken(lower) && (SECOND_PERSON.matcher(lower).find() || FILLER.matcher(lower).find()
                || CONVERSATION.matcher(lower).find())) {
            return false;
        }
        if (GateShortcuts.mayBeFirstPerson(body) && FIRST_PERSON_SINGULAR.matcher(body).find()) {
            return false; // the patient's or clinician's own voice left after the rewrite
        }
        if (FRAGMENT_OPENING.matcher(body).find() || QUESTION_OPENING.matcher(body).find()) {
            return false;
        }
        if (part != SoapPart.ASSESSMENT && ORPHAN_SUBJECT.matcher(body).find()) {
            return false;
        }
        if (GateShortcuts.mayBeUngrammatical(lower) && UNGRAMMATICAL.matcher(lower).find()
                || GateShortcuts.mayBeNotClinical(body) && NOT_CLINICAL.matcher(body).find()) {
            return false;
        }
        if (CONDITION_ONLY.matcher(body).find() && body.indexOf(',') < 0) {
            return false; // "If it's a nice.": a condition without what follows from it
        }
        if (part == SoapPart.PLAN && words.length <= 3 && TOPIC_LABEL.matcher(body).lookingAt()) {
            return false; // "For medications.": a topic announced, the item itself not said here
        }
        if (part == SoapPart.ASSESSMENT && SPECULATION_ABOUT_CAUSE.matcher(body).lookingAt()) {
            return false; // "Probably that happened when she was moving boxes.": a guess, not a problem
        }
        if (part == SoapPart.SUBJECTIVE && (GateShortcuts.maySayWe(body) && PLURAL_FIRST_PERSON.matcher(body).find()
                || GateShortcuts.maySummariseSpeech(body) && SUMMARY_OF_SPEECH.matcher(body).find()
                || REPORTED_NOTHING.matcher(body).find() || SPECULATION.matcher(body).find())) {
            return false;
        }
        if (part == SoapPart.SUBJECTIVE && (EMBEDDED_QUESTION.matcher(body).find()
                || ANSWER_GLUED.matcher(body).lookingAt() || POSSESSIVE_THEN_SUBJECT.matcher(body).find()
                || SUBJECT_THEN_OTHER_SUBJECT.matcher(body).lookingAt()
                || FRONTED_OPENING.matcher(body).lookingAt() && !SUBJECT_AFTER_COMMA.matcher(body).find()
                || PREPOSED_OPENING.matcher(body).lookingAt() && !SUBJECT_LATER.matcher(body).find())) {
            return false;
        }
        if ((part == SoapPart.SUBJECTIVE || part == SoapPart.OBJECTIVE) && IMPERATIVE.matcher(body).find()) {
            return false;
        }
        if (part == SoapPart.OBJECTIVE && FUTURE.matcher(body).find()) {
            return false;
        }
        if (part == SoapPart.OBJECTIVE && EXAM_ORPHAN_IT.matcher(body).find()) {
            return false; // "It's low at 8.2.": each finding stands alone, so "it" names nothing
        }
        if ((part == SoapPart.SUBJECTIVE || part == SoapPart.OBJECTIVE) && GateShortcuts.mayBeTheClinicSpeaking(body)
                && CLINIC_VOICE.matcher(body).find()) {
            return false; // "we can send her to ...", "our bike": the clinic speaking, not the patient's history
        }
        if ((lower.endsWith("exam") || lower.endsWith("examination")) && BARE_EXAM_LABEL.matcher(body).matches()) {
            return false; // "On her lung exam.": the finding that followed went elsewhere
        }
        if ((part == SoapPart.SUBJECTIVE || part == SoapPart.OBJECTIVE)
                && (GateShortcuts.mayNarrateTheVisit(body) && VISIT_NARRATION.matcher(body).find()
                        || INSTRUCTION.matcher(body).find())) {
            return false; // "we'll do a quick exam": what the clinician is about to do, not what was found
        }
        Matcher framed = REPORTED.matcher(body);
        if (framed.find() && (!hasVerb(words(body.substring(framed.end())))
                || NO_SUBJECT.matcher(body.substring(framed.end())).find())) {
            return false; // "The patient reports that 300's.": the frame kept, the statement lost
        }
        if (part == SoapPart.SUBJECTIVE && !hasVerb(words)) {
            return false; // "Her blood pressure medications.": in the history a phrase is a lost statement
        }
        if (part == SoapPart.OBJECTIVE && !hasVerb(words) && !FINDING.matcher(body).find()) {
            return false; // "His heart and his lungs.": the systems were named, their findings went elsewhere
        }
        if (TOPIC_ONLY.matcher(body).find() && (body.indexOf(',') < 0 || !hasVerb(words))) {
            return false; // "In terms of her depression.": the topic was kept, what was said about it was not
        }
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (CANNOT_END.contains(last)) {
            return false;
        }
        return balanced(body);
    }

    /**
     * A finite verb or an auxiliary, a past form, or a charting verb ("denies", "reports"); imperatives
     * of the plan ("Continue lisinopril.") count through {@link Person#isKnownVerb}.
     */
    static boolean hasVerb(String[] words) {
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (VERB_WORDS.contains(w) || Person.isKnownVerb(w) || w.endsWith("n't")
                    || w.length() > 4 && w.endsWith("ed") && !NOT_PAST.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> VERB_WORDS = Set.of("is", "are", "was", "were", "be", "been", "has", "have", "had",
            "will", "would", "can", "could", "should", "may", "might", "must", "does", "do", "did", "it's", "she's",
            "he's", "there's", "that's", "they're", "we'll", "we're", "denies", "reports", "endorses", "notes", "states",
            "presents", "complains", "order", "obtain", "refer", "schedule", "recommend", "recommended", "increase",
            "decrease", "discontinue", "begin", "return", "follow", "repeat", "prescribe", "prescribed", "given", "taken",
            "shown", "seen", "known", "went", "came", "began", "felt", "got", "took", "told", "saw", "fell", "hurt", "left",
            "made", "found", "kept", "lost", "ran", "sat", "slept", "ate", "drank", "wore", "quit", "stopped", "shows",
            "reveals", "demonstrates", "appears", "remains", "goes", "gets", "says", "said", "thinks", "thought", "wants",
            "needs", "uses", "lives", "works", "lifts", "plays", "drinks", "smokes", "eats");
    /** Words ending in "ed" that are not verbs. */
    private static final Set<String> NOT_PAST = Set.of("bleed", "need", "speed", "breed", "feed", "seed", "indeed",
            "hundred", "sacred", "kindred");

    private static boolean balanced(String body) {
        int open = 0;
        int quotes = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                open++;
            } else if (c == ')') {
                open--;
            } else if (c == '"') {
                quotes++;
            }
            if (open < 0) {
                return false;
            }
        }
        return open == 0 && quotes % 2 == 0;
    }

    private static String[] words(String body) {
        Matcher m = WORD.matcher(body);
        java.util.List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            String word = m.group();
            int end = word.length();
            while (end > 0 && word.charAt(end - 1) == '.') {
                end--;
            }
            out.add(word.substring(0, end));
        }
        return out.toArray(String[]::new);
    }
}
