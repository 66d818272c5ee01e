package org.chartscribe.ids;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.f4b6a3.ulid.Ulid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsMadeBackToBackKeepTheNoteFormatButShareNothingPredictable() {
        RandomIds ids = RandomIds.withPrefix("note_");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.get());
        }
        assertThat(made).allMatch(id -> id.matches("note_[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(new HashSet<>(made)).hasSize(made.size());
        // Monotonic ULIDs made in the same millisecond share their first 10 characters (the timestamp)
        // and differ by one; random ids do neither.
        long sharedTimestamp = 0;
        long successors = 0;
        for (int i = 1; i < made.size(); i++) {
            String previous = made.get(i - 1).substring(5);
            String next = made.get(i).substring(5);
            if (previous.substring(0, 10).equals(next.substring(0, 10))) {
                sharedTimestamp++;
            }
            BigInteger step = new BigInteger(1, Ulid.from(next).toBytes())
                    .subtract(new BigInteger(1, Ulid.from(previous).toBytes()));
            if (step.abs().compareTo(BigInteger.valueOf(1L << 20)) < 0) {
                successors++;
            }
        }
        assertThat(sharedTimestamp).isZero();
        assertThat(successors).isZero();
    }

    @Test
    void eachIdCarriesAllOf128Bits() {
        RandomIds ids = RandomIds.withPrefix("req_");
        // The leading character holds the top 3 bits: over many ids every value 0-7 shows up.
        HashSet<Character> leading = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            leading.add(ids.get().charAt(4));
        }
        assertThat(leading).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7');
    }
}
