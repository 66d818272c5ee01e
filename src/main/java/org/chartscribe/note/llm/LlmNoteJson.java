package org.chartscribe.note.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.SoapPart;

/**
 * Reads the model's answer against the note schema the prompt and {@code response_format} ask for:
 * <pre>{@code
 * {"sections": {"subjective": [{"heading": "...", "text": "...", "evidence": ["verbatim quote", ...]}],
 *               "objective": [...], "assessment": [...], "plan": [...]},
 *  "icd10": [{"code": "M54.50", "rationale": "...", "evidence": ["..."]}]}
 * }</pre>
 * Anything else is {@link Invalid}, with a reason that names the schema path but never quotes the
 * answer (the reason goes back to the model in the repair attempt, and may be logged).
 */
final class LlmNoteJson {

    /** One section as the model wrote it: evidence still as quotes. */
    record Section(String heading, String text, List<String> quotes) {}

    /** One ICD-10-CM code as the model proposed it. */
    record Code(String code, String rationale, List<String> quotes) {}

    record Parsed(Map<SoapPart, List<Section>> sections, List<Code> icd10) {}

    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private LlmNoteJson() {}

    static Parsed read(String answer) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(withoutCodeFence(answer == null ? "" : answer));
        } catch (JsonProcessingException e) {
            throw new Invalid("the answer is not valid JSON" + (e.getLocation() == null ? ""
                    : " (parse error at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the answer must be one JSON object");
        }
        JsonNode sections = root.get("sections");
        if (sections == null || !sections.isObject()) {
            throw new Invalid("\"sections\" must be an object with subjective, objective, assessment and plan");
        }
        Map<SoapPart, List<Section>> out = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            out.put(part, sections(sections.get(part.key()), "sections." + part.key()));
        }
        return new Parsed(out, codes(root.get("icd10")));
    }

    private static List<Section> sections(JsonNode array, String path) throws Invalid {
        if (array == null || !array.isArray()) {
            throw new Invalid("\"" + path + "\" must be an array");
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String at = path + "[" + i + "]";
            if (!item.isObject()) {
                throw new Invalid("\"" + at + "\" must be an object");
            }
            String heading = string(item, "heading", at);
            if (heading.isBlank()) {
                throw new Invalid("\"" + at + ".heading\" must not be empty");
            }
            out.add(new Section(heading.strip(), string(item, "text", at).strip(), quotes(item, at)));
        }
        return out;
    }

    private static List<Code> codes(JsonNode array) throws Invalid {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new Invalid("\"icd10\" must be an array");
        }
        List<Code> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String at = "icd10[" + i + "]";
            if (!item.isObject()) {
                throw new Invalid("\"" + at + "\" must be an object");
            }
            JsonNode rationale = item.get("rationale");
            out.add(new Code(string(item, "code", at).strip(),
                    rationale != null && rationale.isTextual() ? rationale.asText().strip() : "",
                    quotes(item, at)));
        }
        return out;
    }

    private static String string(JsonNode item, String field, String at) throws Invalid {
        JsonNode value = item.get(field);
        if (value == null || !value.isTextual()) {
            throw new Invalid("\"" + at + "." + field + "\" must be a string");
        }
        return value.asText();
    }

    private static List<String> quotes(JsonNode item, String at) throws Invalid {
        JsonNode evidence = item.get("evidence");
        if (evidence == null || evidence.isNull()) {
            return List.of();
        }
        if (!evidence.isArray()) {
            throw new Invalid("\"" + at + ".evidence\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode quote : evidence) {
            if (!quote.isTextual()) {
                throw new Invalid("\"" + at + ".evidence\" must be an array of strings");
            }
            out.add(quote.asText());
        }
        return out;
    }

    /** Some models wrap JSON in a Markdown code fence even when told not to; that alone is not worth a repair. */
    private static String withoutCodeFence(String answer) {
        String s = answer.strip();
        if (s.startsWith("```")) {
            int firstLine = s.indexOf('\n');
            int close = s.lastIndexOf("```");
            if (firstLine > 0 && close > firstLine) {
                return s.substring(firstLine + 1, close);
            }
        }
        return s;
    }
}
