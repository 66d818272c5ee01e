package org.chartscribe.audio;

import java.nio.file.Path;

/** Decodes an accepted container to what the recognisers read: 16 kHz mono 16-bit PCM in a WAV file. */
public interface AudioDecoder {
    /** Bytes of PCM per millisecond at 16 kHz, mono, 16 bit. */
    int PCM_BYTES_PER_MS = 32;
    /** A canonical WAV header. */
    int WAV_HEADER_BYTES = 44;

    /**
     * The recording's length read from its headers without decoding it, or -1 when the container does
     * not say (a browser's WebM often does not); {@link AudioRejected} CORRUPT when it cannot be read.
     */
    long durationMs(Path audio);

    /**
     * Writes {@code pcmWav}, at most {@code maxMs} of it (so a recording without a length in its headers
     * cannot run past the limit); {@link AudioRejected} CORRUPT when the stream cannot be decoded.
     */
    void toPcmWav(Path audio, Path pcmWav, long maxMs);
}
