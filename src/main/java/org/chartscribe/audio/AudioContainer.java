package org.chartscribe.audio;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The recording formats accepted, recognised by their first bytes (never by file name or declared
 * type: phones and browsers label the same file differently, and a renamed text file must not pass).
 */
public enum AudioContainer {
    MP3("MP3"), M4A("MP4/M4A"), WAV("WAV"), OGG_VORBIS("Ogg Vorbis"), OGG_OPUS("Ogg Opus"), WEBM("WebM"), FLAC("FLAC");

    /** How many leading bytes {@link #sniff} wants to see (an Ogg page header and its first packet). */
    public static final int HEAD_BYTES = 512;

    private final String label;

    AudioContainer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The container the bytes start like, or empty when they look like none of the accepted ones. */
    public static Optional<AudioContainer> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0, "ID3") || isMpegAudioFrame(head, length)) {
            return Optional.of(MP3);
        }
        if (startsWith(head, length, 4, "ftyp")) {
            return Optional.of(M4A);
        }
        if (startsWith(head, length, 0, "RIFF") && startsWith(head, length, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (startsWith(head, length, 0, "fLaC")) {
            return Optional.of(FLAC);
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45
                && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3) {
            return Optional.of(WEBM); // EBML: WebM or Matroska audio
        }
        if (startsWith(head, length, 0, "OggS")) {
            // The first page carries the codec's identification header right after the segment table.
            if (contains(head, length, "OpusHead")) {
                return Optional.of(OGG_OPUS);
            }
            if (contains(head, length, "\u0001vorbis")) {
                return Optional.of(OGG_VORBIS);
            }
        }
        return Optional.empty();
    }

    /** An MPEG-1/2 layer III frame header without an ID3 tag (ADTS AAC has layer bits 00 and is refused). */
    private static boolean isMpegAudioFrame(byte[] head, int length) {
        if (length < 4 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (head[1] >> 3) & 0x03;
        int layer = (head[1] >> 1) & 0x03;
        int bitrate = (head[2] >> 4) & 0x0F;
        int sampleRate = (head[2] >> 2) & 0x03;
        return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && sampleRate != 3;
    }

    private static boolean startsWith(byte[] head, int length, int offset, String ascii) {
        byte[] want = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (length < offset + want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (head[offset + i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] head, int length, String ascii) {
        byte[] want = ascii.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at + want.length <= length; at++) {
            if (startsWith(head, length, at, ascii)) {
                return true;
            }
        }
        return false;
    }
}
