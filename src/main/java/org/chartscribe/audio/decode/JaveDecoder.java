package org.chartscribe.audio.decode;

import java.nio.file.Path;
import org.chartscribe.audio.AudioDecoder;
import org.chartscribe.audio.AudioRejected;
import ws.schild.jave.Encoder;
import ws.schild.jave.EncoderException;
import ws.schild.jave.MultimediaObject;
import ws.schild.jave.encode.AudioAttributes;
import ws.schild.jave.encode.EncodingAttributes;
import ws.schild.jave.info.MultimediaInfo;

/**
 * Decodes with the ffmpeg binary shipped in the JAVE native jar (no system ffmpeg needed). ffmpeg writes
 * the PCM straight to a file, so a two-hour recording never sits in memory. ffmpeg's messages are never
 * passed on: they can quote the file's tags.
 */
public final class JaveDecoder implements AudioDecoder {
    private static final int SAMPLE_RATE = 16_000;

    @Override
    public long durationMs(Path audio) {
        MultimediaInfo info;
        try {
            info = new MultimediaObject(audio.toFile()).getInfo();
        } catch (EncoderException | RuntimeException e) {
            throw corrupt();
        }
        if (info.getAudio() == null) {
            throw corrupt();
        }
        return info.getDuration() < 0 ? -1 : info.getDuration();
    }

    @Override
    public void toPcmWav(Path audio, Path pcmWav, long maxMs) {
        AudioAttributes pcm = new AudioAttributes();
        pcm.setCodec("pcm_s16le");
        pcm.setChannels(1);
        pcm.setSamplingRate(SAMPLE_RATE);
        EncodingAttributes attributes = new EncodingAttributes();
        attributes.setOutputFormat("wav");
        attributes.setAudioAttributes(pcm);
        attributes.setMapMetaData(false);
        attributes.setDuration(maxMs / 1000f);
        try {
            new Encoder().encode(new MultimediaObject(audio.toFile()), pcmWav.toFile(), attributes);
        } catch (EncoderException | RuntimeException e) {
            throw corrupt();
        }
    }

    private static AudioRejected corrupt() {
        return new AudioRejected(AudioRejected.Reason.CORRUPT,
                "The audio could not be decoded: the file is damaged or incomplete.");
    }
}
