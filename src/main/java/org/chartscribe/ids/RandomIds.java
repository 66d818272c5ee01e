package org.chartscribe.ids;

import com.github.f4b6a3.ulid.Ulid;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Ids that carry 128 bits from a {@link SecureRandom} and nothing else, written as 26 Crockford base32
 * characters after a prefix ({@code note_01J...}): the shape ULIDs had, so stored ids and the routes'
 * patterns keep working. A monotonic ULID is a timestamp plus a counter, so one id (a public request id,
 * say) predicts the next note's; these share no state, and each kind of id gets its own generator.
 */
public final class RandomIds implements Supplier<String> {
    private final String prefix;
    private final SecureRandom random = new SecureRandom();

    private RandomIds(String prefix) {
        this.prefix = prefix;
    }

    public static RandomIds withPrefix(String prefix) {
        return new RandomIds(prefix);
    }

    @Override
    public String get() {
        return prefix + new Ulid(random.nextLong(), random.nextLong());
    }
}
