import type { PullEvent, PullOutcome } from './pull-loop';
import type { FailureData } from './sync-http';

/** Messages between the host and its pull worker (structured clone: plain data only). */

export interface WorkerData {
  file: string;
  region: string;
}

export interface WorkerPullOptions {
  serverUrl: string;
  limit?: number;
  idleTimeoutMs?: number;
  /** The first load's commit group (pull-batch-group.ts); its defaults when absent. */
  loadGroup?: { rows: number; ms: number };
}

export type WorkerCommand = { type: 'pull'; id: number; token: string; options: WorkerPullOptions } | { type: 'stop' };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; error: FailureData }
  | { type: 'event'; id: number; event: PullEvent }
  | { type: 'done'; id: number; outcome: PullOutcome }
  | { type: 'failed'; id: number; error: FailureData }
  | { type: 'closed' };
