/**
 * The wallboard's latency: from an agent's state change on their console's host to that state in
 * a supervisor's wallboard data on the supervisor's host, with 30 agents changing state.
 *
 * Real transport both ways: each agent is the host's PresenceReporter on a LiveLink (the sync
 * client's socket, heartbeats included); the supervisor is the host's WallboardFeed over its own
 * LiveLink and the CentralClient, as in the console. Each round, every agent changes state once, at
 * a random moment within a second (a busy floor: 30 changes a second); a sample runs from the
 * reporter being told to the first board that shows that change. Page rendering is not included.
 *
 * In `npm run bench` (run.ts) against its server; alone: `npx tsx tests/bench/wallboard-state.ts
 * [--agents 30] [--rounds 20]`, which starts a demo server on PGlite of its own.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { API, CreateUserResponse, LoginResponse } from '../../shared/api/auth';
import type { Wallboard } from '../../shared/api/wallboard';
import { DEMO_ACCOUNTS, DEMO_TEAM } from '../../shared/domain/demo-accounts';
import type { AgentStateChange } from '../../shared/domain/agent-state';
import { CentralClient } from '../../electron/services/central-client';
import { createHostLog } from '../../electron/services/host-log';
import { PresenceReporter, type LiveChannel } from '../../electron/services/presence/presence-reporter';
import { LiveLink } from '../../electron/services/sync/live-link';
import type { LiveEvent } from '../../electron/services/sync/sync-client';
import { WallboardFeed } from '../../electron/services/wallboard/wallboard-feed';
import { startTsProcess, tempDir } from '../fixtures/processes';

const log = createHostLog({ name: 'bench-wallboard', level: 'warn', destination: process.stderr });
const STATES = ['available', 'break', 'lunch', 'meeting', 'training'] as const;
const SAMPLE_TIMEOUT_MS = 10_000;

export interface WallboardStateResult {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Changes the board never showed within 10 s (counted as 10 s). */
  missed: number;
}

async function post(serverUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(new URL(path, serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

async function signIn(serverUrl: string, username: string, password: string): Promise<string> {
  return LoginResponse.parse(await post(serverUrl, API.login, { username, password })).token;
}

/** A LiveLink with the sync client's live events, which is all presence and the feed need. */
function liveChannel(serverUrl: string, token: string, onPresence = false): { link: LiveLink; channel: LiveChannel; connected: Promise<void> } {
  const listeners = new Set<(event: LiveEvent) => void>();
  const tell = (event: LiveEvent) => listeners.forEach((listener) => listener(event));
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const link = new LiveLink({
    serverUrl,
    token: async () => token,
    onConnected: () => {
      connected();
      tell('connected');
    },
    onChanged: () => tell('changed'),
    ...(onPresence ? { onPresence: () => tell('presence') } : {}),
    onDisconnected: () => {},
    onUnauthorized: () => {},
    log,
  });
  const channel: LiveChannel = {
    sendLive: (frame) => link.send(frame),
    onLive: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  link.start();
  return { link, channel, connected: ready };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function measureWallboardState(serverUrl: string, opts: { agents?: number; rounds?: number; note?: (text: string) => void } = {}): Promise<WallboardStateResult> {
  const count = opts.agents ?? 30;
  const rounds = opts.rounds ?? 20;
  const note = opts.note ?? (() => {});
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
  const lead = DEMO_ACCOUNTS.find((a) => a.role === 'supervisor')!;
  const adminToken = await signIn(serverUrl, admin.username, admin.password);
  const password = 'wallboard-bench-2026';
  const stamp = Date.now().toString(36);

  const agents: { id: string; reporter: PresenceReporter; link: LiveLink; state: string }[] = [];
  const links: LiveLink[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const username = `wb-${stamp}-${i}`;
      const created = CreateUserResponse.parse(
        await post(serverUrl, API.adminUsers, { username, displayName: `Bench Agent ${i}`, password, role: 'agent', teamIds: [DEMO_TEAM.id] }, adminToken),
      );
      const token = await signIn(serverUrl, username, password);
      const { link, channel, connected } = liveChannel(serverUrl, token);
      links.push(link);
      await connected;
      const reporter = new PresenceReporter();
      reporter.start(channel);
      reporter.stateChanged({ id: crypto.randomUUID(), state: 'available', reason: null, at: new Date().toISOString() });
      agents.push({ id: created.user.id, reporter, link, state: 'available' });
    }
    note(`wallboard: ${count} agents connected`);

    const supervisorToken = await signIn(serverUrl, lead.username, lead.password);
    const client = new CentralClient({ serverUrl });
    const pending = new Map<string, { since: string; state: string; at: number }>();
    const latencies: number[] = [];
    let settle: (() => void) | null = null;
    const onBoard = (board: Wallboard) => {
      const now = performance.now();
      for (const agent of board.agents) {
        const wanted = pending.get(agent.id);
        if (wanted && agent.status === wanted.state && agent.since === wanted.since) {
          latencies.push(now - wanted.at);
          pending.delete(agent.id);
        }
      }
      if (pending.size === 0) {
        settle?.();
        settle = null;
      }
    };
    const feed = new WallboardFeed({ fetch: () => client.wallboard(supervisorToken), emit: onBoard, log });
    const supervisor = liveChannel(serverUrl, supervisorToken, true);
    links.push(supervisor.link);
    await supervisor.connected;
    feed.attach(supervisor.channel);
    await feed.snapshot();

    let missed = 0;
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        agents.map(
          (agent) =>
            new Promise<void>((resolve) => {
              setTimeout(() => {
                const choices = STATES.filter((state) => state !== agent.state);
                const state = choices[Math.floor(Math.random() * choices.length)]!;
                const change: AgentStateChange = { id: crypto.randomUUID(), state, reason: null, at: new Date().toISOString() };
                agent.state = state;
                pending.set(agent.id, { since: change.at, state, at: performance.now() });
                agent.reporter.stateChanged(change);
                resolve();
              }, Math.random() * 1_000);
            }),
        ),
      );
      // Every change of this round is out; wait for the board to show the ones it has not yet.
      const done = pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (settle = resolve));
      const timedOut = await Promise.race([done.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), SAMPLE_TIMEOUT_MS))]);
      if (timedOut) {
        missed += pending.size;
        for (let i = 0; i < pending.size; i++) latencies.push(SAMPLE_TIMEOUT_MS);
        pending.clear();
      }
    }
    feed.detach();
    const sorted = latencies.sort((a, b) => a - b);
    return { samples: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0, missed };
  } finally {
    for (const agent of agents) agent.reporter.stop();
    for (const link of links) link.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { agents: { type: 'string' }, rounds: { type: 'string' } } });
  const dir = tempDir('bench-wallboard');
  const server = await startTsProcess(
    'server/main.ts',
    { PORT: '0', KALMA_DATA_DIR: dir.path, KALMA_DEMO: '1', KALMA_DEMO_CUSTOMERS: '0', LOG_LEVEL: 'info' },
    { name: 'server', timeoutMs: 120_000 },
  );
  try {
    const result = await measureWallboardState(String(server.ready.url), {
      agents: values.agents ? Number(values.agents) : undefined,
      rounds: values.rounds ? Number(values.rounds) : undefined,
      note: (text) => console.error(`[bench] ${text}`),
    });
    printWallboardFigures(result);
  } finally {
    await server.stop();
    dir.remove();
  }
}

export function printWallboardFigures(result: WallboardStateResult): void {
  console.log(`bench: wallboard-state-p50 ${result.p50.toFixed(1)} ms`);
  console.log(`bench: wallboard-state-p99 ${result.p99.toFixed(1)} ms`);
  console.log(`bench: wallboard-state-max ${result.max.toFixed(1)} ms`);
  console.log(`bench: wallboard-state-samples ${result.samples} changes`);
  if (result.missed > 0) console.error(`WARNING: ${result.missed} state changes never reached the wallboard within 10 s (counted as 10 s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
