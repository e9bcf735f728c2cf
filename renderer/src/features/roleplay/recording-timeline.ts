import type { RubricMark } from '../../../../shared/roleplay/scoring';

/**
 * Where the trainer's marks fall in a session's recording. Marks are stamped from the moment the
 * call was answered; the recording starts a little later (the trainer presses record), so each
 * mark moves back by that offset. Pure, so the placing is tested without an audio element.
 */

/** A mark and where it falls in the recording, in ms from the recording's start. */
export interface PlacedMark {
  mark: RubricMark;
  atMs: number;
}

/** The marks in the order they were given, each moved into the recording's time. */
export function placeMarks(marks: readonly RubricMark[], offsetMs: number): PlacedMark[] {
  // A mark given before recording began points at its first moment, not before it.
  return marks.map((mark) => ({ mark, atMs: Math.max(0, mark.atMs - offsetMs) })).sort((a, b) => a.atMs - b.atMs);
}

/** How far along the timeline a time sits, 0 to 100; a mark given after the recording stopped sits at its end. */
export function timelinePercent(atMs: number, durationMs: number): number {
  if (!(durationMs > 0)) return 0;
  return Math.min(100, Math.max(0, (100 * atMs) / durationMs));
}

/** The mark playback has most recently passed (its index in `placed`), or -1 before the first. */
export function passedMark(placed: readonly PlacedMark[], nowMs: number): number {
  let passed = -1;
  for (const [index, each] of placed.entries()) {
    if (each.atMs <= nowMs) passed = index;
    else break;
  }
  return passed;
}

/** The recording as the <audio> element plays it. */
export function recordingBlob(audio: { mimeType: string; audioBase64: string }): Blob {
  const binary = atob(audio.audioBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: audio.mimeType });
}
