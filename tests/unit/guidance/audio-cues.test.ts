import { describe, expect, it } from 'vitest';
import {
  AudioCueThresholds,
  initialAudioCueState,
  LEVEL_FLOOR_DB,
  LEVEL_FRAME_MS,
  nextAudioCues,
  rmsDbfs,
  type AudioCue,
  type LevelFrame,
} from '../../../shared/guidance/audio-cues';

const QUIET_ROOM = -70;

/** A deterministic wobble (±spread dB), so speech is not a flat line. */
function wobble(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648 - 0.5;
  };
}

/** One stretch of the call at 10 frames a second; `pauseEvery` drops a frame to silence now and then, like speech. */
function stretch(from: number, ms: number, customerDb: number, agentDb: number, opts: { spread?: number; pauseEvery?: number; seed?: number } = {}): LevelFrame[] {
  const random = wobble(opts.seed ?? 7);
  const frames: LevelFrame[] = [];
  for (let at = from; at < from + ms; at += LEVEL_FRAME_MS) {
    const i = (at - from) / LEVEL_FRAME_MS;
    const paused = opts.pauseEvery !== undefined && i % opts.pauseEvery === opts.pauseEvery - 1;
    frames.push({ at, customerDb: paused ? QUIET_ROOM : customerDb + (opts.spread ?? 0) * random(), agentDb });
  }
  return frames;
}

function play(frames: LevelFrame[], thresholds = AudioCueThresholds.parse({})): AudioCue[] {
  let state = initialAudioCueState();
  const cues: AudioCue[] = [];
  for (const frame of frames) {
    const next = nextAudioCues(state, frame, thresholds);
    state = next.state;
    cues.push(...next.cues);
  }
  return cues;
}

const of = (cues: AudioCue[], kind: AudioCue['kind']) => cues.filter((cue) => cue.kind === kind);

describe('the customer getting louder than they started', () => {
  it('quiet then 20 dB louder: detected within 3 s of the loud part, never during the quiet part', () => {
    const quiet = stretch(0, 15_000, -36, QUIET_ROOM, { spread: 16, pauseEvery: 4 });
    const loud = stretch(15_000, 10_000, -16, QUIET_ROOM, { spread: 16, pauseEvery: 4, seed: 11 });
    const rises = of(play([...quiet, ...loud]), 'customer-level-rise');
    expect(rises).toHaveLength(1);
    expect(rises[0]!.at).toBeGreaterThanOrEqual(15_000);
    expect(rises[0]!.at).toBeLessThanOrEqual(18_000);
    // What went on the record: the baseline it was measured against and how loud the stretch was.
    expect(Math.abs(rises[0]!.baselineDb! + 36)).toBeLessThan(2);
    expect(rises[0]!.levelDb! - rises[0]!.baselineDb!).toBeGreaterThan(15);
  });

  it('a customer loud from the first word is their own baseline: no rise however long they stay loud', () => {
    expect(of(play(stretch(0, 60_000, -14, QUIET_ROOM, { spread: 8, pauseEvery: 4 })), 'customer-level-rise')).toEqual([]);
  });

  it('a single stressed word or a door slam is not a raised voice', () => {
    const frames = [...stretch(0, 10_000, -36, QUIET_ROOM, { spread: 4 }), ...stretch(10_000, 600, -10, QUIET_ROOM), ...stretch(10_600, 10_000, -36, QUIET_ROOM, { spread: 4 })];
    expect(of(play(frames), 'customer-level-rise')).toEqual([]);
  });

  it('builds the baseline from speech only: a silent start does not make every later word a rise', () => {
    const frames = [...stretch(0, 20_000, QUIET_ROOM, QUIET_ROOM), ...stretch(20_000, 20_000, -30, QUIET_ROOM, { spread: 6, pauseEvery: 5 })];
    expect(of(play(frames), 'customer-level-rise')).toEqual([]);
  });

  it('fires once per loud stretch: a second outburst after calming down is a second cue', () => {
    const frames = [
      ...stretch(0, 10_000, -36, QUIET_ROOM),
      ...stretch(10_000, 8_000, -16, QUIET_ROOM),
      ...stretch(18_000, 6_000, -36, QUIET_ROOM),
      ...stretch(24_000, 8_000, -16, QUIET_ROOM),
    ];
    expect(of(play(frames), 'customer-level-rise').map((cue) => cue.at)).toEqual([11_100, 25_100]);
  });

  it('follows the team’s thresholds', () => {
    const frames = [...stretch(0, 10_000, -36, QUIET_ROOM), ...stretch(10_000, 5_000, -28, QUIET_ROOM)];
    expect(of(play(frames), 'customer-level-rise')).toEqual([]);
    expect(of(play(frames, AudioCueThresholds.parse({ riseDb: 6 })), 'customer-level-rise')).toHaveLength(1);
  });
});

describe('talking over each other', () => {
  it('both speaking for most of two seconds is overtalk; the cue comes once for the stretch', () => {
    const frames = [...stretch(0, 5_000, -30, QUIET_ROOM), ...stretch(5_000, 4_000, -28, -25, { spread: 4, pauseEvery: 5 })];
    const overtalk = of(play(frames), 'overtalk');
    expect(overtalk).toHaveLength(1);
    // 70 % of a two-second window: about 1.5 s into the overlap, never before.
    expect(overtalk[0]!.at).toBeGreaterThanOrEqual(6_300);
    expect(overtalk[0]!.at).toBeLessThanOrEqual(7_000);
  });

  it('short backchannels ("mm-hm") while the other talks are not overtalk', () => {
    const frames: LevelFrame[] = [];
    for (let from = 0; from < 30_000; from += 3_000) {
      frames.push(...stretch(from, 800, -28, -30), ...stretch(from + 800, 2_200, -28, QUIET_ROOM));
    }
    expect(of(play(frames), 'overtalk')).toEqual([]);
  });
});

describe('dead air', () => {
  it('both quiet for nine of the last ten seconds is a long silence, once', () => {
    const frames = [...stretch(0, 4_000, -30, QUIET_ROOM), ...stretch(4_000, 25_000, QUIET_ROOM, -65)];
    const silences = of(play(frames), 'long-silence');
    expect(silences).toHaveLength(1);
    expect(silences[0]!.at).toBe(12_900);
  });

  it('eight seconds of quiet, or two quiet stretches either side of a hold, are not', () => {
    expect(of(play([...stretch(0, 8_000, QUIET_ROOM, QUIET_ROOM), ...stretch(8_000, 3_000, -30, QUIET_ROOM)]), 'long-silence')).toEqual([]);
    // On hold the phone sends no levels: the gap restarts the count.
    const aroundHold = [...stretch(0, 6_000, QUIET_ROOM, QUIET_ROOM), ...stretch(66_000, 6_000, QUIET_ROOM, QUIET_ROOM)];
    expect(of(play(aroundHold), 'long-silence')).toEqual([]);
  });

  it('a click or a breath does not break a silence, a reply does', () => {
    const withClick = [...stretch(0, 6_000, QUIET_ROOM, QUIET_ROOM), ...stretch(6_000, 200, -30, QUIET_ROOM), ...stretch(6_200, 6_000, QUIET_ROOM, QUIET_ROOM)];
    expect(of(play(withClick), 'long-silence')).toHaveLength(1);
    const withReply = [...stretch(0, 6_000, QUIET_ROOM, QUIET_ROOM), ...stretch(6_000, 3_000, -30, QUIET_ROOM, { pauseEvery: 4 }), ...stretch(9_000, 6_000, QUIET_ROOM, QUIET_ROOM)];
    expect(of(play(withReply), 'long-silence')).toEqual([]);
  });

  it('speech with its ordinary pauses is never dead air, however long the call', () => {
    const talking = stretch(0, 120_000, -30, QUIET_ROOM, { spread: 6, pauseEvery: 3 });
    expect(of(play(talking), 'long-silence')).toEqual([]);
  });
});

describe('the detector itself', () => {
  it('is pure: the same state and frame give the same result, and the state passed in is untouched', () => {
    let state = initialAudioCueState();
    for (const frame of stretch(0, 7_000, -30, QUIET_ROOM)) state = nextAudioCues(state, frame).state;
    const before = structuredClone(state);
    const frame = { at: 7_000, customerDb: -10, agentDb: QUIET_ROOM };
    expect(nextAudioCues(state, frame)).toEqual(nextAudioCues(state, frame));
    expect(state).toEqual(before);
    expect(state.baselineDb).toBe(-30);
  });

  it('takes any number: silence, NaN and overflow become the floor or full scale', () => {
    const result = nextAudioCues(initialAudioCueState(), { at: 0, customerDb: Number.NEGATIVE_INFINITY, agentDb: Number.NaN });
    expect(result.cues).toEqual([]);
    expect(nextAudioCues(result.state, { at: 100, customerDb: 12, agentDb: LEVEL_FLOOR_DB }).state.baselineSamples).toEqual([0]);
  });

  it('measures RMS in dBFS: a full-scale sine is −3 dB, digital silence is the floor', () => {
    const sine = Float32Array.from({ length: 4_800 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 48_000));
    expect(rmsDbfs(sine)).toBeCloseTo(-3.01, 1);
    expect(rmsDbfs(sine.map((v) => v / 10))).toBeCloseTo(-23.01, 1);
    expect(rmsDbfs(new Float32Array(128))).toBe(LEVEL_FLOOR_DB);
  });
});
