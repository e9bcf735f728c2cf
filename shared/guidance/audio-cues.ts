import { z } from 'zod';

/**
 * Audio cues measured from the call's own levels: the customer getting louder than they were at
 * the start of the call, both people talking over each other, and dead air. Fed one frame of
 * levels (RMS, dBFS) per side about ten times a second; stateful but pure — the state goes in and
 * a new state comes out, so a test can replay any level sequence and get the same cues.
 *
 * Each cue looks at a sliding window and fires when its condition held for a share of it: speech
 * is full of short pauses, so "loud for 2 s" means "loud for most of the last 2 s". It fires once
 * per episode and re-arms when the condition has mostly stopped for RELEASE_MS.
 *
 * The defaults, and why:
 * - `speechDb` −45 dBFS: received phone speech sits around −20 to −35 dBFS RMS in a 100 ms frame
 *   (ITU-T P.56 puts nominal active speech at −26 dBov), line and comfort noise around −60 to −70.
 *   −45 is clear of both; a far-end echo of the agent, after the network's echo cancellers, stays
 *   under it, so echo alone does not count as the customer talking.
 * - Baseline: the median of the customer's first `baselineSpeechMs` (6 s) of speech frames, then
 *   frozen for the call. The median ignores a cough or a slammed door; freezing means an anger
 *   that builds slowly is still measured against how the customer sounded when they started,
 *   instead of being learned as their normal. A customer loud from the first word is their own
 *   baseline, so loudness alone never fires: only a change does.
 * - Rise: `riseDb` 10 dB above the baseline (about twice as loud to the ear, past the ordinary
 *   swing of one calm speaker) for `riseShare` 60 % of `riseMs` 2 s — a raised sentence with its
 *   pauses, not one stressed word. A steady step is detected about 1.2 s after it starts, inside
 *   the 3 s the issue asks for with room for the network and the analyser.
 * - Overtalk: both above `speechDb` for 70 % of `overtalkMs` 2 s. Backchannels ("mm-hm", "opo",
 *   "sim") and turn-taking overlaps are mostly under a second; most of two seconds of both voices
 *   is someone talking over the other.
 * - Silence: both under `speechDb` for 90 % of `silenceMs` 10 s — the usual dead-air mark in call
 *   analytics; a click or a breath does not break it, a reply does. Shorter gaps are the agent
 *   typing or the customer finding an order number. Hold is not silence: the phone sends no
 *   levels while a call is held, and a gap in the frames (`maxGapMs`) restarts every window.
 */

/** Levels arrive about this often (the phone's analysers are read every 100 ms). */
export const LEVEL_FRAME_MS = 100;
/** Digital silence and anything quieter are reported as this, so every level is a finite number. */
export const LEVEL_FLOOR_DB = -100;
/** A cue re-arms when its condition held for at most RELEASE_SHARE of the last RELEASE_MS. */
const RELEASE_MS = 1_500;
const RELEASE_SHARE = 0.3;

export const AUDIO_CUES = ['customer-level-rise', 'overtalk', 'long-silence'] as const;
export const AudioCueKind = z.enum(AUDIO_CUES);
export type AudioCueKind = z.infer<typeof AudioCueKind>;

const Share = z.number().min(0.1).max(1);

export const AudioCueThresholds = z.object({
  speechDb: z.number().min(-90).max(-10).default(-45),
  baselineSpeechMs: z.number().int().min(1_000).max(60_000).default(6_000),
  riseDb: z.number().min(3).max(40).default(10),
  riseMs: z.number().int().min(300).max(30_000).default(2_000),
  riseShare: Share.default(0.6),
  overtalkMs: z.number().int().min(300).max(30_000).default(2_000),
  overtalkShare: Share.default(0.7),
  silenceMs: z.number().int().min(1_000).max(300_000).default(10_000),
  silenceShare: Share.default(0.9),
  maxGapMs: z.number().int().min(200).max(10_000).default(1_000),
});
export type AudioCueThresholds = z.output<typeof AudioCueThresholds>;
export const DEFAULT_AUDIO_CUE_THRESHOLDS: AudioCueThresholds = AudioCueThresholds.parse({});

/** One reading of both sides: when (ms), and each side's level in dBFS. */
export interface LevelFrame {
  at: number;
  customerDb: number;
  agentDb: number;
}

export interface AudioCue {
  kind: AudioCueKind;
  at: number;
  /** From the first frame in the window where the condition held, to now (ms). */
  durationMs: number;
  /** For a rise: the customer's baseline, and their mean level over the loud frames (dBFS). */
  baselineDb: number | null;
  levelDb: number | null;
}

export interface AudioCueState {
  lastAt: number | null;
  /** The first frame since the call's levels started or resumed after a gap. */
  since: number | null;
  /** Frames within the longest window, oldest first. */
  recent: readonly LevelFrame[];
  /** Customer speech levels collected for the baseline, emptied once it is known. */
  baselineSamples: readonly number[];
  baselineDb: number | null;
  armed: Readonly<Record<AudioCueKind, boolean>>;
}

const ALL_ARMED = { 'customer-level-rise': true, overtalk: true, 'long-silence': true } as const;

export function initialAudioCueState(): AudioCueState {
  return { lastAt: null, since: null, recent: [], baselineSamples: [], baselineDb: null, armed: ALL_ARMED };
}

/** Feeds one frame; returns the next state and the cues that fired on it (each once per episode). */
export function nextAudioCues(
  state: AudioCueState,
  input: LevelFrame,
  thresholds: AudioCueThresholds = DEFAULT_AUDIO_CUE_THRESHOLDS,
): { state: AudioCueState; cues: AudioCue[] } {
  const frame = { at: input.at, customerDb: finiteLevel(input.customerDb), agentDb: finiteLevel(input.agentDb) };
  const { at } = frame;
  // Frames stopped (hold, a sleeping machine) or the clock went back: nothing carries over the gap.
  const gap = state.lastAt === null || at < state.lastAt || at - state.lastAt > thresholds.maxGapMs;
  const since = gap ? at : (state.since ?? at);
  const longest = Math.max(thresholds.riseMs, thresholds.overtalkMs, thresholds.silenceMs, RELEASE_MS);
  const recent = [...(gap ? [] : state.recent.filter((old) => old.at > at - longest)), frame];
  const armed = gap ? ALL_ARMED : state.armed;

  const talks = (db: number) => db >= thresholds.speechDb;
  let { baselineSamples, baselineDb } = state;
  if (baselineDb === null && talks(frame.customerDb)) {
    baselineSamples = [...baselineSamples, frame.customerDb];
    if (baselineSamples.length >= Math.ceil(thresholds.baselineSpeechMs / LEVEL_FRAME_MS)) {
      baselineDb = median(baselineSamples);
      baselineSamples = [];
    }
  }

  const conditions: Record<AudioCueKind, { holds: (f: LevelFrame) => boolean; windowMs: number; share: number }> = {
    'customer-level-rise': {
      holds: (f) => state.baselineDb !== null && f.customerDb >= state.baselineDb + thresholds.riseDb,
      windowMs: thresholds.riseMs,
      share: thresholds.riseShare,
    },
    overtalk: { holds: (f) => talks(f.customerDb) && talks(f.agentDb), windowMs: thresholds.overtalkMs, share: thresholds.overtalkShare },
    'long-silence': { holds: (f) => !talks(f.customerDb) && !talks(f.agentDb), windowMs: thresholds.silenceMs, share: thresholds.silenceShare },
  };

  const cues: AudioCue[] = [];
  const nextArmed = { ...armed };
  for (const kind of AUDIO_CUES) {
    const { holds, windowMs, share } = conditions[kind];
    if (!armed[kind]) {
      if (windowOf(recent, at, RELEASE_MS, holds).share <= RELEASE_SHARE) nextArmed[kind] = true;
      continue;
    }
    if (!holds(frame) || at - since < windowMs - LEVEL_FRAME_MS) continue;
    const window = windowOf(recent, at, windowMs, holds);
    if (window.share < share) continue;
    nextArmed[kind] = false;
    const isRise = kind === 'customer-level-rise';
    cues.push({
      kind,
      at,
      durationMs: at - window.firstAt,
      baselineDb: isRise ? state.baselineDb : null,
      levelDb: isRise ? round(window.meanCustomerDb) : null,
    });
  }

  return { state: { lastAt: at, since, recent, baselineSamples, baselineDb, armed: nextArmed }, cues };
}

/** Over the frames of the last `windowMs`: the share where the condition held, and about those frames. */
function windowOf(recent: readonly LevelFrame[], at: number, windowMs: number, holds: (f: LevelFrame) => boolean) {
  let total = 0;
  let count = 0;
  let sum = 0;
  let firstAt = at;
  for (let i = recent.length - 1; i >= 0; i -= 1) {
    const frame = recent[i]!;
    if (frame.at <= at - windowMs) break;
    total += 1;
    if (!holds(frame)) continue;
    count += 1;
    sum += frame.customerDb;
    firstAt = frame.at;
  }
  return { share: total === 0 ? 0 : count / total, firstAt, meanCustomerDb: count === 0 ? LEVEL_FLOOR_DB : sum / count };
}

/** RMS level of a block of samples in dBFS (a full-scale sine reads −3), floored at LEVEL_FLOOR_DB. */
export function rmsDbfs(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const sample = samples[i] ?? 0;
    sum += sample * sample;
  }
  if (samples.length === 0 || sum === 0) return LEVEL_FLOOR_DB;
  return finiteLevel(10 * Math.log10(sum / samples.length));
}

function finiteLevel(db: number): number {
  return Number.isFinite(db) ? Math.min(0, Math.max(LEVEL_FLOOR_DB, db)) : LEVEL_FLOOR_DB;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number): number => Math.round(value * 10) / 10;
