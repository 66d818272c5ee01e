package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.PresentingProblem;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/**
 * The visit's complaint in the problem list. A clinician's assessment always answers the reason the patient
 * came: when no problem read from the conversation is about the complaint's body site (only "Diabetes." read
 * in a visit for right knee pain), the complaint itself is the first problem ("Right knee pain."); a diagnosis
 * only raised as possible and said without a site is charted with the complaint it may explain ("Right knee
 * pain, possible strain."), the way clinicians write an unconfirmed diagnosis (and coders code it, guideline
 * IV.H: the symptom, not the suspected condition). Only complaints that have a site: a headache or a cough
 * explained by a diagnosis is not a problem of its own.
 */
final class ComplaintInAssessment {

    /** Conditions that explain a complaint at a site their name does not say. */
    private static final Map<String, List<String>> EXPLAINS = Map.of(
            "kidney stone", List.of("back", "lower back", "flank", "abdomen", "groin"),
            "nephrolithiasis", List.of("back", "lower back", "flank", "abdomen", "groin"),
            "pyelonephritis", List.of("back", "lower back", "flank"),
            "esophagitis", List.of("chest", "abdomen"),
            "gerd", List.of("chest", "abdomen"),
            "reflux", List.of("chest", "abdomen"),
            "gastritis", List.of("abdomen"),
            "sciatica", List.of("back", "lower back", "leg"),
            "radiculopathy", List.of("back", "lower back", "neck", "arm", "leg"),
            "carpal tunnel", List.of("wrist", "hand"));

    private ComplaintInAssessment() {}

    /** The problems with the complaint answered; the list itself when it already is, or there is no complaint with a site. */
    static List<ProblemList.Problem> answered(List<ProblemList.Problem> problems, EncounterFacts facts, int region) {
        PresentingProblem complaint = facts.complaint();
        if (complaint == null || complaint.site() == null || complaint.complaint().equals(complaint.symptom())) {
            return problems;
        }
        String site = complaint.site().site();
        if (problems.stream().anyMatch(p -> about(p, site, complaint.symptom()))) {
            return problems;
        }
        String said = ClinicalGrammar.capitalise(facts.complaintLabel());
        List<ProblemList.Problem> out = new ArrayList<>(problems);
        for (int i = 0; i < out.size(); i++) {
            ProblemList.Problem p = out.get(i);
            if (!unsited(p)) {
                continue;
            }
            if (p.certainty() == ProblemList.Certainty.FIRM) {
                // "Arthritis." in a visit for right big toe pain: the arthritis of that toe
                out.set(i, new ProblemList.Problem(p.key(), p.name() + ", " + sited(complaint.site()), p.certainty(),
                        p.status(), p.addressedAt(), p.anchors(), p.evidence()));
            } else {
                String hedge = p.certainty() == ProblemList.Certainty.LIKELY ? "likely " : "possible ";
                out.set(i, new ProblemList.Problem(p.key(), said + ", " + hedge + lowerFirst(p.name()),
                        ProblemList.Certainty.FIRM, p.status(), p.addressedAt(), p.anchors(), p.evidence()));
            }
            return out;
        }
        List<Integer> anchors = anchors(facts, region, site);
        out.add(0, new ProblemList.Problem(complaint.complaint().toLowerCase(Locale.ROOT), said,
                ProblemList.Certainty.FIRM, null, anchors.get(0), anchors,
                List.of(new Evidence(complaint.start(), complaint.end()))));
        return out;
    }

    /** Conditions that explain swelling of the legs wherever it is said. */
    private static final List<String> EXPLAIN_SWELLING = List.of("heart failure", "edema", "venous insufficiency",
            "lymphedema", "nephrotic", "kidney disease", "cellulitis", "thrombosis");

    /** Whether the problem is about the complaint: its site (or a part of it) named, implied or explained. */
    private static boolean about(ProblemList.Problem p, String site, String symptom) {
        String name = p.name().toLowerCase(Locale.ROOT);
        if (!symptom.equals("pain") && name.contains(symptom)
                || symptom.equals("swelling") && EXPLAIN_SWELLING.stream().anyMatch(name::contains)) {
            return true;
        }
        List<String> sites = new ArrayList<>(sitesIn(name));
        EXPLAINS.forEach((condition, explained) -> {
            if (name.contains(condition)) {
                sites.addAll(explained);
            }
        });
        return sites.stream().anyMatch(s -> BodySite.within(s, site) || BodySite.within(site, s)
                || s.endsWith(" " + site) || site.endsWith(" " + s));
    }

    /** A condition that belongs at a site but was said without one ("strain"). */
    private static boolean unsited(ProblemList.Problem p) {
        String name = p.name().toLowerCase(Locale.ROOT);
        return ProblemList.SITEABLE.matcher(name).find() && !ProblemList.SITE_IN_NAME.matcher(name).find()
                && sitesIn(name).isEmpty();
    }

    /** The sites a problem's name says or implies ("Arthritis, right knee": knee; "lateral epicondylitis": elbow). */
    private static List<String> sitesIn(String lowerName) {
        List<String> sites = new ArrayList<>(ImpliedSites.of(lowerName));
        ClinicalExtractor.bodySites(lowerName).forEach(b -> sites.add(b.site()));
        return sites;
    }

    /**
     * Where the clinician talks about the complaint's site in the assessment, so the plan items said there
     * are filed under it; without such a mention, the start of the assessment.
     */
    private static List<Integer> anchors(EncounterFacts facts, int region, String site) {
        List<Integer> out = new ArrayList<>();
        for (Sentence s : facts.sentences()) {
            if (s.start() >= region && ProblemList.clinician(s)) {
                int at = s.text().toLowerCase(Locale.ROOT).indexOf(site);
                if (at >= 0) {
                    out.add(s.start() + at);
                }
            }
        }
        return out.isEmpty() ? List.of(region) : out;
    }

    /** The complaint's site with its side ("right big toe"). */
    private static String sited(BodySite site) {
        return site.laterality() == null ? site.site()
                : site.laterality().name().toLowerCase(Locale.ROOT) + " " + site.site();
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
