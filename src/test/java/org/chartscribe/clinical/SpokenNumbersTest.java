package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpokenNumbersTest {

    private static Optional<String> value(String words) {
        return SpokenNumbers.value(List.of(words.split(" "))).map(BigDecimal::toPlainString);
    }

    @Test
    void wholeNumbers() {
        assertThat(value("seven")).contains("7");
        assertThat(value("forty two")).contains("42");
        assertThat(value("a hundred and two")).contains("102");
        assertThat(value("one hundred twenty")).contains("120");
        assertThat(value("twelve hundred")).contains("1200");
        assertThat(value("two thousand five hundred")).contains("2500");
    }

    @Test
    void clinicalHundredsShorthand() {
        assertThat(value("one forty")).contains("140");
        assertThat(value("two twenty five")).contains("225");
        assertThat(value("one oh five")).contains("105");
    }

    @Test
    void decimalsAreReadDigitByDigit() {
        assertThat(value("ninety eight point six")).contains("98.6");
        assertThat(value("point five")).contains("0.5");
        assertThat(value("seven point one five")).contains("7.15");
    }

    @Test
    void trapsAreNotNumbers() {
        assertThat(value("five six")).isEmpty();      // "five six times": two numbers, not 506
        assertThat(value("twenty twenty")).isEmpty();
        assertThat(value("and")).isEmpty();
        assertThat(value("seven and")).isEmpty();
        assertThat(value("point")).isEmpty();
        assertThat(value("ninety eight point")).isEmpty();
        assertThat(value("one and two")).isEmpty();
        assertThat(value("five hundred five hundred")).isEmpty();
    }

    @Test
    void normalizedTextRewritesNumbersAndMapsOffsetsBack() {
        String said = "BP was one forty over ninety, temp Ninety-Eight point six.";
        NormalizedText nt = NormalizedText.of(said);
        assertThat(nt.text()).isEqualTo("bp was 140 over 90, temp 98.6.");
        int at = nt.text().indexOf("140");
        assertThat(said.substring(nt.originalStart(at), nt.originalEnd(at + 3))).isEqualTo("one forty");
        int temp = nt.text().indexOf("98.6");
        assertThat(said.substring(nt.originalStart(temp), nt.originalEnd(temp + 4))).isEqualTo("Ninety-Eight point six");
    }

    @Test
    void loneArticlesAndPronounsStayWords() {
        assertThat(NormalizedText.of("a six out of ten").text()).isEqualTo("a 6 out of 10");
        assertThat(NormalizedText.of("a point and a half").text()).isEqualTo("a point and a half");
        assertThat(NormalizedText.of("oh well").text()).isEqualTo("oh well");
        assertThat(NormalizedText.of("five hundred five hundred milligrams").text()).isEqualTo("500 500 milligrams");
    }
}
