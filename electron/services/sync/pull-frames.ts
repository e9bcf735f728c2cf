import { z } from 'zod';
import { PULL_BATCH_ROWS, PullFrame } from '../../../shared/api/sync';
import { SyncCursor } from '../../../shared/domain/sync-row';
import { NdjsonError } from './ndjson-lines';

/**
 * Reads one line of the pull stream as a PullFrame. The frame's shape is checked here; the rows
 * of a batch are checked by the cache's applyBatch, row by row, inside the transaction that would
 * write them, so each row is parsed once (on a million-row load, parsing twice is seconds lost).
 * A malformed batch still writes nothing and leaves the cursor where it was.
 */

const [StartFrame, , EndFrame] = PullFrame.options;
const BatchEnvelope = z.object({
  type: z.literal('batch'),
  rows: z.array(z.unknown()).max(PULL_BATCH_ROWS * 5),
  cursor: SyncCursor,
});
const FrameEnvelope = z.discriminatedUnion('type', [StartFrame, BatchEnvelope, EndFrame]);
export type PullLineFrame = z.output<typeof FrameEnvelope>;

export function parsePullLine(text: string, line: number): PullLineFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NdjsonError(line, 'not JSON');
  }
  const frame = FrameEnvelope.safeParse(json);
  if (!frame.success) {
    const issue = frame.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new NdjsonError(line, `not a pull frame (${where}${issue?.message ?? 'unreadable'})`);
  }
  return frame.data;
}
