#!/usr/bin/env bash
# Synthesises the audio fixtures under src/test/resources/audio/ (committed; re-run only to change them):
# short clinical dictations and a two-speaker visit spoken by espeak-ng, converted with sox and ffmpeg
# into the six containers the audio endpoint accepts. Needs: apt-get install espeak-ng sox ffmpeg.
# The reference texts (references.tsv) are what was spoken: the benchmark scores recognition against them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/test/resources/audio
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

clinician_voice="en-us+m3"
patient_voice="en-us+f3"
rate=150

# say VOICE TEXT FILE: 16 kHz mono 16-bit WAV of TEXT
say() {
  espeak-ng -v "$1" -s "$rate" -w "$work/raw.wav" "$2"
  sox "$work/raw.wav" -r 16000 -c 1 -b 16 "$3"
}

# Dictations: the WER set. Plain clinical language a clinician dictates after a visit.
declare -a dictations=(
  "the patient reports lower back pain for two weeks after lifting a heavy box"
  "blood pressure is one forty over ninety and the heart rate is eighty two"
  "she has a cough and a fever since monday with no shortness of breath"
  "start ibuprofen four hundred milligrams three times a day with food"
  "the knee is swollen and tender with reduced range of motion"
  "he denies chest pain and the lungs are clear on examination"
  "diagnosis is type two diabetes and we will check the blood sugar again in three months"
  "follow up in two weeks or sooner if the headache gets worse"
)
: > "$out/references.tsv"
for i in "${!dictations[@]}"; do
  n=$((i + 1))
  say "$clinician_voice" "${dictations[$i]}" "$work/dictation-$n.wav"
  # FLAC: lossless and a third of the WAV size
  sox "$work/dictation-$n.wav" "$out/dictation-$n.flac"
  printf 'dictation-%s.flac\t%s\n' "$n" "${dictations[$i]}" >> "$out/references.tsv"
done

# The two-speaker visit: clinician and patient in turns, half a second apart.
declare -a turns=(
  "c|what brings you in today"
  "p|i have had a bad cough and a fever for three days"
  "c|do you have any chest pain or shortness of breath"
  "p|no chest pain but i feel tired"
  "c|your lungs are clear so i recommend rest and fluids"
)
sox -n -r 16000 -c 1 -b 16 "$work/gap.wav" trim 0 0.5
parts=()
for i in "${!turns[@]}"; do
  who=${turns[$i]%%|*}; text=${turns[$i]#*|}
  voice=$clinician_voice; [ "$who" = p ] && voice=$patient_voice
  say "$voice" "$text" "$work/turn-$i.wav"
  parts+=("$work/turn-$i.wav" "$work/gap.wav")
done
sox "${parts[@]}" "$work/dialogue.wav"
ffmpeg -loglevel error -y -i "$work/dialogue.wav" -c:a libopus -b:a 24k "$out/dialogue.ogg"
printf 'dialogue.ogg\t%s\n' "$(printf '%s ' "${turns[@]#*|}" | sed 's/ $//')" >> "$out/references.tsv"

# One dictation in every accepted container (MP3 with an ID3 tag, M4A, WAV, OGG Vorbis and Opus,
# WebM Opus, FLAC): the format tests decode and recognise each.
src="$work/dictation-2.wav"
cp "$src" "$out/format.wav"
ffmpeg -loglevel error -y -i "$src" -c:a libmp3lame -b:a 48k -id3v2_version 3 -metadata title=fixture "$out/format.mp3"
ffmpeg -loglevel error -y -i "$src" -c:a aac -b:a 48k "$out/format.m4a"
ffmpeg -loglevel error -y -i "$src" -c:a libvorbis -q:a 2 "$out/format-vorbis.ogg"
ffmpeg -loglevel error -y -i "$src" -c:a libopus -b:a 24k "$out/format-opus.ogg"
ffmpeg -loglevel error -y -i "$src" -c:a libopus -b:a 24k -f webm "$out/format.webm"
cp "$out/dictation-2.flac" "$out/format.flac"

# A recording that starts like an MP3 and then breaks off into noise: the corrupt-upload tests.
head -c 2000 "$out/format.mp3" > "$out/corrupt.mp3"
head -c 6000 /dev/urandom | tr -d '\377' >> "$out/corrupt.mp3"

du -ch "$out" | tail -1
