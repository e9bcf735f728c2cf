import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../fixtures/processes';

/**
 * A benchmark part in a process of its own (the host, the crowd of live clients, the raw-insert
 * baseline), driven over Node's IPC channel: request `{id, command, args}`, reply
 * `{id, ok, value | error}`. Separate processes keep each part's memory figure its own.
 */

export interface BenchChild {
  readonly pid: number;
  call<T>(command: string, args?: unknown): Promise<T>;
  /** Ends the process and waits for it. */
  stop(): Promise<void>;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export function startBenchChild(entry: string, name: string, env: Record<string, string> = {}): BenchChild {
  // KALMA_BENCH_PROFILE_DIR=/some/dir: each part writes a V8 CPU profile there (one per thread).
  const profile = process.env.KALMA_BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.KALMA_BENCH_PROFILE_DIR, name)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', resolve(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 60) tail.shift();
    if (process.env.KALMA_BENCH_VERBOSE === '1') process.stderr.write(`[${name}] ${line}\n`);
  };
  createInterface({ input: child.stdout! }).on('line', keep);
  createInterface({ input: child.stderr! }).on('line', keep);
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!w) return;
    if (reply.ok) w.resolve(reply.value);
    else w.reject(new Error(`${name}: ${reply.error}\n--- output ---\n${tail.join('\n')}`));
  });
  child.once('exit', (code, signal) => {
    for (const w of waiting.values()) w.reject(new Error(`${name} exited (code ${code}, signal ${signal})\n--- output ---\n${tail.join('\n')}`));
    waiting.clear();
  });
  return {
    pid: child.pid ?? -1,
    call: <T>(command: string, args?: unknown) =>
      new Promise<T>((resolveCall, rejectCall) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolveCall as (v: unknown) => void, reject: rejectCall });
        child.send({ id, command, args });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Serves a child's side of the channel: each command's handler returns its reply value. */
export function serveBenchCommands(handlers: Record<string, (args: never) => unknown>): void {
  process.on('message', (message: { id: number; command: string; args: unknown }) => {
    const handler = handlers[message.command];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${message.command}`);
        return handler(message.args as never);
      })
      .then(
        (value) => process.send?.({ id: message.id, ok: true, value }),
        (error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  // Exit through the normal path so a CPU profile (KALMA_BENCH_PROFILE_DIR) gets written.
  process.on('SIGTERM', () => process.exit(0));
}

/** Resident and peak resident memory of a process, from /proc (Linux), in MiB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: Number.NaN, peakMb: Number.NaN };
  }
}

/**
 * CPU seconds a process has used (user + system, all its threads), from /proc. On a machine whose
 * cores are shared, rows per CPU second says what a part costs; rows per second says what it got.
 */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
