import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ContractFailure } from '../../../shared/contract/core';
import type { CustomerCache } from '../cache/customer-cache';
import type { HostLogger } from '../host-log';
import { inProcessTarget } from './in-process-target';
import { pullChanges, type PullEvent, type PullOutcome } from './pull-loop';
import type { WorkerCommand, WorkerPullOptions, WorkerReply } from './pull-worker-protocol';
import { fromFailureData } from './sync-http';

/**
 * Runs pulls for one signed-in person's cache. Preferably in a worker thread with its own
 * connection to the cache file, so that validating, normalizing and indexing a million rows never
 * competes with the console's searches; when no worker can be started (a bundle without the worker
 * file), on the main thread in slices (in-process-target.ts).
 */

export interface PullRunner {
  readonly mode: 'worker' | 'in-process';
  /** False once the runner can take no more pulls (its worker died); start a new one. */
  readonly usable: boolean;
  pull(token: string, options: WorkerPullOptions, onEvent: (event: PullEvent) => void): Promise<PullOutcome>;
  close(): Promise<void>;
}

export class InProcessPullRunner implements PullRunner {
  readonly mode = 'in-process';
  readonly usable = true;
  private readonly controller = new AbortController();

  constructor(private readonly cache: CustomerCache) {}

  pull(token: string, options: WorkerPullOptions, onEvent: (event: PullEvent) => void): Promise<PullOutcome> {
    return pullChanges(inProcessTarget(this.cache), { ...options, token, signal: this.controller.signal }, onEvent);
  }

  async close(): Promise<void> {
    this.controller.abort(new DOMException('host closing', 'AbortError'));
  }
}

interface Pending {
  resolve(outcome: PullOutcome): void;
  reject(error: Error): void;
  onEvent(event: PullEvent): void;
}

const CLOSE_GRACE_MS = 3_000;

export class WorkerPullRunner implements PullRunner {
  readonly mode = 'worker';
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed: Promise<void> | null = null;
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    private readonly log: HostLogger,
  ) {
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => {
      this.log.error({ err: error }, 'pull worker failed');
      this.failAll(new ContractFailure('INTERNAL', 'The sync worker stopped unexpectedly.'));
    });
    worker.on('exit', () => {
      this.exited = true;
      this.failAll(new ContractFailure('UNAVAILABLE', 'The sync worker has stopped.'));
    });
  }

  get usable(): boolean {
    return !this.exited && this.closed === null;
  }

  /** Starts the worker and waits until it has opened the cache; rejects when it cannot. */
  static start(file: string, region: string, log: HostLogger): Promise<WorkerPullRunner> {
    const script = workerScript();
    if (!script) return Promise.reject(new Error('no pull worker script next to this module'));
    const worker = new Worker(script.url, { workerData: { ...script.data, file, region } });
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          cleanup();
          resolve(new WorkerPullRunner(worker, log));
        } else if (reply.type === 'fatal') {
          cleanup();
          reject(fromFailureData(reply.error));
        }
      };
      const onFail = (error: unknown) => {
        cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onFail);
        worker.off('exit', onFail);
      };
      worker.on('message', onMessage);
      worker.once('error', onFail);
      worker.once('exit', onFail);
    });
  }

  pull(token: string, options: WorkerPullOptions, onEvent: (event: PullEvent) => void): Promise<PullOutcome> {
    if (this.closed) return Promise.reject(new ContractFailure('UNAVAILABLE', 'sync has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onEvent });
      this.worker.postMessage({ type: 'pull', id, token, options } satisfies WorkerCommand);
    });
  }

  close(): Promise<void> {
    // A worker that already exited (it failed) sends no second 'exit': nothing to wait for.
    if (this.exited) this.closed ??= Promise.resolve();
    this.closed ??= new Promise<void>((done) => {
      const timer = setTimeout(() => void this.worker.terminate(), CLOSE_GRACE_MS);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      this.worker.postMessage({ type: 'stop' } satisfies WorkerCommand);
    });
    return this.closed;
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === 'event') this.pending.get(reply.id)?.onEvent(reply.event);
    else if (reply.type === 'done' || reply.type === 'failed') {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.type === 'done') waiting?.resolve(reply.outcome);
      else waiting?.reject(fromFailureData(reply.error));
    }
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * The worker's entry: compiled `pull-worker.js` in a build that ships it, or `pull-worker.ts`
 * started through worker-boot.mjs when running from source.
 */
function workerScript(): { url: URL; data: Record<string, string> } | null {
  const js = new URL('./pull-worker.js', import.meta.url);
  if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return { url: js, data: {} };
  const ts = new URL('./pull-worker.ts', import.meta.url);
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts)) && existsSync(fileURLToPath(boot))) {
    return { url: boot, data: { entry: ts.href } };
  }
  return null;
}

/** A worker when one starts, else the main thread. */
export async function startPullRunner(cache: CustomerCache, file: string, region: string, log: HostLogger): Promise<PullRunner> {
  try {
    return await WorkerPullRunner.start(file, region, log);
  } catch (error) {
    log.warn({ err: error }, 'pull worker unavailable; pulling on the main thread in slices');
    return new InProcessPullRunner(cache);
  }
}
