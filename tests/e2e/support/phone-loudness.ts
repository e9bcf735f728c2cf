import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const SAMPLE_RATE = 48_000;

/**
 * A customer's voice that gets louder: a sine at `frequency`, `quietSeconds` at an amplitude
 * `stepDb` below 0.5, then `loudSeconds` at 0.5 (48 kHz mono 16-bit WAV). Chromium loops the file
 * as the fake microphone, so the whole cycle (quiet, loud) must outlast the test's call.
 */
export function writeQuietThenLoudWav(dir: string, frequency: number, opts: { quietSeconds: number; loudSeconds: number; stepDb: number }): string {
  const loud = 0.5;
  const quiet = loud * 10 ** (-opts.stepDb / 20);
  const quietSamples = SAMPLE_RATE * opts.quietSeconds;
  const samples = quietSamples + SAMPLE_RATE * opts.loudSeconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) {
    const amplitude = i < quietSamples ? quiet : loud;
    data.writeInt16LE(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  const path = join(dir, `voice-${frequency}-quiet-${opts.quietSeconds}s-then-${opts.stepDb}db-louder.wav`);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

export interface AudioCueSeen {
  kind: string;
  at: number;
  line: number;
  callId: string;
  baselineDb: number | null;
  levelDb: number | null;
}

/**
 * Before the console opens: keeps every audio cue the console marks (the `guidance.audio-cue`
 * User Timing mark, whose detail is the cue), as a DevTools trace would show them.
 */
export async function recordAudioCues(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __kalmaCues: unknown[] }).__kalmaCues = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'guidance.audio-cue') seen.push((entry as PerformanceMark).detail);
    }).observe({ type: 'mark' });
  });
}

export function audioCues(page: Page): Promise<AudioCueSeen[]> {
  return page.evaluate(() => (window as unknown as { __kalmaCues: AudioCueSeen[] }).__kalmaCues);
}

export interface LevelSample {
  at: number;
  db: number;
}

/**
 * The test's own measurement of what the party receives, independent of the console's: every
 * 100 ms, the RMS level (dBFS) of the loudest live remote track the audio probe keeps, with the
 * page's clock (the clock the console stamps its cues with).
 */
export async function startLevelTimeline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const probe = (window as unknown as { __kalmaProbe: { tracks: MediaStreamTrack[] } }).__kalmaProbe;
    const context = new AudioContext();
    if (context.state !== 'running') await context.resume();
    const samples: { at: number; db: number }[] = [];
    (window as unknown as { __kalmaTimeline: typeof samples }).__kalmaTimeline = samples;
    const taps = new Map<string, { analyser: AnalyserNode; element: HTMLAudioElement }>();
    const buffer = new Float32Array(4096);
    setInterval(() => {
      let loudest = -200;
      for (const track of probe.tracks.filter((t) => t.readyState === 'live')) {
        let tap = taps.get(track.id);
        if (!tap) {
          const stream = new MediaStream([track]);
          const element = new Audio();
          element.muted = true;
          element.srcObject = stream;
          void element.play().catch(() => undefined);
          const analyser = context.createAnalyser();
          analyser.fftSize = buffer.length;
          context.createMediaStreamSource(stream).connect(analyser);
          tap = { analyser, element };
          taps.set(track.id, tap);
        }
        tap.analyser.getFloatTimeDomainData(buffer);
        let sum = 0;
        for (const value of buffer) sum += value * value;
        loudest = Math.max(loudest, sum === 0 ? -200 : 10 * Math.log10(sum / buffer.length));
      }
      samples.push({ at: Date.now(), db: loudest });
    }, 100);
  });
}

export function levelTimeline(page: Page): Promise<LevelSample[]> {
  return page.evaluate(() => (window as unknown as { __kalmaTimeline: LevelSample[] }).__kalmaTimeline);
}

/**
 * Where the timeline steps up by at least `stepDb`: the last sample still at the quiet level and
 * the first at the loud one (the step happened between them). Null until it has happened.
 */
export function findStep(samples: LevelSample[], stepDb: number): { lastQuietAt: number; firstLoudAt: number; quietDb: number; loudDb: number; quietMs: number } | null {
  const heard = samples.filter((sample) => sample.db > -60);
  const first = heard[0];
  if (!first || heard.length < 10) return null;
  const quietDb = heard.slice(0, 10).map((sample) => sample.db).sort((a, b) => a - b)[5]!;
  const index = heard.findIndex((sample) => sample.db >= quietDb + stepDb / 2);
  if (index < 1) return null;
  const loud = heard.slice(index, index + 5);
  if (loud.length < 5) return null;
  const loudDb = loud.reduce((sum, sample) => sum + sample.db, 0) / loud.length;
  return { lastQuietAt: heard[index - 1]!.at, firstLoudAt: heard[index]!.at, quietDb, loudDb, quietMs: heard[index - 1]!.at - first.at };
}
