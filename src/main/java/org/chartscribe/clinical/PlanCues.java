package org.chartscribe.clinical;

import java.util.regex.Pattern;

/** Phrases by which a clinician proposes an action, shared by the plan and the results extractors. */
final class PlanCues {

    static final Pattern ORDER = Pattern.compile("\\b(?:order|ordering|ordered|get (?:a|an|some|you|the)|go ahead and get|"
            + "check (?:a|an|your|some)|draw|schedule|send you for|obtain|we'll do|i'll do|let's do|want to do|"
            + "like to do|repeat|recheck|we'll get|i'll get|let's get|need (?:a|an|to get)|going to get)\\b");
    static final Pattern REFERRAL = Pattern.compile("\\b(?:refer|referral|referring|send you to|sending you to|"
            + "see (?:a|an|the)|set you up with|consult|consultation|make an appointment with|get you in with|"
            + "follow up with (?:a |an |the |your )?(?=[a-z]+olog(?:y|ist)\\b|orthop|podiatr|psychiatr|surgeon|specialist)|"
            + "get (?:you|him|her|them) (?:to|into|in to|in with)|"
            // therapy is referred to as it is recommended: "I'm going to recommend physical therapy"
            + "(?:recommend|prescribe|start|try|do|begin)(?:ing)? (?:some |you (?:on|in|into|with) )?"
            + "(?=(?:physical|occupational|speech) therapy\\b|pt\\b|cardiac rehab))");
    static final Pattern FOLLOW_UP = Pattern.compile("\\b(?:follow[- ]?up|see you(?: back)?|come back|return|check back|"
            + "recheck|back in|check in|touch base|revisit|next visit|next appointment|check (?:on |in on )?you|"
            + "(?:get|bring|have) you (?:back|in)|reassess|re-?evaluate)\\b[^.?!;]{0,40}?\\b(?:in|after)\\s+"
            + "(?:(?:about|another|around|like|maybe)\\s+)?(\\d+(?:\\.\\d+)?|a couple of|a couple|a few|a|an|one)\\s*"
            + "(?:to \\d+\\s+)?(days?|weeks?|months?|years?)\\b"
            + "|\\b(?:in|after)\\s+(\\d+(?:\\.\\d+)?|a couple of|a few|a|an)\\s*(days?|weeks?|months?|years?)\\s+"
            + "(?:for (?:a )?)?(?:follow[- ]?up|recheck|check-up|checkup)\\b");
    static final Pattern FOLLOW_UP_AS_NEEDED = Pattern.compile("\\bfollow[- ]?up (?:as needed|prn|if (?:needed|"
            + "symptoms|things|it))\\b|\\bcome back if\\b|\\breturn (?:if|as needed)\\b");
    static final Pattern EDUCATION = Pattern.compile("\\b(?:i recommend|i'd recommend|i would recommend|recommend that|"
            + "i suggest|i'd suggest|i encourage|i want you to|i'd like you to|make sure (?:you|to)|try to|you should|"
            + "you need to|avoid|stay hydrated|drink (?:plenty|lots|more)|ice (?:it|the)|elevate|rest (?:it|up|your)|get (?:some |plenty of )?rest|"
            + "heat (?:it|pad)|diet|exercise|lose weight|weight loss|quit smoking|stop smoking|cut back on|limit your|"
            + "warning signs|call (?:me|us|the office|911)|go to the (?:er|emergency)|educated|counseled|discussed)\\b");
    /** Care the patient is given to use at home: charted even in a clause that also orders or refers. */
    static final Pattern HOME_CARE = Pattern.compile("\\b(?:brace|sling|splint|cast|crutch(?:es)?|walking boot|walker|cane|"
            + "ice (?:it|the)|elevate|weigh yourself|daily weights?)\\b");
    static final Pattern SPECIALTY = Pattern.compile("\\b(genetic counsel(?:l)?(?:ing|or)|genetics|cardiolog(?:y|ist)|dermatolog(?:y|ist)|orthop(?:a)?edic(?:s| surgeon| surgery)?|"
            + "orthop(?:a)?edist|physical therap(?:y|ist)|pt|occupational therap(?:y|ist)|neurolog(?:y|ist)|neurosurg(?:ery|eon)|"
            + "gastroenterolog(?:y|ist)|gi|endocrinolog(?:y|ist)|rheumatolog(?:y|ist)|urolog(?:y|ist)|nephrolog(?:y|ist)|"
            + "pulmonolog(?:y|ist)|pulmonary|ent|ear,? nose,? and throat|ophthalmolog(?:y|ist)|eye doctor|optometrist|"
            + "podiatr(?:y|ist)|psychiatr(?:y|ist)|psycholog(?:y|ist)|therapist|counsel(?:l)?or|counsel(?:l)?ing|"
            + "oncolog(?:y|ist)|hematolog(?:y|ist)|surgeon|general surgery|ob-?gyn|gynecolog(?:y|ist)|"
            + "nutritionist|dietitian|dietician|sleep (?:medicine|specialist|clinic)|pain (?:management|clinic|specialist)|"
            + "chiropractor|allergist|cardiac rehab|specialist)\\b");

    // Cheap necessary conditions for the patterns above (the pattern's words at word starts, see
    // WordPhrases): the extractors test every clause of the transcript against each pattern, and most
    // clauses hold none of their words. A word added to a pattern must be added to its phrases too;
    // PlanCuesShortcutTest checks each against its pattern.
    private static final WordPhrases ORDER_WORDS = WordPhrases.of("order", "ordering", "ordered", "get a", "get an",
            "get some", "get you", "get the", "go ahead and get", "check a", "check an", "check your", "check some", "draw",
            "schedule", "send you for", "obtain", "we'll do", "i'll do", "let's do", "want to do", "like to do", "repeat",
            "recheck", "we'll get", "i'll get", "let's get", "need a", "need an", "need to get", "going to get");
    /**
     * REFERRAL's openings, as prefixes (the pattern has no word end after them); its therapy branch needs
     * "therapy", "pt" or "cardiac rehab" said (checked apart).
     */
    private static final WordPhrases REFERRAL_WORDS = WordPhrases.of("refer*", "send you to*", "sending you to*",
            "see a*", "see the*", "set you up with*", "consult*", "make an appointment with*", "get you in with*",
            "follow up with*", "get you*", "get him*", "get her*", "get them*", "pt");
    private static final WordPhrases FOLLOW_UP_AS_NEEDED_WORDS = WordPhrases.of("follow*", "come back if", "return if",
            "return as needed");
    private static final WordPhrases EDUCATION_WORDS = WordPhrases.of("i recommend", "i'd recommend", "i would recommend",
            "recommend that", "i suggest", "i'd suggest", "i encourage", "i want you to", "i'd like you to", "make sure you",
            "make sure to", "try to", "you should", "you need to", "avoid", "stay hydrated", "drink plenty", "drink lots",
            "drink more", "ice it", "ice the", "elevate", "rest it", "rest up", "rest your", "get rest", "get some rest",
            "get plenty of rest", "heat it", "heat pad", "diet", "exercise", "lose weight", "weight loss", "quit smoking",
            "stop smoking", "cut back on", "limit your", "warning signs", "call me", "call us", "call the office",
            "call 911", "go to the er", "go to the emergency", "educated", "counseled", "discussed");
    private static final WordPhrases HOME_CARE_WORDS = WordPhrases.of("brace", "sling", "splint", "cast", "crutch",
            "crutches", "walking boot", "walker", "cane", "ice it", "ice the", "elevate", "weigh yourself", "daily weight",
            "daily weights");

    static boolean ordersSomething(String sentence) {
        return ORDER_WORDS.in(sentence) && ORDER.matcher(sentence).find();
    }

    static boolean refers(String sentence) {
        return (REFERRAL_WORDS.in(sentence) || sentence.contains("therapy") || sentence.contains("cardiac rehab"))
                && REFERRAL.matcher(sentence).find();
    }

    /** Whether {@link #FOLLOW_UP} can match: both its branches end in a unit of time. */
    static boolean mayFollowUp(String sentence) {
        return sentence.contains("day") || sentence.contains("week") || sentence.contains("month")
                || sentence.contains("year");
    }

    static boolean followUpAsNeeded(String sentence) {
        return FOLLOW_UP_AS_NEEDED_WORDS.in(sentence) && FOLLOW_UP_AS_NEEDED.matcher(sentence).find();
    }

    static boolean advises(String sentence) {
        return EDUCATION_WORDS.in(sentence) && EDUCATION.matcher(sentence).find();
    }

    static boolean givesHomeCare(String sentence) {
        return HOME_CARE_WORDS.in(sentence) && HOME_CARE.matcher(sentence).find();
    }

    private PlanCues() {}

    /** "cardiologist" -> "cardiology"; other specialty words are kept as said. */
    static String specialty(String said) {
        String s = said.replaceAll("ologist$", "ology");
        return switch (said) {
            case "pt" -> "physical therapy";
            case "gi" -> "gastroenterology";
            case "ent", "ear nose and throat", "ear, nose, and throat", "ear, nose and throat" -> "ent";
            case "orthopedist", "orthopedic", "orthopedics", "orthopedic surgeon", "orthopedic surgery" -> "orthopedics";
            case "physical therapist" -> "physical therapy";
            case "occupational therapist" -> "occupational therapy";
            case "eye doctor", "optometrist" -> "ophthalmology";
            case "dietician", "dietitian", "nutritionist" -> "nutrition";
            case "podiatrist" -> "podiatry";
            case "genetic counselor", "genetic counsellor", "genetic counselling", "genetics" -> "genetic counseling";
            case "psychiatrist" -> "psychiatry";
            default -> s;
        };
    }
}
