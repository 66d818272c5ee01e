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
