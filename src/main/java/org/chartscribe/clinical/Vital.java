package org.chartscribe.clinical;

import java.math.BigDecimal;

/**
 * A vital sign as said in the text at [start, end). {@code value} is in {@code unit}; blood pressure
 * has the systolic in {@code value} and the diastolic in {@code second}; pain is a 0-10 score; height
 * said in feet and inches is given in inches.
 */
public record Vital(Kind kind, BigDecimal value, BigDecimal second, String unit, int start, int end) {

    public enum Kind {
        BLOOD_PRESSURE, HEART_RATE, RESPIRATORY_RATE, TEMPERATURE, OXYGEN_SATURATION, WEIGHT, HEIGHT, BMI, PAIN
    }

    /** Compact chart form: "140/90 mmHg", "98.6 F", "6/10". */
    public String display() {
        return switch (kind) {
            case BLOOD_PRESSURE -> value.toPlainString() + "/" + second.toPlainString() + " " + unit;
            case PAIN -> value.toPlainString() + "/10";
            case OXYGEN_SATURATION -> value.toPlainString() + "%";
            default -> value.toPlainString() + " " + unit;
        };
    }
}
