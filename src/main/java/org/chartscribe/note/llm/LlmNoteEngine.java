package org.chartscribe.note.llm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteEngine;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteStream;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;

/**
 * The LLM note engine, in plain Java over the {@link LlmClient} port: prompt from resources, one
 * model call, the answer read against the note schema (one repair attempt when it is not valid),
 * evidence quotes turned into transcript offsets, every fact checked against the transcript
 * ({@link Grounding}) and proposed codes against the code set ({@link ProposedCodes}).
 *
 * <p>A transcript that would not fit the model's context is refused with {@code TOO_LONG} before any
 * call: truncating it would silently drop part of the encounter from the note.
 */
public final class LlmNoteEngine implements NoteEngine {

    public static final String EVIDENCE_NOT_FOUND = "EVIDENCE_NOT_FOUND";
    /** A conservative characters-per-token figure for English clinical text (numbers and drug names split finely). */
    static final double CHARS_PER_TOKEN = 3.0;

    /**
     * @param contextTokens   the model's context window as configured: prompt plus answer must fit
     * @param maxOutputTokens the answer's token limit, reserved out of the context
     */
    public record Limits(int contextTokens, int maxOutputTokens) {
        public Limits {
            if (maxOutputTokens <= 0 || contextTokens <= maxOutputTokens) {
                throw new IllegalArgumentException("the context budget must exceed the output token limit");
            }
        }
    }

    private final LlmClient client;
    private final PromptLibrary prompts;
    private final Icd10CodeSet codeSet;
    private final Limits limits;

    public LlmNoteEngine(LlmClient client, PromptLibrary prompts, Icd10CodeSet codeSet, Limits limits) {
        this.client = client;
        this.prompts = prompts;
        this.codeSet = codeSet;
        this.limits = limits;
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("llm", client.model());
    }

    @Override
    public DraftNote generate(NoteRequest request) {
        return generate(request, content -> { });
    }

    /**
     * Streamed: the model's answer is requested as a stream and each headed section goes to
     * {@code stream} as soon as its JSON is complete ({@link StreamedNoteJson}); the finished answer is
     * then read, repaired, grounded and checked exactly as unstreamed.
     */
    @Override
    public DraftNote generate(NoteRequest request, NoteStream stream) {
        Map<SoapPart, List<String>> headings = PromptLibrary.headings(request.specialty(), request.template());
        StreamedNoteJson preview = new StreamedNoteJson(stream, headings);
        return write(request, messages -> client.stream(messages, preview, stream::cancelled));
    }

    /** As {@link #generate(NoteRequest)}, handing the model's content to {@code partial} as it arrives. */
    public DraftNote generate(NoteRequest request, Consumer<String> partial) {
        return write(request, messages -> client.complete(messages, partial));
    }

    private DraftNote write(NoteRequest request, java.util.function.Function<List<LlmMessage>, String> firstCall) {
        List<LlmMessage> messages = prompts.messages(request);
        checkBudget(messages);
        LlmNoteJson.Parsed parsed = ask(messages, firstCall);
        QuoteLocator quotes = new QuoteLocator(request.transcript());
        List<NoteWarning> warnings = new ArrayList<>();
        Map<SoapPart, List<String>> headings = PromptLibrary.headings(request.specialty(), request.template());
        Map<SoapPart, List<NoteSection>> sections = sections(parsed, headings, quotes, warnings);
        warnings.addAll(Grounding.check(request.transcript(), sections));
        BillingCodes codes = null;
        if (request.includeBillingCodes()) {
            ProposedCodes.Result checked = ProposedCodes.check(parsed.icd10(), codeSet, quotes);
            warnings.addAll(checked.warnings());
            codes = new BillingCodes(checked.accepted(), List.of(), new BillingCodes.CodeSets(codeSet.label(), null));
        }
        return new DraftNote(sections, warnings, info(), codes);
    }

    private void checkBudget(List<LlmMessage> messages) {
        long chars = messages.stream().mapToLong(m -> m.text().length()).sum();
        long estimated = (long) Math.ceil(chars / CHARS_PER_TOKEN);
        long available = limits.contextTokens() - limits.maxOutputTokens();
        if (estimated > available) {
            throw new EngineFailedException(EngineFailedException.Failure.TOO_LONG, "the transcript with its prompt "
                    + "needs about " + estimated + " tokens, more than the " + available + " the model's context budget "
                    + "leaves after reserving " + limits.maxOutputTokens() + " for the note (context budget "
                    + limits.contextTokens() + " tokens); it was not truncated, because that would leave part of the "
                    + "encounter out of the note. Split the encounter, use the embedded engine, or raise the budget for "
                    + "a model with a larger context");
        }
    }

    /** One call; an unusable answer gets one repair attempt, in the same conversation, with the reason. */
    private LlmNoteJson.Parsed ask(List<LlmMessage> messages, java.util.function.Function<List<LlmMessage>, String> firstCall) {
        String answer = firstCall.apply(messages);
        try {
            return LlmNoteJson.read(answer);
        } catch (LlmNoteJson.Invalid first) {
            List<LlmMessage> retry = new ArrayList<>(messages);
            retry.add(LlmMessage.assistant(answer == null ? "" : answer));
            retry.add(prompts.repair(first.getMessage()));
            String repaired = client.complete(retry, content -> { });
            try {
                return LlmNoteJson.read(repaired);
            } catch (LlmNoteJson.Invalid second) {
                throw new EngineFailedException(EngineFailedException.Failure.BAD_OUTPUT,
                        "the model did not answer with a valid note, also after one repair attempt: " + second.getMessage());
            }
        }
    }

    private static Map<SoapPart, List<NoteSection>> sections(LlmNoteJson.Parsed parsed,
                                                             Map<SoapPart, List<String>> headings, QuoteLocator quotes,
                                                             List<NoteWarning> warnings) {
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            List<NoteSection> list = new ArrayList<>();
            for (LlmNoteJson.Section s : parsed.sections().get(part)) {
                List<Evidence> evidence = new ArrayList<>();
                int missing = 0;
                for (String quote : s.quotes()) {
                    var found = quotes.locate(quote);
                    if (found.isPresent()) {
                        if (!evidence.contains(found.get())) {
                            evidence.add(found.get());
                        }
                    } else {
                        missing++;
                    }
                }
                if (missing > 0) {
                    warnings.add(new NoteWarning(EVIDENCE_NOT_FOUND, part.key(), missing + " evidence quote"
                            + (missing == 1 ? "" : "s") + " for \"" + s.heading() + "\" not found in the transcript "
                            + (missing == 1 ? "was" : "were") + " dropped; the section's support is unverified."));
                }
                list.add(new NoteSection(canonical(s.heading(), headings.get(part)), s.text(), evidence));
            }
            out.put(part, list);
        }
        return out;
    }

    /** "vital signs:" is the specialty's "Vital Signs"; a heading of the model's own is kept as written. */
    static String canonical(String heading, List<String> known) {
        String bare = heading.replaceAll("[:\\s]+$", "");
        return known.stream().filter(k -> k.equalsIgnoreCase(bare)).findFirst().orElse(heading);
    }
}
