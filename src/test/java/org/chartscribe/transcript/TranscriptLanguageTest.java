package org.chartscribe.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.embedded.CsvRows;
import org.junit.jupiter.api.Test;

/**
 * The language heuristic flags consultations in other languages (written for this test) and no English
 * transcript or note: the team's fixtures always, and every ACI-Bench and MTS-Dialog dialogue and reference
 * note when the shared data sets sit next to the project (read in place, never copied).
 */
class TranscriptLanguageTest {
    private static final Map<String, String> OTHER_LANGUAGES = Map.ofEntries(
            Map.entry("es", "Doctor: Buenos días, ¿qué le trae hoy por aquí? Paciente: Tengo dolor en la parte baja de la espalda "
                    + "desde hace dos semanas. Doctor: ¿El dolor se extiende hacia las piernas? Paciente: No, solo está en la espalda."),
            Map.entry("fr", "Médecin : Bonjour, qu'est-ce qui vous amène aujourd'hui ? Patient : J'ai mal au dos depuis deux semaines. "
                    + "Médecin : Est-ce que la douleur descend dans les jambes ? Patient : Non, elle reste dans le bas du dos."),
            Map.entry("de", "Arzt: Guten Tag, was führt Sie heute zu mir? Patient: Ich habe seit zwei Wochen Schmerzen im unteren "
                    + "Rücken. Arzt: Strahlen die Schmerzen in die Beine aus? Patient: Nein, sie sind nur im Rücken."),
            Map.entry("pt", "Médico: Bom dia, o que o traz aqui hoje? Paciente: Estou com dor nas costas há duas semanas. Médico: "
                    + "A dor vai para as pernas? Paciente: Não, fica só nas costas e piora quando eu me abaixo."),
            Map.entry("it", "Medico: Buongiorno, cosa la porta qui oggi? Paziente: Ho mal di schiena da due settimane. Medico: Il "
                    + "dolore scende lungo le gambe? Paziente: No, è solo nella parte bassa della schiena e peggiora quando mi piego."),
            Map.entry("zh", "医生：你好，今天哪里不舒服？病人：我腰疼已经两个星期了，弯腰的时候更疼。医生：疼痛会放射到腿上吗？病人：不会，只是在下背部。"),
            Map.entry("ru", "Врач: Здравствуйте, что вас беспокоит? Пациент: У меня болит поясница уже две недели. Врач: Боль "
                    + "отдаёт в ноги? Пациент: Нет, болит только спина, особенно когда я наклоняюсь."),
            Map.entry("ar", "الطبيب: صباح الخير، ما الذي يزعجك اليوم؟ المريض: أعاني من ألم في أسفل الظهر منذ أسبوعين ويزداد عندما أنحني."),
            Map.entry("vi", "Bác sĩ: Chào anh, hôm nay anh bị sao vậy? Bệnh nhân: Tôi bị đau lưng dưới khoảng hai tuần nay. Bác sĩ: "
                    + "Cơn đau có lan xuống chân không? Bệnh nhân: Không, chỉ đau ở lưng thôi."),
            Map.entry("tl", "Doktor: Magandang umaga po, ano po ang nararamdaman ninyo? Pasyente: Masakit po ang likod ko mula pa "
                    + "noong dalawang linggo. Doktor: Umaabot po ba ang sakit sa mga binti? Pasyente: Hindi po, sa likod lang."),
            Map.entry("ht", "Doktè: Bonjou, kisa ki mennen ou isit la jodi a? Pasyan: Mwen gen doulè nan do mwen depi de semèn. "
                    + "Doktè: Èske doulè a desann nan janm ou? Pasyan: Non, se nan do a sèlman li ye."),
            Map.entry("pl", "Lekarz: Dzień dobry, co panu dolega? Pacjent: Od dwóch tygodni bolą mnie plecy w dolnej części. Lekarz: "
                    + "Czy ból promieniuje do nóg? Pacjent: Nie, boli tylko kręgosłup, szczególnie gdy się schylam."),
            Map.entry("nl", "Arts: Goedemorgen, wat brengt u hier vandaag? Patiënt: Ik heb al twee weken pijn onderin mijn rug. "
                    + "Arts: Straalt de pijn uit naar uw benen? Patiënt: Nee, het zit alleen in mijn rug en het is erger als ik buk."));

    @Test
    void consultationsInOtherLanguagesAreNotEnglish() {
        OTHER_LANGUAGES.forEach((language, text) -> assertThat(TranscriptLanguage.looksEnglish(text)).as(language).isFalse());
    }

    @Test
    void englishIncludingTerseDictationAndAPatientsSpanishWordsIsEnglish() throws IOException {
        for (String fixture : new String[] {"low-back-pain-np.txt", "asthma-follow-up.txt", "primary-care-1100-words.txt"}) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
                assertThat(TranscriptLanguage.looksEnglish(new String(in.readAllBytes(), StandardCharsets.UTF_8))).as(fixture).isTrue();
            }
        }
        assertThat(TranscriptLanguage.looksEnglish("Vitals: BP 128/82, HR 76, RR 16, T 98.6F, SpO2 98% RA. Lungs CTAB. Heart RRR, "
                + "no murmurs. Abdomen soft, NT/ND. Ext: no edema. Lumbar paraspinal TTP L4-S1, SLR negative bilaterally. "
                + "Neuro: CN II-XII intact. Strength 5/5 BLE. DTRs 2+ symmetric. Gait normal.")).isTrue();
        assertThat(TranscriptLanguage.looksEnglish("Doctor: Good morning, what brings you in today? Patient: Mi espalda, my back, "
                + "it hurts a lot since two weeks ago. Doctor: Does it go down your legs? Patient: No, just the low back.")).isTrue();
        assertThat(TranscriptLanguage.looksEnglish("Short: ok.")).isTrue();
    }

    @Test
    void noAciBenchOrMtsDialogTranscriptOrNoteIsFlagged() throws IOException {
        Path aci = Path.of("../shared/data/aci-bench/data/challenge_data");
        Path mts = Path.of("../shared/data/mts-dialog");
        assumeTrue(Files.isDirectory(aci) && Files.isDirectory(mts), "ACI-Bench or MTS-Dialog not present at " + aci + " and " + mts + " (layout: docs/EVALUATION.md, Reproducing these figures)");
        List<String> english = new ArrayList<>();
        for (String file : new String[] {"train.csv", "valid.csv"}) {
            for (Map<String, String> row : rows(aci.resolve(file))) {
                english.add(row.get("dialogue"));
                english.add(row.get("note"));
            }
        }
        try (var files = Files.walk(mts)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (Map<String, String> row : rows(file)) {
                    english.add(row.get("dialogue"));
                    english.add(row.get("section_text"));
                }
            }
        }
        assertThat(english).hasSizeGreaterThan(10_000);
        assertThat(english).filteredOn(text -> text != null && !TranscriptLanguage.looksEnglish(text)).isEmpty();
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        return Files.exists(csv) ? CsvRows.parse(Files.readString(csv, StandardCharsets.UTF_8)) : List.of();
    }
}
