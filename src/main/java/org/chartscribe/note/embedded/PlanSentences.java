package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.clinical.WordPhrases;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/**
 * The plan written from the extracted plan items: one short imperative sentence per item ("Increase
 * lisinopril to 40 mg daily.", "Order repeat echocardiogram.", "Refer to physical therapy.",
 * "Follow up in 2 weeks.", "Counseled on low-sodium diet."), each said once however often it was
 * said (a voice-assistant command repeats what the clinician just said), each attached to the problem
 * it treats. An option the patient declined is not the plan ("Declined physical therapy."), an option
 * only offered or left for later is left out. Drug names are written as they were said.
 */
final class PlanSentences {

    /** What kind of item, for the specialty's plan headings when no problem takes it. */
    enum Kind {
        MEDICATION("medications"), ORDER("orders"), REFERRAL("referrals"), EDUCATION("education"),
        FOLLOW_UP("follow"), OTHER(null);

        final String headingHint;

        Kind(String headingHint) {
            this.headingHint = headingHint;
        }
    }

    /** One plan sentence; {@code problem} is the key of the problem it treats, or null for the visit. */
    record Line(String text, Kind kind, String problem, int at, List<Evidence> evidence) {
        /** Redacted: the text is the encounter's. */
        @Override
        public String toString() {
            return "Line[kind=" + kind + ", at=" + at + "]";
        }
    }

    private PlanSentences() {}

    /** Past events are history, not plan ("we started you on ...", "I know we talked about diet"). */
    private static final String PAST_WORDS = "started|stopped|ordered|was|were|had|did|have been|"
            + "we've|you've|i've|i know|came back|showed|last time|last year|last visit|ago|previously|before you came";
    static final Pattern PAST = Pattern.compile("\\b(?:" + PAST_WORDS + ")\\b");
    /** {@link #PAST}'s words at word starts, read from the pattern's own alternation: without them it cannot match. */
    private static final WordPhrases PAST_SAID = WordPhrases.ofAlternation(PAST_WORDS, false, true);

    /** Whether a lowered clause speaks of the past ({@link #PAST}), the pattern run only where its words are. */
    static boolean speaksOfThePast(String lower) {
        return PAST_SAID.in(lower) && PAST.matcher(lower).find();
    }
    private static final Pattern TAG_QUESTION = Pattern.compile("[\\s,]*(?:okay|ok|all right|alright|right|sound good|"
            + "does that sound good|does that sound okay|is that okay|how does that sound|does that make sense)?\\s*\\?\\s*$");
    private static final Pattern OPTION = Pattern.compile("\\b(?:could|might|may want to|consider|possibly|option|"
            + "options|down the road|we can talk about|we'll talk about|we will talk about|talk about|think about|"
            + "if (?:we need|needed|necessary|you want|you'd like|you would like|that doesn't|this doesn't|it doesn't|"
            + "things don't|(?:your |the )?(?:symptoms|pain|it|things|that|this)\\b))");
    private static final Pattern IF_PERSIST = Pattern.compile("\\bif (?:your |the )?(?:symptoms|pain|it|things|that|"
            + "this) (?:continue|continues|persist|persists|do ?n't improve|does ?n't improve|do not improve|does not improve|"
            + "get worse|gets worse|worsen|worsens)\\b");
    private static final Pattern DECLINE = Pattern.compile("\\b(?:rather not|do ?n't want|do not want|no thanks|"
            + "no thank you|not right now|i'll pass|prefer not|hold off|not interested|do ?n't think i need|"
            + "rather wait|rather just|not yet|i do ?n't wanna|i do ?n't want to)\\b");
    static final Pattern COMMAND = Pattern.compile("\\bdragon\\b");

    /** The plan lines, in spoken order; the health-maintenance problem is added when a screening is ordered. */
    static List<Line> compose(EncounterFacts facts, int regionStart, List<ProblemList.Problem> problems,
                              List<Classified> uncovered) {
        String source = facts.source();
        int floor = (int) (source.length() * 0.3);
        Map<String, PlanDraft> drafts = new LinkedHashMap<>();
        for (PlanItem item : facts.extraction().planItems()) {
            if (item.end() <= Math.min(floor, regionStart)) {
                continue; // said in the history
            }
            ItemSpan span = ItemSpan.of(source, item);
            if (span == null) {
                continue;
            }
            String clause = span.text();
            String plain = TAG_QUESTION.matcher(clause).replaceFirst("");
            if (plain.contains("?") || clause.endsWith("?") && plain.length() == clause.length()) {
                continue; // a question to the patient ("do you need a refill?")
            }
            if (speaksOfThePast(plain) && item.type() != PlanItem.Type.FOLLOW_UP) {
                continue;
            }
            // the clause may open with the speaker's label, before where the region starts
            if (item.end() <= regionStart && item.type() == PlanItem.Type.EDUCATION) {
                continue;
            }
            List<PlanDraft> said = item.type() == PlanItem.Type.EDUCATION ? AdvicePlanLines.education(plain, item)
                    : java.util.Collections.singletonList(draft(facts, item, plain, span));
            for (PlanDraft draft : said) {
                if (draft != null) {
                    consider(facts, drafts, item, clause, plain, draft);
                }
            }
        }
        DrugPlanLines.currentMedications(facts, regionStart, drafts);
        AdvicePlanLines.dictatedAdvice(facts, regionStart, drafts);
        List<Evidence> covered = drafts.values().stream().flatMap(d -> d.evidence.stream()).toList();
        for (Classified c : uncovered) {
            if (c.evidence().stream().anyMatch(e -> covered.stream().anyMatch(f -> f.start() < e.end() && e.start() < f.end()))) {
                continue;
            }
            PlanDraft d = new PlanDraft(ClinicalGrammar.sentence(c.text()), Kind.OTHER, "raw:" + rawKey(c.text()),
                    c.evidence().get(0).start(), c.evidence().get(0), List.of());
            d.evidence.addAll(c.evidence().subList(1, c.evidence().size()));
            merge(drafts, d);
        }
        return PlanLineAttachment.attach(facts, new ArrayList<>(drafts.values()), problems);
    }

    private static final Pattern RAW_NOISE = Pattern.compile("^(?:(?:we|she|he|they|the patient) will )|\\b(?:a|an|the|some)\\b|[^a-z0-9 ]");

    /** "We will order an autoimmune panel." and "Order an autoimmune panel." are one item. */
    private static String rawKey(String text) {
        return RAW_NOISE.matcher(ClinicalGrammar.lower(text)).replaceAll(" ").replaceAll("\\s+", " ").trim();
    }

    /** Charts the item as said, as declined, as a deferred option, or not at all. */
    private static void consider(EncounterFacts facts, Map<String, PlanDraft> drafts, PlanItem item, String clause, String plain,
                                 PlanDraft draft) {
        OrderConditions.Condition condition = condition(plain, item, draft);
        if (condition == OrderConditions.Condition.NOT_NEEDED) {
            return; // "I don't think you need an x-ray" orders nothing
        }
        boolean offered = OPTION.matcher(lead(plain, item)).find() || condition != OrderConditions.Condition.ORDERED;
        Sentence reply = facts.nextReply(item.end());
        // in a long unpunctuated turn the reply answers what was said last, not an item said long before it
        int saidEnd = draft.evidence.isEmpty() ? item.end() : draft.evidence.get(draft.evidence.size() - 1).end();
        boolean declined = reply != null && reply.start() - saidEnd < REPLY_REACH
                && DECLINE.matcher(reply.text().toLowerCase(Locale.ROOT)).find();
        if (declined && (draft.kind == Kind.REFERRAL || draft.kind == Kind.ORDER)) {
            draft.text = "Declined " + object(draft) + ".";
        } else if (declined) {
            return; // a drug or advice the patient turned down is not the plan
        } else if (offered && draft.kind != Kind.FOLLOW_UP && draft.kind != Kind.EDUCATION) {
            // "follow up in 4 weeks, sooner if worse" and "call if worse" are plans, whatever the "if"
            boolean ifPersists = IF_PERSIST.matcher(plain).find() || condition == OrderConditions.Condition.IF_NO_BETTER;
            if (!ifPersists || draft.kind == Kind.MEDICATION) {
                return; // offered, not chosen: left out
            }
            draft.text = "Consider " + object(draft) + " if symptoms persist.";
        }
        draft.command = COMMAND.matcher(clause).find()
                || sentenceHasCommand(facts, item.start());
        merge(drafts, draft);
    }

    /** What the words before an order or referral's name say of it: ordered, not needed, or only if. */
    private static OrderConditions.Condition condition(String clause, PlanItem item, PlanDraft draft) {
        if (draft.kind != Kind.ORDER && draft.kind != Kind.REFERRAL || item.detail() == null) {
            return OrderConditions.Condition.ORDERED;
        }
        int at = draft.kind == Kind.REFERRAL ? clause.indexOf("refer") : ItemSpan.termAt(clause, item.detail());
        return at < 0 ? OrderConditions.Condition.ORDERED
                : OrderConditions.of(clause.substring(Math.max(0, at - OrderConditions.REACH), at));
    }

    /**
     * The words an option would be offered in: for a clause of unpunctuated speech, those before what
     * the item names ("order an MRI [and] if the pain is not better call us" offers nothing).
     */
    private static String lead(String clause, PlanItem item) {
        if (clause.length() < ItemSpan.LOCAL_BEFORE + ItemSpan.LOCAL_AFTER) {
            return clause;
        }
        int at = item.detail() == null ? -1 : ItemSpan.termAt(clause, item.detail());
        return at < 0 ? clause : clause.substring(0, Math.min(clause.length(), at + item.detail().length() + 15));
    }

    /** A reply this close after the item answers it. */
    private static final int REPLY_REACH = 200;

    static boolean sentenceHasCommand(EncounterFacts facts, int offset) {
        Sentence s = facts.sentenceAt(offset);
        return s != null && COMMAND.matcher(s.text().toLowerCase(Locale.ROOT)).find();
    }

    /** Same item said twice: one line, the fuller wording, both spans as evidence. */
    static void merge(Map<String, PlanDraft> drafts, PlanDraft draft) {
        PlanDraft existing = drafts.get(draft.key);
        if (existing == null && draft.command) {
            // "hey dragon, order a thyroid panel" after "I'll order some thyroid labs": the command repeats it
            for (PlanDraft d : drafts.values()) {
                if (d.kind == draft.kind && d.kind == Kind.ORDER && d.labDetail != null && draft.labDetail != null
                        && draft.at - d.at < COMMAND_REACH && d.labDetail.equals("blood work")) {
                    existing = d;
                    existing.text = draft.text;
                    existing.labDetail = draft.labDetail;
                    break;
                }
            }
        }
        if (existing == null) {
            drafts.put(draft.key, draft);
            return;
        }
        if (existing.kind == Kind.MEDICATION && existing.drug != null && draft.drug != null) {
            if (draft.verbRank > existing.verbRank) {
                existing.verb = draft.verb;
                existing.verbRank = draft.verbRank;
            }
            if (draft.dosing.length() > existing.dosing.length() && !existing.verb.equals("Stop")
                    && !existing.verb.equals("Avoid")) {
                existing.dosing = draft.dosing;
            }
            if (existing.drug.equals(ClinicalGrammar.lower(existing.drug)) && !draft.drug.equals(ClinicalGrammar.lower(draft.drug))) {
                existing.drug = draft.drug; // the brand, as the clinician named it first, stays; a generic yields
            }
            existing.renderMedication();
        } else if (draft.rank > existing.rank) {
            existing.text = draft.text;
            existing.rank = draft.rank;
        }
        existing.evidence.addAll(draft.evidence);
    }

    private static final int COMMAND_REACH = 1500;

    private static PlanDraft draft(EncounterFacts facts, PlanItem item, String clause, ItemSpan span) {
        Evidence evidence = new Evidence(span.start(), span.end());
        return switch (item.type()) {
            case MEDICATION -> DrugPlanLines.medication(facts, item, clause, evidence, span);
            case LAB_ORDER -> OrderPlanLines.lab(item, clause, evidence);
            case IMAGING_ORDER -> OrderPlanLines.imaging(facts, item, clause, evidence, span);
            case REFERRAL -> OrderPlanLines.referral(item, evidence);
            case FOLLOW_UP -> FollowUpPlanLine.followUp(item, clause, evidence);
            case EDUCATION -> null;
        };
    }

    /** What a declined or deferred item names: "physical therapy", "MRI of the right knee". */
    private static String object(PlanDraft d) {
        String t = d.text.substring(0, d.text.length() - 1);
        return switch (d.kind) {
            case REFERRAL -> t.substring("Refer to ".length());
            case ORDER -> t.startsWith("Order ") ? t.substring("Order ".length()) : t;
            default -> ClinicalGrammar.lower(t.substring(0, 1)) + t.substring(1);
        };
    }
}
