package org.chartscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AudioContainerTest {
    @ParameterizedTest
    @CsvSource({"format.mp3,MP3", "format.m4a,M4A", "format.wav,WAV", "format-vorbis.ogg,OGG_VORBIS",
            "format-opus.ogg,OGG_OPUS", "format.webm,WEBM", "format.flac,FLAC", "dialogue.ogg,OGG_OPUS"})
    void recognisesEachFixtureByItsBytes(String file, AudioContainer expected) throws IOException {
        byte[] head = new byte[AudioContainer.HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/audio", file))) {
            n = in.readNBytes(head, 0, head.length);
        }
        assertThat(AudioContainer.sniff(head, n)).contains(expected);
    }

    @Test
    void refusesTextAdtsAacAndOggWithAnotherCodec() {
        assertThat(sniff("Patient reports chest pain.".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0, 0})).isEmpty(); // ADTS AAC
        assertThat(sniff("OggS\0\2........Speex   ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
    }

    @Test
    void acceptsABareMpegLayer3FrameWithoutId3() {
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64})).contains(AudioContainer.MP3);
    }

    private static Optional<AudioContainer> sniff(byte[] bytes) {
        return AudioContainer.sniff(bytes, bytes.length);
    }
}
