import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BulkColumns, type ColumnSet } from './bulk-insert';
import { demoBatches, type DemoStreamOptions } from './generator';

/**
 * Generated rows as column sets of about `chunk` customers each, ready for writeColumns. Large
 * seeds generate in a worker thread, so the next chunk is being made on the other core while the
 * database writes this one; small ones (and any setup where no worker starts) on this thread.
 */

/** Customers per generated batch: short-lived objects, which the garbage collector likes. */
const GENERATED_BATCH = 100;
/** Below this many customers a worker's start-up costs more than it saves. */
export const WORKER_THRESHOLD = 50_000;
/** Chunks the worker may run ahead of the writer (memory bound). */
const AHEAD = 2;

export interface ColumnSourceOptions extends DemoStreamOptions {
  /** Customers per column set. */
  chunk: number;
  /** Force (true) or forbid (false) the worker; default: by size. */
  worker?: boolean;
}

export function columnSets(options: ColumnSourceOptions): AsyncIterable<ColumnSet> {
  const useWorker = options.worker ?? options.customers >= WORKER_THRESHOLD;
  return useWorker && workerEntry() ? fromWorker(options) : inThread(options);
}

/** Generates on this thread (no worker). */
export async function* inThread(options: ColumnSourceOptions): AsyncGenerator<ColumnSet> {
  yield* generateColumnSets(options);
}

/** The generation itself; also what the worker runs. */
export function* generateColumnSets(options: ColumnSourceOptions): Generator<ColumnSet> {
  const bulk = new BulkColumns();
  for (const batch of demoBatches({ ...options, batchSize: GENERATED_BATCH })) {
    bulk.add(batch);
    if (bulk.customers >= options.chunk) yield bulk.take();
  }
  if (bulk.customers > 0) yield bulk.take();
}

type WorkerMessage = { type: 'set'; set: ColumnSet } | { type: 'done' } | { type: 'failed'; error: string };

function workerEntry(): { url: URL; data: Record<string, string> } | null {
  const js = new URL('./column-worker.js', import.meta.url);
  if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return { url: js, data: {} };
  const ts = new URL('./column-worker.ts', import.meta.url);
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts)) && existsSync(fileURLToPath(boot))) return { url: boot, data: { entry: ts.href } };
  return null;
}

async function* fromWorker(options: ColumnSourceOptions): AsyncGenerator<ColumnSet> {
  const entry = workerEntry()!;
  // Only what generation needs crosses to the worker (callbacks in the caller's options cannot).
  const plain: ColumnSourceOptions = {
    customers: options.customers,
    chunk: options.chunk,
    seed: options.seed,
    asOf: options.asOf instanceof Date ? options.asOf.toISOString() : options.asOf,
    startIndex: options.startIndex,
    firstVersion: options.firstVersion,
  };
  const worker = new Worker(entry.url, { workerData: { ...entry.data, options: plain } });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the demo data worker exited with code ${code}`);
    wake?.();
  });
  try {
    for (let credit = 0; credit < AHEAD; credit++) worker.postMessage('more');
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const message = queue.shift();
      if (!message) throw failure ?? new Error('the demo data worker stopped');
      if (message.type === 'done') return;
      if (message.type === 'failed') throw new Error(`demo data worker: ${message.error}`);
      worker.postMessage('more');
      yield message.set;
    }
  } finally {
    await worker.terminate();
  }
}
