package org.chartscribe.audio;

/**
 * A recording that cannot be made into a note. The message says what was wrong in words of our own
 * and never quotes the file (nor ffmpeg's output, which can carry tags such as a patient's name).
 */
public final class AudioRejected extends RuntimeException {
    public enum Reason {
        /** zero bytes */
        EMPTY,
        /** not one of the accepted containers */
        UNSUPPORTED_FORMAT,
        /** starts like an accepted container but cannot be decoded */
        CORRUPT,
        /** longer than the configured duration limit */
        TOO_LONG,
        /** decoded, but nothing was recognised as speech */
        NO_SPEECH
    }

    private final Reason reason;

    public AudioRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
