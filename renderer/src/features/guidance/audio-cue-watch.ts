import {
  DEFAULT_AUDIO_CUE_THRESHOLDS,
  initialAudioCueState,
  nextAudioCues,
  type AudioCue,
  type AudioCueState,
  type AudioCueThresholds,
} from '../../../../shared/guidance/audio-cues';
import type { LineId, PhonePort } from '../../../../shared/phone/phone-protocol';

/**
 * A User Timing mark set on every audio cue, `detail` being the cue: the loud part of a call to
 * the prompt on screen can be measured from it (as `phone.invite-received` is for screen-pop), and
 * it shows in a performance trace next to the call. Only the latest is kept.
 */
export const AUDIO_CUE_MARK = 'guidance.audio-cue';

/** A cue from one call: the guidance store offers it to the trigger scheduler (`audioCueFiring`). */
export interface AudioCueOnCall extends AudioCue {
  line: LineId;
  callId: string;
}

export interface AudioCueWatchOptions {
  /** The team's thresholds, read on every frame so a change applies mid-call. */
  thresholds?: () => AudioCueThresholds;
  onCue?: (cue: AudioCueOnCall) => void;
}

const cueListeners = new Set<(cue: AudioCueOnCall) => void>();

/**
 * Hears every cue from every watch: the guidance store listens here, so it needs no handle on the
 * watch that start-phone.ts started. Returns a function that stops listening.
 */
export function listenForAudioCues(listener: (cue: AudioCueOnCall) => void): () => void {
  cueListeners.add(listener);
  return () => cueListeners.delete(listener);
}

/**
 * Turns the phone's `levels` events into audio cues, per call: each call starts with a fresh
 * baseline, and the detector's state survives a hold (the baseline is the call's) while the gap in
 * levels restarts its windows. Returns a function that stops watching.
 */
export function watchAudioCues(port: PhonePort, options: AudioCueWatchOptions = {}): () => void {
  const thresholds = options.thresholds ?? (() => DEFAULT_AUDIO_CUE_THRESHOLDS);
  const calls = new Map<LineId, { callId: string; state: AudioCueState }>();
  const callOn = new Map<LineId, string | null>();

  return port.subscribe((event) => {
    if (event.type === 'line') {
      const { id, callId, state } = event.line;
      const onCall = state.name === 'active' || state.name === 'held' || state.name === 'transferring';
      callOn.set(id, onCall ? callId : null);
      if (calls.get(id)?.callId !== callId || !onCall) calls.delete(id);
      return;
    }
    if (event.type !== 'levels') return;
    const callId = callOn.get(event.line);
    if (!callId) return;
    const current = calls.get(event.line) ?? { callId, state: initialAudioCueState() };
    const { state, cues } = nextAudioCues(current.state, { at: event.at, customerDb: event.remoteDb, agentDb: event.localDb }, thresholds());
    calls.set(event.line, { callId, state });
    for (const cue of cues) {
      const onCall: AudioCueOnCall = { ...cue, line: event.line, callId };
      performance.clearMarks(AUDIO_CUE_MARK);
      performance.mark(AUDIO_CUE_MARK, { detail: onCall });
      options.onCue?.(onCall);
      for (const listener of cueListeners) listener(onCall);
    }
  });
}
