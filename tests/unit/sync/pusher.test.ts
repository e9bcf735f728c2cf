import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postMutations } from '../../../electron/services/sync/push-client';
import { Pusher, type PushReport } from '../../../electron/services/sync/pusher';
import { customer, openTestCache, tempFile } from '../cache/cache-fixtures';
import { startSyncServerDouble, type SyncServerDouble } from './sync-server-double';

const RHEA = { id: 'u-rhea', name: 'Rhea Villanueva' };
const log = pino({ level: 'silent' });

let server: SyncServerDouble;
const pushers: Pusher[] = [];
beforeEach(async () => {
  server = await startSyncServerDouble();
});
afterEach(async () => {
  for (const p of pushers.splice(0)) p.close();
  await server.close();
});

function cacheWithNotes(count: number, file = tempFile()) {
  const cache = openTestCache(file);
  cache.applyBatch([customer('c1', 'Maria Santos')], 'k1');
  const notes = Array.from({ length: count }, (_, i) => cache.addNote('c1', `note ${i + 1}`, RHEA));
  return { cache, file, notes };
}

function pusherFor(cache: ReturnType<typeof openTestCache>, extra: Partial<ConstructorParameters<typeof Pusher>[0]> = {}) {
  const reports: PushReport[] = [];
  const pusher = new Pusher({
    outbox: cache,
    send: (mutations) => postMutations(server.url, 'good-token', mutations, { timeoutMs: 2_000 }),
    backoff: { baseMs: 20, maxMs: 200, jitter: 0 },
    onDrained: (r) => reports.push(r),
    log,
    ...extra,
  });
  pushers.push(pusher);
  return { pusher, reports };
}

const sentTexts = () => server.pushes.flatMap((p) => p.mutations.map((m) => (m.payload as { text: string }).text));

describe('the pusher', () => {
  it('drains the outbox oldest first, in batches, using the outbox ids as idempotency keys', async () => {
    const { cache } = cacheWithNotes(5);
    const ids = cache.pendingOutbox().map((e) => e.id);
    const { pusher } = pusherFor(cache, { batchSize: 2 });
    const report = await pusher.kick();

    expect(report).toEqual({ acked: 5, rejected: 0, failure: null, retryInMs: null });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([2, 2, 1]);
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.id))).toEqual(ids);
    expect(sentTexts()).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('acks a duplicate (the server had it from an earlier post) like an applied one', async () => {
    const { cache } = cacheWithNotes(2);
    server.push = (body) => ({ status: 200, body: { results: body.mutations.map((m) => ({ id: m.id, status: 'duplicate' })) } });
    await pusherFor(cache).pusher.kick();
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('keeps a rejected write with its reason, never sends it again, and lets the others through', async () => {
    const { cache } = cacheWithNotes(3);
    const [, second] = cache.pendingOutbox();
    server.push = (body) => ({
      status: 200,
      body: {
        results: body.mutations.map((m) =>
          m.id === second!.id ? { id: m.id, status: 'rejected', reason: 'customer c1 was deleted' } : { id: m.id, status: 'applied' },
        ),
      },
    });
    const { pusher } = pusherFor(cache);
    expect(await pusher.kick()).toMatchObject({ acked: 2, rejected: 1, failure: null });
    expect(cache.rejectedOutbox()).toEqual([expect.objectContaining({ id: second!.id, rejectedReason: 'customer c1 was deleted' })]);

    cache.addNote('c1', 'note 4', RHEA);
    await pusher.kick();
    expect(server.pushes.at(-1)!.mutations.map((m) => (m.payload as { text: string }).text)).toEqual(['note 4']);
    expect(sentTexts().filter((t) => t === 'note 2')).toHaveLength(1);
  });

  it('retries on its own timer with growing delays while the server fails, and delivers once it is back', async () => {
    const { cache } = cacheWithNotes(2);
    const attempts: number[] = [];
    server.push = (body) => {
      attempts.push(Date.now());
      if (attempts.length <= 4) return { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'db down' } } };
      return { status: 200, body: { results: body.mutations.map((m) => ({ id: m.id, status: 'applied' })) } };
    };
    const { pusher, reports } = pusherFor(cache);
    const first = await pusher.kick();
    expect(first.failure?.code).toBe('UNAVAILABLE');
    expect(first.retryInMs).toBe(20);
    expect(cache.pendingOutbox()[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/HTTP 503/) });

    // No new note, no kick: the pusher's own timer brings the notes through.
    await vi.waitFor(() => expect(cache.outboxCounts().pending).toBe(0), { timeout: 5_000, interval: 20 });
    expect(reports.map((r) => r.retryInMs)).toEqual([20, 40, 80, 160, null]);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    for (const [i, gap] of gaps.entries()) expect(gap).toBeGreaterThanOrEqual([20, 40, 80, 160][i]! - 5);
    expect(sentTexts().slice(-2)).toEqual(['note 1', 'note 2']);
  });

  it('never takes a broken answer for success: a dropped connection or a reply it cannot read leaves the notes queued', async () => {
    const { cache } = cacheWithNotes(2);
    const { pusher } = pusherFor(cache, { backoff: { baseMs: 60_000, jitter: 0 } });
    server.push = () => 'drop';
    expect((await pusher.kick()).failure?.code).toBe('UNAVAILABLE');
    server.push = () => ({ status: 200, body: 'ok' });
    expect((await pusher.kick()).failure?.code).toBe('UNAVAILABLE');
    server.push = () => ({ status: 200, body: { results: 'all good' } });
    expect((await pusher.kick()).failure?.code).toBe('UNAVAILABLE');
    expect(cache.outboxCounts()).toEqual({ pending: 2, rejected: 0 });
    expect(cache.pendingOutbox()[0]?.attempts).toBe(3);
  });

  it('keeps the writes an answer left out, and acks the rest', async () => {
    const { cache } = cacheWithNotes(3);
    const [, second] = cache.pendingOutbox();
    server.push = (body) => ({ status: 200, body: { results: body.mutations.filter((m) => m.id !== second!.id).map((m) => ({ id: m.id, status: 'applied' })) } });
    const report = await pusherFor(cache, { backoff: { baseMs: 60_000, jitter: 0 } }).pusher.kick();
    expect(report).toMatchObject({ acked: 2, failure: { code: 'UNAVAILABLE' } });
    expect(cache.pendingOutbox().map((e) => e.id)).toEqual([second!.id]);
  });

  it('finds the one write the server refuses as a request, rejects it with the reason, and sends the others', async () => {
    const { cache } = cacheWithNotes(3);
    const [, second] = cache.pendingOutbox();
    server.push = (body) =>
      body.mutations.some((m) => m.id === second!.id)
        ? { status: 400, body: { error: { code: 'INVALID_INPUT', message: 'mutations.0.payload: too long' } } }
        : { status: 200, body: { results: body.mutations.map((m) => ({ id: m.id, status: 'applied' })) } };
    const report = await pusherFor(cache).pusher.kick();
    expect(report).toMatchObject({ acked: 2, rejected: 1, failure: null });
    expect(cache.rejectedOutbox()[0]).toMatchObject({ id: second!.id, rejectedReason: 'mutations.0.payload: too long' });
    // The refused batch, then one at a time; the bad write is not sent again after its refusal.
    expect(server.pushes.map((p) => p.mutations.map((m) => (m.payload as { text: string }).text))).toEqual([
      ['note 1', 'note 2', 'note 3'],
      ['note 1'],
      ['note 2'],
      ['note 3'],
    ]);
  });

  it('stops without a retry when the session is refused; the notes wait for the next sign-in', async () => {
    const { cache, file } = cacheWithNotes(1);
    const { pusher } = pusherFor(cache, { send: (m) => postMutations(server.url, 'stale', m) });
    const report = await pusher.kick();
    expect(report).toMatchObject({ failure: { code: 'UNAUTHENTICATED' }, retryInMs: null });
    expect(pusher.waiting).toBe(false);
    cache.close();
    expect(openTestCache(file).outboxCounts()).toEqual({ pending: 1, rejected: 0 });
  });

  it('fills a request up to the byte limit, never past it', async () => {
    const { cache } = cacheWithNotes(0);
    for (let i = 0; i < 4; i++) cache.addNote('c1', `${i}`.repeat(1_000), RHEA);
    await pusherFor(cache, { maxBytes: 2_500 }).pusher.kick();
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([1, 1, 1, 1]);
    expect(cache.outboxCounts().pending).toBe(0);
  });
});
