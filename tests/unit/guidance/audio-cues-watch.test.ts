import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_AUDIO_CUE_THRESHOLDS, LEVEL_FLOOR_DB } from '../../../shared/guidance/audio-cues';
import type { PhoneEvent } from '../../../shared/phone/phone-protocol';
import { AUDIO_CUE_MARK, watchAudioCues, type AudioCueOnCall } from '../../../renderer/src/features/guidance/audio-cue-watch';
import { LevelMeter, type MeteredLine } from '../../../renderer/src/features/phone/engine/level-meter';
import { fakePhone, lineEvent } from '../phone/fake-phone';

afterEach(() => {
  vi.useRealTimers();
  performance.clearMarks(AUDIO_CUE_MARK);
});

const levels = (at: number, remoteDb: number, localDb = -70, line: 1 | 2 = 1): PhoneEvent => ({ type: 'levels', line, remoteDb, localDb, at });

/** Ten frames a second from `from` for `ms`. */
function pushLevels(push: (event: PhoneEvent) => void, from: number, ms: number, remoteDb: number, line: 1 | 2 = 1): void {
  for (let at = from; at < from + ms; at += 100) push(levels(at, remoteDb, -70, line));
}

describe('the audio-cue watch between the phone and guidance', () => {
  it('reports a rise on the call it happened on, and marks it for measurement', () => {
    const phone = fakePhone();
    const cues: AudioCueOnCall[] = [];
    const stop = watchAudioCues(phone, { onCue: (cue) => cues.push(cue) });
    phone.push(lineEvent(1, { name: 'active' }));
    pushLevels(phone.push, 0, 10_000, -30);
    expect(cues).toEqual([]);
    pushLevels(phone.push, 10_000, 3_000, -10);
    expect(cues).toMatchObject([{ kind: 'customer-level-rise', line: 1, callId: 'call-1', baselineDb: -30, levelDb: -10 }]);
    expect(cues[0]!.at).toBeLessThan(12_000);
    const marks = performance.getEntriesByName(AUDIO_CUE_MARK) as PerformanceMark[];
    expect(marks.at(-1)?.detail).toMatchObject({ kind: 'customer-level-rise', callId: 'call-1' });
    stop();
  });

  it('starts each call with a fresh baseline: the next caller is not measured against the last', () => {
    const phone = fakePhone();
    const cues: AudioCueOnCall[] = [];
    watchAudioCues(phone, { onCue: (cue) => cues.push(cue) });
    phone.push(lineEvent(1, { name: 'active' }));
    pushLevels(phone.push, 0, 8_000, -40);
    phone.push(lineEvent(1, { name: 'ended', cause: 'hangup-remote' }));
    phone.push(lineEvent(1, { name: 'active' }, { callId: 'call-next' }));
    pushLevels(phone.push, 9_000, 20_000, -20);
    expect(cues.filter((cue) => cue.kind === 'customer-level-rise')).toEqual([]);
  });

  it('keeps the baseline across a hold, and ignores levels for a line without a call', () => {
    const phone = fakePhone();
    const cues: AudioCueOnCall[] = [];
    watchAudioCues(phone, { onCue: (cue) => cues.push(cue) });
    pushLevels(phone.push, 0, 5_000, -10, 2);
    phone.push(lineEvent(1, { name: 'active' }));
    pushLevels(phone.push, 0, 8_000, -35);
    phone.push(lineEvent(1, { name: 'held' }));
    phone.push(lineEvent(1, { name: 'active' }));
    pushLevels(phone.push, 60_000, 3_000, -12);
    expect(cues.map((cue) => [cue.kind, cue.line])).toEqual([['customer-level-rise', 1]]);
  });

  it('uses the team’s thresholds', () => {
    const phone = fakePhone();
    const cues: AudioCueOnCall[] = [];
    watchAudioCues(phone, { onCue: (cue) => cues.push(cue), thresholds: () => ({ ...DEFAULT_AUDIO_CUE_THRESHOLDS, riseDb: 25 }) });
    phone.push(lineEvent(1, { name: 'active' }));
    pushLevels(phone.push, 0, 8_000, -35);
    pushLevels(phone.push, 8_000, 5_000, -15);
    expect(cues.filter((cue) => cue.kind === 'customer-level-rise')).toEqual([]);
  });
});

describe('the level meter on the phone’s audio graph', () => {
  /** An analyser that plays a constant amplitude, and remembers the buffers it was handed. */
  function analyser(amplitude: () => number) {
    const buffers = new Set<Float32Array>();
    return {
      buffers,
      node: {
        fftSize: 4096,
        getFloatTimeDomainData(into: Float32Array) {
          buffers.add(into);
          for (let i = 0; i < into.length; i += 1) into[i] = amplitude() * Math.sin(i / 3);
        },
      } as unknown as AnalyserNode,
    };
  }

  it('reports both sides ten times a second while a call is active, reusing one buffer, and stops after', () => {
    vi.useFakeTimers();
    const remote = analyser(() => 0.5);
    const local = analyser(() => 0.05);
    let line: MeteredLine | null = { line: 1, taps: { input: local.node, output: remote.node }, muted: false };
    const events: PhoneEvent[] = [];
    const meter = new LevelMeter(() => line, (event) => events.push(event));
    meter.update();
    vi.advanceTimersByTime(1_000);
    expect(events).toHaveLength(10);
    expect(events[0]).toMatchObject({ type: 'levels', line: 1 });
    const first = events[0] as Extract<PhoneEvent, { type: 'levels' }>;
    expect(first.remoteDb).toBeCloseTo(-9, 0);
    expect(first.localDb).toBeCloseTo(-29, 0);
    expect(new Set([...remote.buffers, ...local.buffers]).size).toBe(1);

    line = { ...line, muted: true };
    vi.advanceTimersByTime(100);
    expect(events.at(-1)).toMatchObject({ localDb: LEVEL_FLOOR_DB });

    line = null;
    meter.update();
    vi.advanceTimersByTime(1_000);
    expect(events).toHaveLength(11);
  });
});

