import { describe, expect, it } from 'vitest';
import { passedMark, placeMarks, recordingBlob, timelinePercent } from '../../../renderer/src/features/roleplay/recording-timeline';
import { elapsed } from '../../../renderer/src/ui/ElapsedTimer';

const mark = (criterionId: string, atMs: number) => ({ criterionId, levelId: 'good', atMs });

describe('placing the trainer’s marks on a recording', () => {
  it('moves each mark back by the time between the answer and pressing record, in time order', () => {
    const placed = placeMarks([mark('close', 95_000), mark('greet', 12_000), mark('empathy', 40_000)], 10_000);
    expect(placed.map((p) => [p.mark.criterionId, p.atMs])).toEqual([
      ['greet', 2_000],
      ['empathy', 30_000],
      ['close', 85_000],
    ]);
  });

  it('puts a mark given before recording began at the start', () => {
    expect(placeMarks([mark('greet', 3_000)], 10_000)[0]!.atMs).toBe(0);
  });

  it('places a time as a percentage of the recording, a late mark at the end, nothing for an unknown length', () => {
    expect(timelinePercent(30_000, 120_000)).toBe(25);
    expect(timelinePercent(130_000, 120_000)).toBe(100);
    expect(timelinePercent(10_000, 0)).toBe(0);
    expect(timelinePercent(10_000, Number.NaN)).toBe(0);
  });

  it('knows which mark playback passed last', () => {
    const placed = placeMarks([mark('greet', 2_000), mark('empathy', 30_000), mark('close', 85_000)], 0);
    expect(passedMark(placed, 0)).toBe(-1);
    expect(passedMark(placed, 2_000)).toBe(0);
    expect(passedMark(placed, 84_999)).toBe(1);
    expect(passedMark(placed, 200_000)).toBe(2);
  });

  it('shows times in the recording as mm:ss, h:mm:ss past an hour', () => {
    expect(elapsed(0)).toBe('00:00');
    expect(elapsed(85_400)).toBe('01:25');
    expect(elapsed(3_725_000)).toBe('1:02:05');
  });

  it('turns the base64 audio back into the bytes and type that were recorded', async () => {
    const bytes = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x00, 0xff]);
    const blob = recordingBlob({ mimeType: 'audio/webm;codecs=opus', audioBase64: Buffer.from(bytes).toString('base64') });
    expect(blob.type).toBe('audio/webm;codecs=opus');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
