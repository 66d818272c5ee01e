package org.chartscribe.note.embedded;

import java.util.List;
import org.chartscribe.clinical.Allergy;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.Specialty;

/**
 * The allergies heading holds what the patient reacts to. A sentence the heading's cues would put
 * there ("an allergic reaction", "hives") stays out when no allergy of this patient was read from it:
 * a syndrome explained in general terms, or a patient's worried question, charted as an allergy is a
 * wrong fact in the place a prescriber trusts most.
 */
final class AllergyStatements {

    private AllergyStatements() {}

    static List<Classified> withoutOthersAllergies(List<Classified> items, Specialty specialty, EncounterFacts facts) {
        List<Allergy> allergies = facts.extraction().allergies();
        return items.stream().filter(item -> !looksLikeAnAllergy(item, specialty) || readFrom(item, allergies)).toList();
    }

    private static boolean looksLikeAnAllergy(Classified item, Specialty specialty) {
        if (!item.lookup().contains("allerg") && !item.lookup().contains("reaction")) {
            return false; // the cheap test first: the heading chooser scores every heading
        }
        return HeadingChooser.choose(specialty, item.part(), item).toLowerCase(java.util.Locale.ROOT).contains("allerg");
    }

    private static boolean readFrom(Classified item, List<Allergy> allergies) {
        for (Allergy allergy : allergies) {
            for (Evidence e : item.evidence()) {
                if (allergy.start() >= e.start() && allergy.start() < e.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
