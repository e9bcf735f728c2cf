import { parentPort, workerData } from 'node:worker_threads';
import { generateColumnSets, type ColumnSourceOptions } from './column-source';

/** Generates column sets for the seeding thread, one per "more" it sends (column-source.ts). */
const port = parentPort;
if (!port) throw new Error('column-worker runs as a worker thread');
const sets = generateColumnSets((workerData as { options: ColumnSourceOptions }).options);
port.on('message', () => {
  try {
    const next = sets.next();
    if (next.done) port.postMessage({ type: 'done' });
    else port.postMessage({ type: 'set', set: next.value });
  } catch (error) {
    port.postMessage({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
