package org.chartscribe.note.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model answers in the note schema, written for the low-back-pain fixture (a faithful one, and ones
 * with invented facts or codes), for the engine's unit tests and the replayed-provider ITs.
 */
public final class ModelAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelAnswers() {}

    public static String lowBackPainTranscript() {
        try (InputStream in = ModelAnswers.class.getResourceAsStream("/fixtures/low-back-pain-np.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> section(String heading, String text, String... quotes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("heading", heading);
        s.put("text", text);
        s.put("evidence", List.of(quotes));
        return s;
    }

    public static Map<String, Object> code(String code, String rationale, String... quotes) {
        return Map.of("code", code, "rationale", rationale, "evidence", List.of(quotes));
    }

    /** A faithful note of the low-back-pain fixture: every fact is in the transcript. */
    public static Map<String, List<Map<String, Object>>> lowBackPainSections() {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("subjective", new ArrayList<>(List.of(
                section("Chief Complaint", "Low back pain for about three weeks.",
                        "My lower back has been hurting for about three weeks now."),
                section("History of Present Illness", "Onset after helping move a couch. The pain does not radiate "
                                + "and is worse with bending and prolonged sitting, rated 6/10. Denies numbness, tingling, "
                                + "weakness, and bladder or bowel problems.",
                        "It started after I helped my brother move a couch.",
                        "it's about a six out of ten"),
                section("Medications", "Ibuprofen 400 mg a couple of times a day; heating pad.",
                        "I've been taking ibuprofen 400 mg a couple of times a day"),
                section("Allergies", "No known drug allergies.", "No known drug allergies."))));
        sections.put("objective", new ArrayList<>(List.of(
                section("Vital Signs", "BP 128/82, HR 76.", "Your blood pressure is 128/82 and your heart rate is 76."),
                section("Physical Examination", "Tenderness over the lumbar paraspinal muscles on both sides. Forward "
                                + "flexion limited by pain. Straight leg raise negative bilaterally. Strength 5/5 in both "
                                + "lower extremities; reflexes normal.",
                        // re-flowed and re-capitalised by the model: found case- and whitespace-insensitively
                        "there is tenderness over the lumbar   paraspinal muscles on both sides.",
                        "Straight leg raise is negative bilaterally."))));
        sections.put("assessment", new ArrayList<>(List.of(
                section("Assessment", "Mechanical low back pain, most likely a lumbar muscle strain.",
                        "I think this is mechanical low back pain, most likely a lumbar muscle strain."))));
        sections.put("plan", new ArrayList<>(List.of(
                section("Plan", "Continue ibuprofen 400 mg three times a day with food for the next two weeks. Heat, "
                                + "stay active, avoid heavy lifting.",
                        "continue ibuprofen 400 mg three times a day with food for the next two weeks"),
                section("Referrals", "Physical therapy for core strengthening.",
                        "I'm going to refer you to physical therapy for core strengthening."),
                section("Follow-up", "Follow up in 4 weeks, sooner if numbness, weakness or bladder problems develop.",
                        "Let's follow up in 4 weeks"))));
        return sections;
    }

    public static String answer(Map<String, List<Map<String, Object>>> sections, List<Map<String, Object>> icd10) {
        try {
            return JSON.writeValueAsString(Map.of("sections", sections, "icd10", icd10));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String lowBackPain() {
        return answer(lowBackPainSections(), List.of());
    }

    /** The faithful note with an invented drug and dose, an invented temperature, a side and a diagnosis. */
    public static String lowBackPainWithInventions() {
        Map<String, List<Map<String, Object>>> sections = lowBackPainSections();
        sections.get("objective").add(section("Results", "Temperature 101.2 F. Tenderness worse on the left.",
                "Forward flexion is limited by pain."));
        sections.get("assessment").add(section("Differential Diagnosis", "Type 2 diabetes mellitus.", "I think this is"));
        sections.get("plan").add(section("Medications", "Start lisinopril 20 mg daily and ibuprofen 76 mg.", "Sounds good, thank you."));
        return answer(sections, List.of());
    }

    /** The faithful note with codes: two billable, one not in the code set, one category. */
    public static String lowBackPainWithCodes() {
        return answer(lowBackPainSections(), List.of(
                code("M54.50", "low back pain", "mechanical low back pain"),
                code("s39012a", "lumbar muscle strain", "most likely a lumbar muscle strain"),
                code("Z99.999", "made up"),
                code("M54.5", "category only")));
    }
}
