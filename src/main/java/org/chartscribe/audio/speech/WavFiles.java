package org.chartscribe.audio.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.chartscribe.audio.AudioDecoder;

/** WAV framing for the PCM the recognisers read. */
public final class WavFiles {
    private WavFiles() {}

    /** 16 kHz mono 16-bit PCM with its WAV header. */
    public static byte[] wav(byte[] pcm) {
        ByteBuffer header = ByteBuffer.allocate(AudioDecoder.WAV_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length);
        byte[] out = new byte[AudioDecoder.WAV_HEADER_BYTES + pcm.length];
        System.arraycopy(header.array(), 0, out, 0, AudioDecoder.WAV_HEADER_BYTES);
        System.arraycopy(pcm, 0, out, AudioDecoder.WAV_HEADER_BYTES, pcm.length);
        return out;
    }
}
