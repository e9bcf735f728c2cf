import { parentPort, workerData } from 'node:worker_threads';
import { openCache, type CustomerCache } from '../cache/customer-cache';
import { batchGroupTarget, FIRST_LOAD_GROUP } from './pull-batch-group';
import { pullChanges } from './pull-loop';
import { toFailureData } from './sync-http';
import type { WorkerCommand, WorkerData, WorkerPullOptions, WorkerReply } from './pull-worker-protocol';

/**
 * The pull, off the host's main thread. The worker holds its own connection to the person's cache
 * file; WAL lets the main thread's searches read while a batch is being written here, so the
 * console stays quick during an initial load of a million rows.
 */

const port = parentPort;
if (!port) throw new Error('pull-worker runs as a worker thread');
const data = workerData as WorkerData;
const post = (reply: WorkerReply) => port.postMessage(reply);

let cache: CustomerCache | null = null;
let running: AbortController | null = null;

try {
  cache = openCache(data.file, { region: data.region, initialLoad: true });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', error: toFailureData(error) });
  process.exit(1);
}

port.on('message', (command: WorkerCommand) => {
  if (command.type === 'stop') {
    running?.abort(new DOMException('host closing', 'AbortError'));
    cache?.close();
    cache = null;
    post({ type: 'closed' });
    port.close();
    return;
  }
  void pull(command.id, command.token, command.options);
});

async function pull(id: number, token: string, options: WorkerPullOptions): Promise<void> {
  const open = cache;
  if (!open) return post({ type: 'failed', id, error: { code: 'UNAVAILABLE', message: 'the cache is closed' } });
  const controller = new AbortController();
  running = controller;
  try {
    const outcome = await pullChanges(batchGroupTarget(open, options.loadGroup ?? FIRST_LOAD_GROUP), { ...options, token, signal: controller.signal }, (event) =>
      post({ type: 'event', id, event }),
    );
    // Caught up: the load's page cache is no longer needed while the worker waits to be stopped.
    open.releaseMemory();
    post({ type: 'done', id, outcome });
  } catch (error) {
    post({ type: 'failed', id, error: toFailureData(error) });
  } finally {
    if (running === controller) running = null;
  }
}
