package org.chartscribe.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.traffic.InFlightLimits.Entry;
import org.junit.jupiter.api.Test;

class InFlightLimitsTest {

    @Test
    void oneAddressGetsNoMoreThanItsShareAndOthersAreUnaffected() {
        InFlightLimits limits = new InFlightLimits(10, 2);
        assertThat(limits.enter("203.0.113.7")).isEqualTo(Entry.ADMITTED);
        assertThat(limits.enter("203.0.113.7")).isEqualTo(Entry.ADMITTED);
        assertThat(limits.enter("203.0.113.7")).isEqualTo(Entry.ADDRESS_BUSY);
        assertThat(limits.enter("198.51.100.1")).isEqualTo(Entry.ADMITTED);

        limits.leave("203.0.113.7");
        assertThat(limits.enter("203.0.113.7")).as("a slot is free again once a request is answered").isEqualTo(Entry.ADMITTED);
        assertThat(limits.inFlight("203.0.113.7")).isEqualTo(2);
    }

    @Test
    void allAddressesTogetherStopAtTheOverallLimitWithoutLeakingAddressSlots() {
        InFlightLimits limits = new InFlightLimits(3, 2);
        assertThat(limits.enter("10.0.0.1")).isEqualTo(Entry.ADMITTED);
        assertThat(limits.enter("10.0.0.2")).isEqualTo(Entry.ADMITTED);
        assertThat(limits.enter("10.0.0.3")).isEqualTo(Entry.ADMITTED);
        assertThat(limits.enter("10.0.0.4")).isEqualTo(Entry.SERVER_BUSY);
        assertThat(limits.inFlight("10.0.0.4")).as("a refused request holds nothing").isZero();

        limits.leave("10.0.0.1");
        assertThat(limits.inFlight("10.0.0.1")).isZero();
        assertThat(limits.enter("10.0.0.4")).isEqualTo(Entry.ADMITTED);
    }

    @Test
    void zeroSwitchesALimitOff() {
        InFlightLimits limits = new InFlightLimits(0, 0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(limits.enter("10.0.0.1")).isEqualTo(Entry.ADMITTED);
        }
    }
}
