package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.AssessmentStatements.Statement;
import org.chartscribe.coding.SynonymTable.Kind;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.chartscribe.note.Evidence;

/**
 * Suggests ICD-10-CM codes from a note's assessment: asserted diagnoses (and signs or symptoms where
 * nothing explains them) mapped through the synonym table, made specific from the note, checked
 * against the loaded code set, conflicts dropped, and ranked with the reason for the visit first.
 */
public final class Icd10Coder {

    private static final int MAX_CODES = 10;
    private static final java.util.regex.Pattern COUNSELLING = java.util.regex.Pattern.compile(
            "\\b(?:risks?|complications?|side effects?|explained|educated|discussed|counsel(?:l?ed|l?ing)|advised|"
                    + "warning signs|can cause|could cause)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A question in a conversation, even without its question mark. */
    private static final java.util.regex.Pattern ASKED = java.util.regex.Pattern.compile(
            "(?:^|[\\]:]\\s*)(?:do|does|did|have|has|are|is|any|how|what|when|where|which|were|was)\\b"
                    + "|\\b(?:do|does|did|have|has|are|were) (?:you|she|he|they) (?:ever |still |also )?(?:have|had|get|got|notice|noticed)?\\s*any\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Icd10CodeSet codeSet;
    private final SynonymTable synonyms;
    private final Specificity specificity;
    private final TranscriptEvidence evidence;
    private final IndexLookup indexLookup;
    private final IndexLookup causeLookup;
    /** The clinician's words of the visit being coded (set per call; patient diagnoses are checked against them). */
    private final ThreadLocal<String> clinicianSaid = new ThreadLocal<>();

    public Icd10Coder(Icd10CodeSet codeSet) {
        this.codeSet = codeSet;
        this.synonyms = SynonymTable.builtin();
        this.specificity = new Specificity(codeSet);
        this.evidence = new TranscriptEvidence(synonyms);
        // A code list without an index (an order file) is looked up through the built-in release's index;
        // every code it gives is still checked against the loaded set.
        AlphabeticIndex alphabetic = codeSet.index().size() > 0 ? codeSet.index() : Icd10CodeSetLoader.builtin().index();
        this.indexLookup = new IndexLookup(codeSet, alphabetic);
        AlphabeticIndex causes = codeSet.externalCauses().size() > 0 ? codeSet.externalCauses()
                : Icd10CodeSetLoader.builtin().externalCauses();
        this.causeLookup = IndexLookup.externalCauses(codeSet, causes);
    }

    public Icd10CodeSet codeSet() {
        return codeSet;
    }


    /**
     * @param assessment the note's assessment (problem headings and reasoning as plain text)
     * @param transcript the transcript the note came from: evidence offsets point into it; a code the
     *                   transcript gives no words for gets a lower confidence and says so
     */
    /** Chapter 18 symptoms and the pain codes of chapter 13 ("pain in right hip"): a complaint, not a diagnosis. */
    private static boolean onlySymptoms(Map<String, FoundCode> found) {
        return found.keySet().stream().allMatch(Icd10Coder::complaint);
    }

    /** A symptom code (chapter 18) or a pain code of chapter 13: what a complaint, not a diagnosis, is coded as. */
    static boolean complaint(String code) {
        return code.startsWith("R") || code.startsWith("M25.5") || code.startsWith("M79.6") || code.startsWith("M54.5")
                || code.startsWith("M54.9") || code.startsWith("M79.1");
    }

    public List<Diagnosis> suggest(String assessment, String transcript) {
        clinicianSaid.remove();
        TranscriptEvidence.Index index = transcript == null ? null : evidence.index(transcript);
        Map<String, FoundCode> found = new LinkedHashMap<>();
        List<Statement> noted = AssessmentStatements.split(assessment);
        find(noted, assessment, Place.HEADING, index, FoundCode.Source.NOTE, found);
        List<Statement> spoken = transcript == null ? List.of() : DialogueAssessment.statements(transcript);
        List<Statement> told = List.of();
        if (transcript != null) {
            // The clinician's own assessment in the conversation: problems a generated note may have lost.
            find(spoken, transcript, Place.HEADING, index, FoundCode.Source.DIALOGUE, found);
        }
        List<Statement> reasons = new ArrayList<>(spoken.stream().filter(st -> st.place() == Place.REASON).toList());
        if (transcript != null && (found.isEmpty() || onlySymptoms(found))) {
            // Nothing from the note or the clinician's assessment (or only the complaint, a symptom, which says no more
            // than what the patient came with): code what the conversation asserts, at lower confidence, and the
            // complaints the patient reports (a diagnosis the patient names only when the clinician names it too).
            // Questions ("do you have any family history of arthritis") and relatives' conditions are not the patient's.
            List<Statement> asserted = new ArrayList<>(AssessmentStatements.split(transcript).stream()
                    .filter(st -> !ASKED.matcher(st.text()).find() && !DialogueAssessment.aboutRelatives(st.text())
                            && !PatientStatements.saidByPatient(transcript, st.offset())).toList());
            List<Statement> patient = PatientStatements.statements(transcript);
            asserted.addAll(patient);
            // the patient's first complaints answer "what brings you in": they are the reason for the visit
            patient.stream().filter(st -> st.place() == Place.REASON).limit(2).forEach(reasons::add);
            clinicianSaid.set(PatientStatements.clinicianWords(transcript));
            find(asserted, transcript, Place.HISTORY, index, FoundCode.Source.NOTE, found);
            told = asserted;
        }
        externalCause(found, told, spoken);
        applyCombinations(found);
        dropConflicts(found);
        List<FoundCode> ranked = new ArrayList<>(found.values());
        Map<String, Integer> salience = new java.util.HashMap<>();
        for (FoundCode f : ranked) {
            // Problems stated as headings keep their order; elsewhere the condition talked about most comes first.
            boolean ordered = f.place() == Place.HEADING;
            salience.put(f.code(), ordered || index == null ? 0 : -index.mentions(f.code(), f.phrase()));
        }
        ranked.sort(Comparator.comparingInt(FoundCode::group).thenComparingInt(FoundCode::sourceRank)
                .thenComparingInt((FoundCode f) -> salience.get(f.code())).thenComparingInt(FoundCode::order));
        ranked = CodeFirst.order(VisitSequence.sequence(ranked, reasons, index), CodeFirst.builtin());
        List<Diagnosis> out = new ArrayList<>();
        for (FoundCode f : ranked.subList(0, Math.min(MAX_CODES, ranked.size()))) {
            List<Evidence> spans = evidence(f, index);
            boolean unsupported = index != null && !transcript.isBlank() && spans.isEmpty();
            double confidence = FoundCode.confidence(f, out.isEmpty());
            String rationale = FoundCode.rationale(f);
            if (unsupported) {
                // the note worded it and the transcript never did: a coder should check it against the visit
                confidence = Math.max(0.3, Math.round((confidence - 0.2) * 100) / 100.0);
                rationale += "; no supporting words found in the transcript";
            }
            out.add(new Diagnosis(f.code(), codeSet.title(f.code()).orElseThrow(), confidence, spans, rationale));
        }
        return out;
    }

    /**
     * How the injury happened, from the Index to External Causes (guideline I.C.20: an external cause code goes
     * with the injury it explains, never first): the first statement of the conversation, in the order told, whose
     * words lead to a cause ("the dog bit me": "Bite, bitten by, dog" W54.0), with the injury's 7th character.
     * Questions are not read (an affirmed one is, as the patient's statement), nor denied or uncertain causes.
     */
    private void externalCause(Map<String, FoundCode> found, List<Statement> told, List<Statement> spoken) {
        FoundCode injury = found.values().stream().filter(Icd10Coder::injury).findFirst().orElse(null);
        if (injury == null) {
            return;
        }
        char episode = injury.code().charAt(7);
        List<Statement> statements = new ArrayList<>(told);
        statements.addAll(spoken);
        // the most specific mechanism told wins ("you fell from the tree?" - "yes" over "he slipped"): deepest index path
        Statement bestAt = null;
        List<ClinicalTokens.Token> bestTokens = null;
        IndexLookup.Hit best = null;
        for (Statement s : statements) {
            if (s.text().strip().endsWith("?")) {
                continue;
            }
            List<ClinicalTokens.Token> tokens = CAUSE_WORDS.rewrite(ClinicalTokens.of(s.text()));
            java.util.Optional<IndexLookup.Hit> hit = causeLookup.lookup(tokens, Specificity.Side.UNSPECIFIED);
            if (hit.isPresent() && Certainty.of(tokens, s.text(), hit.get().from()) == Certainty.Status.ASSERTED
                    && (best == null || depth(hit.get()) > depth(best))) {
                best = hit.get();
                bestAt = s;
                bestTokens = tokens;
            }
        }
        if (best == null) {
            return;
        }
        List<String> codes = specificity.resolve(List.of(best.code()), List.of(),
                new Specificity.Context(Specificity.Side.UNSPECIFIED, 0, episode)).codes();
        if (codes.size() != 1 || found.containsKey(codes.get(0))) {
            return;
        }
        ClinicalTokens.Token first = bestTokens.get(best.from());
        ClinicalTokens.Token last = bestTokens.get(best.to() - 1);
        FoundCode cause = new FoundCode(codes.get(0), Kind.STATUS, injury.place(), injury.order() + 1,
                bestAt.text().substring(first.start(), last.end()), false,
                List.of("external cause of the injury " + injury.code(), "Index to External Causes: " + best.path()),
                injury.source(), List.of(new Evidence(bestAt.offset() + first.start(), bestAt.offset() + last.end())));
        found.put(cause.code(), cause);
    }

    private static int depth(IndexLookup.Hit hit) {
        return hit.path().split(" -> ").length;
    }

    /** Words of an account rewritten to the External Cause Index's ("fell" to "fall"), for that lookup only. */
    private static final SpokenForms CAUSE_WORDS = SpokenForms.parse("/coding/external-cause-words.tsv",
            CodingTables.resource("/coding/external-cause-words.tsv"));

    /**
     * An injury with its 7th character: S00-T34 (injuries by site, foreign bodies, burns, frostbite) and T66-T75
     * (effects of heat, cold, pressure, lightning, drowning): the codes an external cause code goes with. Poisonings
     * carry their cause in the code; allergy and complication codes (T78-T88) are not injuries.
     */
    private static boolean injury(FoundCode f) {
        String code = f.code();
        boolean injury = code.startsWith("S") || code.startsWith("T") && (code.compareTo("T35") < 0
                || code.compareTo("T66") >= 0 && code.compareTo("T76") < 0);
        return injury && code.length() == 8 && "ADS".indexOf(code.charAt(7)) >= 0;
    }

    /** The words' own span when spoken, then other mentions of the same condition in the transcript. */
    private static List<Evidence> evidence(FoundCode f, TranscriptEvidence.Index index) {
        List<Evidence> spans = new ArrayList<>(f.spoken());
        if (index != null) {
            for (Evidence e : index.find(f.code(), f.phrase())) {
                if (spans.size() < 3 && spans.stream().noneMatch(s -> s.start() < e.end() && e.start() < s.end())) {
                    spans.add(e);
                }
            }
        }
        spans.sort(Comparator.comparingInt(Evidence::start));
        return spans;
    }

    /**
     * What a statement of the conversation may give: any kind where the clinician names the problem or
     * the reason for the visit; diagnoses (and, from the history, statuses) elsewhere. Conversations
     * are full of symptoms asked about and ruled out.
     */
    private static boolean spokenKindAllowed(Kind kind, Place place) {
        return switch (place) {
            case HEADING -> true;
            case REASON -> kind != Kind.SYMPTOM; // the note's chief complaint covers symptoms
            case BODY -> kind == Kind.DX;
            case HISTORY -> kind == Kind.DX || kind == Kind.STATUS;
        };
    }

    /** A test result the clinician reports: "your labs showed", "the x-ray revealed". */
    private static final java.util.regex.Pattern RESULT = java.util.regex.Pattern.compile(
            "\\b(?:labs?|lab work|blood ?work|results?|tests?|x-?rays?|imaging|scan|ultrasound|mri|ct|ecg|ekg|echo(?:cardiogram)?|cmp|panel)"
                    + " (?:also |just )?(?:shows?|showed|shown|revealed?|demonstrated?|came back(?: with)?)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * An abnormal finding (R70-R94: "elevated liver enzymes") in a result the clinician reports
     * in the conversation: coded like a symptom, so a diagnosis that explains it still replaces it.
     */
    private static boolean abnormalResult(SynonymTable.Entry entry, String statement) {
        return entry.kind() == Kind.SYMPTOM && !entry.templates().isEmpty()
                && entry.templates().stream().allMatch(t -> t.matches("R(?:7|8|9[0-4]).*"))
                && RESULT.matcher(statement).find();
    }

    /**
     * Codes the statements' asserted phrases into {@code found}. From the transcript ({@code DIALOGUE})
     * a symptom, status or encounter phrase counts only where the clinician names it as a problem
     * (a {@link Place#HEADING} statement): conversations are full of symptoms asked about and ruled out.
     */
    private void find(List<Statement> statements, String text, Place floor, TranscriptEvidence.Index transcript,
                      FoundCode.Source source, Map<String, FoundCode> found) {
        Map<Integer, StringBuilder> blocks = new LinkedHashMap<>();
        for (Statement s : statements) {
            blocks.computeIfAbsent(s.block(), b -> new StringBuilder()).append(s.text()).append('\n');
        }
        Map<Integer, java.util.Set<List<String>>> hedgedInBody = source == FoundCode.Source.NOTE ? hedgedOnly(statements) : Map.of();
        // Blocks that follow a problem the clinician named (a heading that was coded): what is said there is
        // that problem's assessment, so the purpose of a visit stated there as such ("this is just a screening
        // colonoscopy") counts; "you'll want a colonoscopy at some point" does not. Headings come first in a block.
        java.util.Set<Integer> problemBlocks = new java.util.HashSet<>();
        int order = 0;
        for (Statement s : statements) {
            boolean spokenProblem = source == FoundCode.Source.DIALOGUE && s.place() == Place.HEADING;
            if (s.text().strip().endsWith("?") && !spokenProblem
                    || s.place() == Place.BODY && COUNSELLING.matcher(s.text()).find()) {
                continue; // risks explained, education given: conditions named there are not the patient's
            }
            List<ClinicalTokens.Token> tokens = withAsked(ClinicalTokens.of(s.text()), s.asked());
            Place place = s.place().ordinal() < floor.ordinal() ? floor : s.place();
            String block = blocks.get(s.block()).toString();
            boolean hedged = false;
            boolean coded = false;
            for (SynonymTable.Match m : synonyms.find(tokens)) {
                order++;
                SynonymTable.Entry entry = m.entry();
                Certainty.Status status = Certainty.of(tokens, s.text(), m.from());
                if (status == Certainty.Status.ASSERTED && s.label()
                        && hedgedInBody.getOrDefault(s.block(), java.util.Set.of()).contains(entry.templates())) {
                    // "Ankle sprain: probably an ankle sprain from the fall": a label summarising its own
                    // text is as uncertain as that text (guideline IV.H)
                    status = Certainty.Status.UNCERTAIN;
                }
                if (status == Certainty.Status.FAMILY) {
                    // "family history of colon cancer": the relative's condition as the patient's family history,
                    // from the note only (in the conversation it may be a question the patient answered "no")
                    java.util.Optional<String> family = source == FoundCode.Source.NOTE && !entry.templates().isEmpty()
                            && (entry.kind() == Kind.DX || entry.kind() == Kind.STATUS)
                            ? HistoryCodes.family(entry.templates().get(0)) : java.util.Optional.empty();
                    if (family.isPresent()) {
                        add(new SynonymTable.Entry(entry.phrase(), List.of(family.get()), List.of(), Kind.STATUS), tokens,
                                m.from(), m.to(), s, place, order, block, text, transcript, source,
                                List.of("family history of the condition named"), found);
                    }
                    continue;
                }
                boolean asserted = status == Certainty.Status.ASSERTED;
                hedged |= entry.kind() == Kind.DX && status == Certainty.Status.UNCERTAIN;
                if (entry.kind() == Kind.CUE || !asserted
                        || (entry.kind() != Kind.ENCOUNTER && Certainty.namesAProcedure(tokens, m.to()))
                        || source == FoundCode.Source.DIALOGUE && !spokenKindAllowed(entry.kind(), s.place())
                        && !(entry.kind() == Kind.ENCOUNTER && s.place() == Place.BODY && problemBlocks.contains(s.block())
                            && DialogueAssessment.DIAGNOSTIC.matcher(s.text()).find())
                        && !(s.place() == Place.BODY && abnormalResult(entry, s.text()))) {
                    continue;
                }
                if (PatientStatements.fromPatient(s) && entry.kind() != Kind.SYMPTOM
                        && !PatientStatements.confirmedByClinician(entry.phrase(), clinicianSaid.get())) {
                    continue; // "I think I have the flu": the patient's own diagnosis, not confirmed
                }
                coded |= entry.kind() == Kind.DX || entry.kind() == Kind.SYMPTOM;
                if (s.place() == Place.HEADING) {
                    problemBlocks.add(s.block());
                }
                add(entry, tokens, m.from(), m.to(), s, place, order, block, text, transcript, source, List.of(), found);
            }
            if (!coded && !hedged) {
                // A problem the phrase table does not know: look it up as a coder does, in the Alphabetic Index,
                // in a problem heading or, in the conversation, in the words after "you have" / "diagnosed with".
                int[] words = spokenProblem || source == FoundCode.Source.NOTE && s.place() == Place.HEADING || !s.asked().isEmpty()
                        ? new int[] {0, tokens.size()}
                        : source == FoundCode.Source.DIALOGUE && s.place() == Place.BODY
                                ? after(DialogueAssessment.STRONG_DIAGNOSTIC, s.text(), tokens)
                        // the reason the clinician gives, where nothing else coded says why the patient came
                        : source == FoundCode.Source.DIALOGUE && s.place() == Place.REASON && found.isEmpty()
                                ? after(DialogueAssessment.REASON, s.text(), tokens)
                        : PatientStatements.fromPatient(s) && s.place() == Place.REASON
                                ? after(PatientStatements.COMPLAINT, s.text(), tokens) : null;
                if (words != null) {
                    order = indexed(tokens, words, s, place, order, block, text, transcript, source, found);
                }
            }
            if ((spokenProblem || source == FoundCode.Source.NOTE) && hedged && !coded) {
                // "For that right knee, I think you may have an MCL strain": the uncertain diagnosis is not
                // coded; the problem is the pain at the site the clinician named (guideline IV.H).
                for (int i = 0; i < tokens.size(); i++) {
                    java.util.Optional<SynonymTable.Entry> pain = synonyms.lookup(List.of(tokens.get(i).norm(), "pain"));
                    if (pain.isPresent() && pain.get().kind() == Kind.SYMPTOM && namesTheSite(tokens, i)) {
                        add(pain.get(), tokens, i, i + 1, s, place, ++order, block, text, transcript, source,
                                List.of("pain at the site of an uncertain diagnosis"), found);
                        break;
                    }
                }
            }
        }
    }

    /** Codes a problem statement through the Alphabetic Index; the rationale shows the path followed. */
    private int indexed(List<ClinicalTokens.Token> tokens, int[] words, Statement s, Place place, int order, String block,
                        String text, TranscriptEvidence.Index transcript, FoundCode.Source source, Map<String, FoundCode> found) {
        java.util.Optional<IndexLookup.Hit> hit = indexLookup.lookup(tokens.subList(words[0], words[1]),
                Specificity.side(tokens, 0, tokens.size(), block));
        if (hit.isEmpty()) {
            return order;
        }
        IndexLookup.Hit h = new IndexLookup.Hit(hit.get().code(), hit.get().path(), hit.get().from() + words[0], hit.get().to() + words[0]);
        if (Certainty.of(tokens, s.text(), h.from()) != Certainty.Status.ASSERTED || Certainty.namesAProcedure(tokens, h.to())
                || source == FoundCode.Source.DIALOGUE && (s.place() == Place.BODY || s.place() == Place.REASON) && complaint(h.code())) {
            return order;
        }
        SynonymTable.Entry entry = new SynonymTable.Entry(tokens.subList(h.from(), h.to()).stream().map(ClinicalTokens.Token::norm).toList(),
                List.of(h.code()), List.of(), complaint(h.code()) ? Kind.SYMPTOM : Kind.DX);
        if (PatientStatements.fromPatient(s) && entry.kind() == Kind.DX && !reportedInjury(h.path())
                && !PatientStatements.confirmedByClinician(entry.phrase(), clinicianSaid.get())) {
            return order;
        }
        add(entry, tokens, h.from(), h.to(), s, place, order + 1, block, text, transcript, source,
                List.of("Alphabetic Index: " + h.path()), found);
        return order + 1;
    }

    /**
     * An answer's words followed by what the question asked about ("My left elbow." to "Where's your pain?" reads
     * "my left elbow pain"); the added words take the span of the answer's last word, so evidence stays in the answer.
     */
    private static List<ClinicalTokens.Token> withAsked(List<ClinicalTokens.Token> tokens, String asked) {
        if (asked.isEmpty() || tokens.isEmpty()) {
            return tokens;
        }
        List<ClinicalTokens.Token> out = new ArrayList<>(tokens);
        ClinicalTokens.Token last = tokens.get(tokens.size() - 1);
        for (String w : ClinicalTokens.rawNorms(asked)) {
            out.add(new ClinicalTokens.Token(w, last.start(), last.end()));
        }
        return out;
    }

    /**
     * An injury anyone can see and tell (a cut, a bite, a burn: main terms in {@code coding/reported-injury-terms.txt}):
     * what happened to the patient, not a diagnosis the patient makes, so the patient's or a companion's account is
     * coded without the clinician's repeating it ("I think I have the flu" still needs the clinician).
     */
    private static boolean reportedInjury(String path) {
        String main = path.split(" -> ", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return REPORTED_INJURIES.contains(main);
    }

    private static final java.util.Set<String> REPORTED_INJURIES = java.util.Set.copyOf(CodingTables.rows(
            "/coding/reported-injury-terms.txt", CodingTables.resource("/coding/reported-injury-terms.txt"))
            .stream().map(r -> r.cols()[0].strip().toLowerCase(java.util.Locale.ROOT)).toList());

    /** Token range [from, to) of the words after a cue ("you have", "diagnosed with", the patient's "I've been having"); null if none. */
    private static int[] after(java.util.regex.Pattern cue, String text, List<ClinicalTokens.Token> tokens) {
        java.util.regex.Matcher m = cue.matcher(text);
        if (!m.find()) {
            return null;
        }
        int end = DialogueAssessment.windowEnd(text, m.end());
        int from = tokens.size();
        int to = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (from == tokens.size() && tokens.get(i).start() >= m.end()) {
                from = i;
            }
            if (tokens.get(i).start() >= end) {
                to = i;
                break;
            }
        }
        return from < to ? new int[] {from, to} : null;
    }

    private static final java.util.Set<String> SITE_DETERMINERS = java.util.Set.of("your", "his", "her", "their", "the",
            "my", "that", "this", "right", "left", "both");

    /** "Knee ..." opening a statement, "their knee", "that right knee": a body part, not "back" in "get back to work". */
    private static boolean namesTheSite(List<ClinicalTokens.Token> tokens, int i) {
        return i == 0 || SITE_DETERMINERS.contains(tokens.get(i - 1).norm());
    }

    /**
     * Per problem block, the diagnoses (by their code templates, so "arthritis" covers "osteoarthritis")
     * its reasoning text names only as uncertain ("consistent with", "likely"), never as asserted.
     */
    private Map<Integer, java.util.Set<List<String>>> hedgedOnly(List<Statement> statements) {
        Map<Integer, java.util.Set<List<String>>> uncertain = new java.util.HashMap<>();
        Map<Integer, java.util.Set<List<String>>> asserted = new java.util.HashMap<>();
        for (Statement s : statements) {
            if (s.place() == Place.HEADING) {
                continue;
            }
            List<ClinicalTokens.Token> tokens = ClinicalTokens.of(s.text());
            for (SynonymTable.Match m : synonyms.find(tokens)) {
                Certainty.Status status = Certainty.of(tokens, s.text(), m.from());
                (status == Certainty.Status.UNCERTAIN ? uncertain : asserted)
                        .computeIfAbsent(s.block(), b -> new java.util.HashSet<>()).add(m.entry().templates());
            }
        }
        uncertain.forEach((block, phrases) -> phrases.removeAll(asserted.getOrDefault(block, java.util.Set.of())));
        return uncertain;
    }

    /** The words as said, without hesitations and punctuation: "acute lumbar, um, strain" -> "acute lumbar strain". */
    private static String spokenWords(String text, List<ClinicalTokens.Token> tokens) {
        // words rewritten from one spoken form share its span: said once
        return String.join(" ", tokens.stream().map(t -> text.substring(t.start(), t.end())).distinct().toList());
    }

    /** Resolves one matched entry (side, trimester, episode, refinements) and merges its codes. */
    private void add(SynonymTable.Entry entry, List<ClinicalTokens.Token> tokens, int from, int to, Statement s,
                     Place place, int order, String block, String text, TranscriptEvidence.Index transcript,
                     FoundCode.Source source, List<String> extraNotes, Map<String, FoundCode> found) {
        Specificity.Side side = Specificity.side(tokens, from, to, block);
        if (side == Specificity.Side.UNSPECIFIED && transcript != null) {
            // A note may drop the side the conversation gave ("right ankle sprain" -> "Ankle sprain").
            side = transcript.sideNear(entry.phrase());
        }
        boolean lateral = entry.templates().stream().anyMatch(t -> t.contains("{lat}"));
        boolean limb = entry.templates().stream().anyMatch(t -> t.startsWith("S") || t.startsWith("M"));
        if (side == Specificity.Side.UNSPECIFIED && transcript != null && lateral && limb) {
            // An injury or joint problem of one side talked about throughout ("my left foot", "your left
            // foot") is on that side; other lateral codes (eyes, breasts, ...) need their own statement.
            side = transcript.dominantSide();
            if (side == Specificity.Side.UNSPECIFIED) {
                // both sides talked about (one examined for comparison): the side the complaint was first given for
                side = transcript.firstSideOfSite(entry.phrase());
            }
        }
        Specificity.Context context = new Specificity.Context(
                side,
                // the trimester is read (a scan of the whole text) only for the codes that carry one
                entry.templates().stream().anyMatch(t -> t.contains("{tri}") || t.startsWith("O") || t.startsWith("Z3"))
                        ? Specificity.trimester(s.text(), block, text) : 0,
                Specificity.episode(s.text(), block));
        Specificity.Resolved resolved = specificity.resolve(entry.templates(), entry.bilateral(), context);
        if (Certainty.historyOf(tokens, s.text(), from)) {
            // "history of colon cancer": a cancer treated and gone is its personal history (I.C.2.d), Z85
            resolved = new Specificity.Resolved(resolved.codes().stream().map(HistoryCodes::personal).distinct().toList(),
                    resolved.lostDetail());
        }
        int phraseStart = tokens.get(from).start();
        int phraseEnd = tokens.get(to - 1).end();
        String phrase = source == FoundCode.Source.DIALOGUE ? spokenWords(s.text(), tokens.subList(from, to))
                : s.text().substring(phraseStart, phraseEnd);
        List<Evidence> spoken = source == FoundCode.Source.DIALOGUE
                ? List.of(new Evidence(s.offset() + phraseStart, s.offset() + phraseEnd)) : List.of();
        for (String code : resolved.codes()) {
            List<String> notes = new ArrayList<>();
            String refined = refine(code, s.text(), context, notes);
            notes.addAll(0, detailNotes(refined, lateral ? context
                    : new Specificity.Context(Specificity.Side.UNSPECIFIED, context.trimester(), context.episode())));
            notes.addAll(extraNotes);
            FoundCode f = new FoundCode(refined, entry.kind(), place, order, phrase, resolved.lostDetail(), notes, source, spoken);
            found.merge(refined, f, FoundCode::better);
        }
    }

    private String refine(String code, String statement, Specificity.Context context, List<String> notes) {
        for (CodingRules.Refinement r : CodingRules.REFINEMENTS) {
            if (r.code().equals(code) && r.wording().matcher(statement).find()) {
                List<String> refined = specificity.resolve(List.of(r.refined()), List.of(), context).codes();
                if (refined.size() == 1) {
                    notes.add(r.why());
                    return refined.get(0);
                }
            }
        }
        return code;
    }

    private static List<String> detailNotes(String code, Specificity.Context context) {
        List<String> notes = new ArrayList<>();
        if (code.length() == 8 && (code.startsWith("S") || code.startsWith("T"))) {
            notes.add(switch (code.charAt(7)) {
                case 'D' -> "subsequent encounter";
                case 'S' -> "sequela";
                default -> "initial encounter";
            });
        }
        if (context.side() != Specificity.Side.UNSPECIFIED) {
            notes.add(context.side().name().toLowerCase(java.util.Locale.ROOT) + " side documented");
        }
        if (context.trimester() > 0 && (code.startsWith("O") || code.startsWith("Z34"))) {
            notes.add("trimester " + context.trimester());
        }
        return notes;
    }

    private void applyCombinations(Map<String, FoundCode> found) {
        for (CodingRules.Combination c : CodingRules.COMBINATIONS) {
            FoundCode target = found.get(c.replace());
            if (target != null && CodingRules.has(found, c.whenPresent()) && codeSet.isBillable(c.with())) {
                found.remove(c.replace());
                List<String> notes = new ArrayList<>(target.notes());
                notes.add(c.why());
                found.merge(c.with(), target.withCode(c.with(), notes), FoundCode::better);
            }
        }
    }

    private void dropConflicts(Map<String, FoundCode> found) {
        for (CodingRules.Conflict c : CodingRules.CONFLICTS) {
            java.util.Optional<String> keeper = found.keySet().stream()
                    .filter(k -> k.startsWith(c.keep()) && !k.startsWith(c.drop())).findFirst();
            if (keeper.isPresent()) {
                found.keySet().removeIf(k -> k.startsWith(c.drop()));
            }
        }
        // A code "unspecified" in its title gives way to a specified code of the same category
        // (guideline I.B.2: code to the highest specificity documented): M25.569 with M25.561, J45.909 with J45.20.
        // So does a "without complications" code when a complication of the same condition is documented
        // (E11.9 with E11.65). The specific code takes the better place of the two: it is the same problem.
        // Only a code that says the same thing more exactly: every word of the general title is in the specific one
        // (L97.509 "... unspecified foot ..." with L97.519 "... right foot ..."), so R11.10 vomiting stays beside R11.0 nausea.
        for (String k : List.copyOf(found.keySet())) {
            if (!found.containsKey(k) || !unspecified(k) && !withoutComplications(k)) {
                continue;
            }
            java.util.Optional<String> specific = found.keySet().stream()
                    .filter(o -> !o.equals(k) && o.regionMatches(0, k, 0, 3) && !withoutComplications(o)
                            && (withoutComplications(k) || unspecifiedCount(o) < unspecifiedCount(k))
                            && saysMoreExactly(o, k))
                    .findFirst();
            if (specific.isPresent()) {
                FoundCode general = found.remove(k);
                inherit(found, specific.get(), general, "more specific than the \"" + general.phrase() + "\" also stated");
            }
        }
    }

    /** {@code kept} takes {@code dropped}'s place when that ranks better (same problem, said more exactly). */
    private static void inherit(Map<String, FoundCode> found, String keptCode, FoundCode dropped, String why) {
        FoundCode kept = found.get(keptCode);
        if (FoundCode.better(kept, dropped) != dropped) {
            return;
        }
        List<String> notes = new ArrayList<>(kept.notes());
        notes.add(why);
        List<Evidence> spoken = new ArrayList<>(kept.spoken());
        spoken.addAll(dropped.spoken());
        found.put(keptCode, new FoundCode(kept.code(), kept.kind(), dropped.place(), dropped.order(),
                kept.phrase(), kept.lostDetail(), notes, dropped.source(), List.copyOf(spoken)));
    }

    private boolean withoutComplications(String code) {
        return codeSet.title(code).map(t -> t.toLowerCase(java.util.Locale.ROOT).contains("without complications")).orElse(false);
    }

    private static final java.util.Set<String> GENERAL_WORDS = java.util.Set.of("unspecified", "uncomplicated", "without",
            "complication", "of", "in", "with", "and", "or", "the", "site", "type", "other");

    /**
     * The general code is its category's residual ("M65.90", "E11.9", "J45.909": the category said with nothing
     * more, so any code of the category is more exact), or every content word of its title appears in the
     * specific code's title (L97.509 "... unspecified foot" and L97.519 "... right foot").
     */
    private boolean saysMoreExactly(String specific, String general) {
        if (general.length() > 4 && general.charAt(4) == '9') {
            return true;
        }
        java.util.Set<String> more = new java.util.HashSet<>(ClinicalTokens.rawNorms(codeSet.title(specific).orElse("")));
        return ClinicalTokens.rawNorms(codeSet.title(general).orElse("")).stream()
                .allMatch(w -> GENERAL_WORDS.contains(w) || more.contains(w));
    }

    private int unspecifiedCount(String code) {
        String t = codeSet.title(code).orElse("").toLowerCase(java.util.Locale.ROOT);
        return t.split("unspecified", -1).length - 1;
    }

    private boolean unspecified(String code) {
        return codeSet.title(code).map(t -> t.toLowerCase(java.util.Locale.ROOT).contains("unspecified")).orElse(false);
    }
}
