import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tone each party's fake microphone plays: distinct frequencies, so who hears whom is measurable. */
export const TONES = [440, 660, 880] as const;
export type Tone = (typeof TONES)[number];

const SAMPLE_RATE = 48_000;

/**
 * A 48 kHz mono 16-bit PCM WAV of a sine at `frequency` (amplitude 0.5), written by the test
 * itself. Chromium loops the file as the fake microphone (--use-file-for-fake-audio-capture).
 * A whole number of periods per file keeps the loop seam click-free.
 */
export function writeToneWav(dir: string, frequency: number, seconds = 4): string {
  const samples = SAMPLE_RATE * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) {
    const value = Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE));
    data.writeInt16LE(value, i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  const path = join(dir, `tone-${frequency}.wav`);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}
