package org.chartscribe.note.embedded;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.SoapPart;

/**
 * Turns what a clinician says to the patient into what a clinician writes: intentions become
 * "We will ...", instructions become imperatives ("I want you to continue X" -> "Continue X"),
 * "I appreciate a murmur" becomes "there is a murmur", hedges such as "go ahead and" disappear, and
 * announcements of what is about to happen ("let me take a look") are recognised so they can be
 * dropped. Words are only removed or reordered, never added beyond these fixed phrasings.
 */
final class ClinicianVoice {

    private static final Pattern NO_ANY = Pattern.compile("(?i)\\bno any\\b");
    private static final Pattern WE_WILL_WE = Pattern.compile("(?i)\\bWe will we\\b");

    /** Hedges and verbal padding that carry nothing in a note (any speaker). */
    private static final List<Rewrite> PADDING = List.of(
            rw("(?i)\\b(?:go ahead and|going ahead and)\\s+", "", "ahead"),
            rw("(?i)\\b(?:kinda|sorta)\\s+", "", "kinda", "sorta"),
            rw("(?i)(?=[ks])(?<!what |any |that |this |some )\\b(?:kind|sort) of\\s+(?!a\\b|an\\b|like\\b)", "", "kind of",
                    "sort of"),
            rw("(?i)\\b(?:just|actually|basically|certainly|literally|obviously|honestly|pretty much)\\s+", "", "just",
                    "actually", "basically", "certainly", "literally", "obviously", "honestly", "pretty much"),
            rw("(?i)\\bpretty\\s+(?=good|well|bad|much|severe|often|sure|quick)", "", "pretty"),
            rw("(?i),?\\s*\\b(?:you know|i mean|i guess|for a second|for a minute|as well|here in the office)\\b,?", "",
                    "you know", "i mean", "i guess", "for a ", "as well", "here in the office"),
            rw("(?i)\\blike,\\s*", "", "like,"),
            // degree hedges of speech: a note states the finding ("some swelling", not "a little bit of swelling")
            rw("(?i)\\b(?:a little bit|a tiny bit|a little|a bit)(?: of)?\\s+(?=\\w)", "", "a little", "a tiny", "a bit"),
            rw("(?i)\\b(?:really|super|totally|definitely|probably just|maybe just)\\s+(?=\\w)", "", "really", "super",
                    "totally", "definitely", "just"),
            rw("(?i)^like,?\\s+", "", "like"),
            // "like" as a spoken filler, not "feels like", "would like", "something like that"
            rw("(?i)(?:^|(?=\\slike)(?<!\\b(?:feel|feels|felt|look|looks|looked|sound|sounds|seem|seems|something|anything|nothing|"
                    + "more|would|i'd|you'd|we'd|they'd|he'd|she'd|just|not|things|stuff|people|is|was|it's|that's|what|nothing))\\s)"
                    + "like,?\\s+"
                    + "(?=(?:any|this|these|those|every|all|no|really|very|constant|severe|sharp|bad|other|a|an|the|some|"
                    + "my|your|his|her|their|maybe|about|around|just)\\b)", " ",
                    "like"),
            rw("(?i)\\bthat ,", "that", "that ,"),
            // "some swelling": the vague quantifier of speech; a note names the finding
            rw("(?i)\\bsome\\s+(?!of\\b|time|point|days?\\b|weeks?\\b|months?\\b|years?\\b|other\\b|more\\b|sort\\b|kind\\b)"
                    + "(?=[a-z])", "", "some "),
            // "the pain right here", "I have here": pointing in the room means nothing on paper
            rw("(?i)(?=\\s+(?:right |over |in |down |up )?here\\b)(?<!\\b(?:come|came|back|get|got|be|been|is|are|was|were|from|you're|we're|it's|she's|he's))"
                    + "\\s+(?:right |over |in |down |up )?here\\b(?=[\\s,.;:!?]|$)"
                    + "(?!\\s+(?:for|to|today|with|because|about|from|after)\\b)", "", "here"),
            // "it's going to help": a note says "will"
            rw("(?i)(?:\\s+(?:is|are|am)|'s|'re|'m) going to\\b(?! be (?:a|an|the)\\b)", " will", "going to"));

    private static final String MODALS = "(?:i|we)(?: also| still| then| probably| definitely| really| do| now)*"
            + "\\s?(?:want to|wan na|would like to|'d like to|will|'ll|am going to|'m going to|are going to|'re going to|"
            + "'m gon na|'re gon na|need to|plan to|should|can|would|are gonna|'m gonna|'re gonna)";

    private static final List<Rewrite> PLAN = List.of(
            // "I think that we should start ..." is an intention, not an opinion
            rw("(?i)^(?:i think|i believe|i feel like|i guess)(?: that)?,? (?=(?:we|i|you)\\b)", ""),
            rw("(?i)^(?:i|we)(?: do| also| really| still| just| definitely| then)*\\s?(?:want|need|would like|'d like|"
                    + "'d love|would love) (?:you|them|him|her) to\\s+", ""),
            rw("(?i)^(?:you (?:need|have|want|will need|'ll need) to|you should|you can|you may|please|"
                    + "i (?:would |'d )?(?:recommend|suggest|advise) (?:that )?you|make sure (?:that )?you)\\s+", ""),
            rw("(?i)^(?:i|we) (?:would |'d )?recommend(?:ed)? (?:that )?", "Recommend "),
            rw("(?i)^(?:" + MODALS + "|let's|let us|let me)(?: also| just| then| probably| definitely| now| first)*\\s+",
                    "We will "),
            // "I'll see you back in four weeks" is the follow-up interval
            rw("(?i)^We will see (?:you|them|him|her|the patient) (?:back )?(?=in \\d|in (?:a|one|two|three|four|six) |"
                    + "after |next )", "Follow up ", "see"),
            rw("(?i)^my recommendation (?:would be|is) to\\s+", "Recommend "),
            rw("(?i)^(?:the plan is|plan is) to\\s+", ""));

    /** A clinician restating history: the source of the knowledge ("I see here that ...") is not charted. */
    private static final List<Rewrite> SUBJECTIVE = List.of(
            // a dictation's first person: "I saw Mr. Jones today for ..." is charted "Mr. Jones was seen today for ..."
            rw("(?i)^i (?:saw|am seeing|'m seeing|have seen) ((?:mr|mrs|ms|miss|mx)\\.? ?[a-z]+|the patient)"
                    + "( today| in (?:the )?clinic(?: today)?)? for\\b", "$1 was seen$2 for", "saw", "seeing", "seen"),
            rw("(?i)^(?:(?:so|and|now|okay)\\s+)*(?:i know|i see|i understand|i heard|i noticed|i remember|i read|"
                    + "it looks like|looks like|it says|it sounds like|sounds like)(?: here)?(?: in (?:my|your|the) "
                    + "(?:notes|chart|records?))?(?: that)?,?\\s+(?=\\w+\\s+\\w+)", ""),
            // "I see" is taken as a conversational opener before this rule runs, leaving "here in your chart"
            rw("(?i)^(?:here )?(?:in|on) (?:my|your|the) (?:notes|chart|records?)(?: here)?,?\\s+(?:that\\s+)?", ""),
            rw("(?i)^(?:(?:so|and|now|okay)\\s+)*(?:looking|reading) (?:here )?(?:at|in) (?:my|your|the) (?:notes|chart|"
                    + "records?|appointment notes)(?: here)?,?\\s+(?:it )?(?:says |looks like |shows )?(?:that )?", ""));

    private static final List<Rewrite> ASSESSMENT = List.of(
            rw("(?i)^(?:my|our|the) (?:impression|assessment|diagnosis)(?: (?:of|for) (?:you|him|her|them|the patient))?"
                    + "(?: today| here| at this point)? is(?: that)?,?\\s+", ""),
            rw("(?i)^(?:i think|i believe|i suspect|i feel like|it sounds like|it looks like|it seems like)(?: that)?\\s+"
                    + "(?=.*\\b(?:probably|likely|possibl[ey]|may|might|could)\\b)", ""),
            rw("(?i)^(?:i think|i believe|i suspect|i feel like|it sounds like|it looks like|it seems like)(?: that)?\\s+"
                    + "(?:this is|it's|it is|that's|that is|you have|you've got|he has|she has|they have)\\s+"
                    + "(?:(?:an?|the|some|just)\\s+)?", "Likely "),
            // other judgements are stated as the clinician's assessment, without the hedge
            rw("(?i)^(?:i think|i believe|i feel like)(?: that)?\\s+", ""),
            rw("(?i)^(?:i suspect|it sounds like|it looks like|it seems like)(?: that)?\\s+", "Likely "),
            rw("(?i)^(?:in summary|overall|so overall|at this point)(?: after my exam)?,?\\s+", ""));

    private static final List<Rewrite> OBJECTIVE = List.of(
            rw("(?i)(?=[iw])\\b(?:i|we) (?:do not|don't|did not|didn't|can not|cannot|can't) (?:appreciate|hear|see|feel|"
                    + "note|notice|find|palpate)(?: any)?\\b", "there is no"),
            rw("(?i)(?=[iw])\\b(?:i|we)(?: do| also| did| can| definitely)* (?:appreciate|hear|note|notice|found|palpate)\\b",
                    "there is"),
            rw("(?i)(?=[iw])\\b(?:i|we)(?: do| also| did| can)+ (?:see|feel)\\b", "there is"),
            // agreement with a plural noun, but not with "tenderness", "stenosis", "edematous"
            rw("(?i)(?=t)\\b(there) is (?=(?:no |any |some |a few |several |multiple |two |three )?(?:[a-z]+ )?"
                    + "(?!(?:this|his|its|was|has|does|yes|always|perhaps|across|whereas|[a-z]*(?:ss|sis|itis|us|ous|ics|ness))\\b)"
                    + "[a-z]+[^s\\W]s\\b(?! is\\b))", "$1 are "),
            rw("(?i)(?=t)\\bthere (?:is|are) no,? there is\\b", "there is"),
            rw("(?i)(?=[oai])\\b(?:on|at|in) both sides\\b", "bilaterally"),
            rw("(?i)^(?:on|upon) (?:your |the )?(?:physical )?(?:exam|examination),?\\s+", ""),
            rw("(?i)^(?:looking at|reviewing|on review of) (?:your|the)\\s+", "Review of the "),
            rw("(?i)^(?:i|we) (?:also )?(?:reviewed|looked at|went over|took a look at) (?:your|the)\\s+",
                    "Review of the "));

    /** Announcements of what the clinician is about to do, without any finding. */
    private static final Pattern PROCEDURAL = Pattern.compile(
            "^ (?:(?:okay|ok|so|alright|all right|now|well|and|great|good|perfect|um|umm|uh|uhm|hmm|mm|yeah|right|"
                    + "then|first) )*"
                    + "(?:(?:(?:i'm|i am|we're|we are) (?:going to|gon na|gonna)|i want to|i'd like to|i would like to|i'll|"
                    + "let me|let's|let us|we'll|i need to|i'm just going to|now|i'm|i am) )?(?:(?:just|quickly|go ahead and|"
                    + "now|also|first|briefly|then|a little bit|a little|a bit|real quick) )*(?:take a (?:quick |"
                    + "little |brief )?(?:look|listen)|have a (?:quick )?look|look at|examine|listen to|go over|review|"
                    + "talk about|talk a|do (?:a|an|your|the|my) (?:quick |brief )?(?:physical )?(?:exam|examination)|"
                    + "check (?:you out|some things|a few things)|have you (?:lie|sit|stand|hop|lay|walk|bend)|hop up|"
                    + "move on|switch gears|get (?:you|some) (?:checked|going)|start with|press (?:on|here|down)|"
                    + "push (?:on|here|down)|feel (?:your|his|her|their|the|around|here)|feeling (?:your|his|her|their|"
                    + "the|around)|ask (?:you|a|some)|come (?:have|take) a seat|have a seat|take a seat|lay back|"
                    + "lie back|lie down|lay down|back up|take (?:a|another|one more|some|a few|a couple) (?:deep |big )?"
                    + "breaths?|"
                    + "move (?:that|this|your|his|her|their) (?:finger|fingers|arm|leg|foot|toes?|knee|hand|wrist|ankle|neck|"
                    + "head|shoulder)|"
                    + "breathe (?:in|out|normally|deeply)|cough for me|touch (?:your|his|her|their|the)|"
                    + "squeeze (?:my|these)|follow my finger|look (?:up|down|straight|over here)|open (?:your|his|her|their) "
                    + "mouth|say ah|relax (?:for me|your)|turn your head)\\b");

    private static final Pattern FINDING = Pattern.compile(
            "\\d| normal | shows | showed | reveal| clear | no | negative | positive | tender| swelling | murmur"
                    + "| elevated | consistent ");

    private ClinicianVoice() {}

    /** Every needle here follows a word boundary in its pattern. */
    private static Rewrite rw(String regex, String replacement, String... needles) {
        return Rewrite.atWordStart(regex, replacement, needles);
    }

    /** Removes hedges and padding from any speaker's words. */
    static String withoutPadding(String s) {
        return apply(s, PADDING);
    }

    /** A clinician sentence in note phrasing for its division. */
    static String phrase(String s, SoapPart part) {
        String out = switch (part) {
            case PLAN -> apply(s, PLAN);
            case ASSESSMENT -> apply(s, ASSESSMENT);
            case OBJECTIVE -> apply(s, OBJECTIVE);
            case SUBJECTIVE -> apply(s, SUBJECTIVE);
        };
        return WE_WILL_WE.matcher(NO_ANY.matcher(out).replaceAll("no")).replaceAll("We");
    }

    /** True for "let me take a look", "let's talk about your results": nothing to chart. */
    static boolean isProcedural(String lookup) {
        lookup = lookup.replace(" '", "'").replace(" n't", "n't");
        Matcher m = PROCEDURAL.matcher(lookup);
        return m.find() && !FINDING.matcher(lookup).find() && lookup.length() < 160;
    }

    private static String apply(String s, List<Rewrite> rewrites) {
        return Rewrite.applyAll(s, rewrites);
    }
}
