import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import { inProcessTarget } from '../../../electron/services/sync/in-process-target';
import { pullChanges, type PullEvent } from '../../../electron/services/sync/pull-loop';
import { customer, interaction, openTestCache, tempFile } from '../cache/cache-fixtures';
import { frame, startSyncServerDouble, type SyncServerDouble } from './sync-server-double';

let server: SyncServerDouble;
beforeEach(async () => {
  server = await startSyncServerDouble();
});
afterEach(async () => {
  await server.close();
});

const opts = (extra: Partial<Parameters<typeof pullChanges>[1]> = {}) => ({ serverUrl: server.url, token: 'good-token', ...extra });

async function failureOf(promise: Promise<unknown>): Promise<ContractFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected the pull to fail');
}

const names = (cache: ReturnType<typeof openTestCache>) => cache.search('a', 100).map((h) => h.name).sort();

describe('a pull', () => {
  it('applies every batch with its cursor, follows `more`, and marks the cache caught up at the end', async () => {
    const cache = openTestCache(tempFile(), { now: () => new Date('2025-03-01T10:00:00Z') });
    server.pull = (cursor) =>
      cursor === null
        ? { lines: [frame.start(3), frame.batch([customer('c1', 'Ana Reyes')], 'k1'), frame.batch([customer('c2', 'Ana Lima')], 'k2'), frame.end('k2', true)] }
        : { lines: [frame.start(1), frame.batch([customer('c3', 'Ana Costa')], 'k3'), frame.end('k3', false)] };
    const events: PullEvent[] = [];
    const outcome = await pullChanges(cache, opts(), (e) => events.push(e));

    expect(outcome).toEqual({ rows: 3, requests: 2, caughtUpAt: '2025-03-01T10:00:00.000Z' });
    expect(server.pulls).toEqual([null, 'k2']);
    expect(cache.cursor()).toBe('k3');
    expect(cache.caughtUpAt()).toBe('2025-03-01T10:00:00.000Z');
    expect(names(cache)).toEqual(['Ana Costa', 'Ana Lima', 'Ana Reyes']);
    expect(events.map((e) => e.type)).toEqual(['start', 'batch', 'batch', 'start', 'batch']);
  });

  it('keeps the end cursor when it lies past the last batch (rows this person may not see)', async () => {
    const cache = openTestCache(tempFile());
    server.pull = () => ({ lines: [frame.start(0), frame.batch([customer('c1', 'Ana Reyes')], 'k1'), frame.end('k9')] });
    await pullChanges(cache, opts());
    expect(cache.cursor()).toBe('k9');
  });

  it('stops at a row it cannot read: that batch is not written and the cursor stays before it', async () => {
    const cache = openTestCache(tempFile());
    server.pull = () => ({
      lines: [
        frame.start(3),
        frame.batch([customer('c1', 'Ana Reyes')], 'k1'),
        frame.batch([customer('c2', 'Ana Lima'), { entity: 'customer', data: { id: 'c3', version: 3 } }], 'k2'),
        frame.end('k2'),
      ],
    });
    const failure = await failureOf(pullChanges(cache, opts()));
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.message).toMatch(/sync row 1/);
    expect(cache.cursor()).toBe('k1');
    expect(names(cache)).toEqual(['Ana Reyes']);
    expect(cache.caughtUpAt()).toBeNull();
  });

  it('stops at a garbled line with its line number, and does not move the cursor', async () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([customer('c0', 'Ana Santos')], 'k0');
    server.pull = () => ({ lines: [frame.start(1), '{"type":"batch","rows":[{"enti', frame.end('k1')] });
    const failure = await failureOf(pullChanges(cache, opts()));
    expect(failure.code).toBe('UNAVAILABLE');
    expect(failure.message).toMatch(/line 2: not JSON/);
    expect(cache.cursor()).toBe('k0');
  });

  it('treats a stream cut before its end frame as a failure, and resumes from the last committed batch', async () => {
    const cache = openTestCache(tempFile());
    server.pull = () => ({
      lines: [frame.start(2), frame.batch([customer('c1', 'Ana Reyes')], 'k1'), frame.batch([customer('c2', 'Ana Lima')], 'k2'), frame.end('k2')],
      cutAfter: 2,
    });
    expect((await failureOf(pullChanges(cache, opts()))).code).toBe('UNAVAILABLE');
    expect(cache.cursor()).toBe('k1');
    expect(cache.caughtUpAt()).toBeNull();

    server.pull = (cursor) => ({ lines: [frame.start(1), frame.batch([customer('c2', 'Ana Lima')], 'k2'), frame.end('k2')], cutAfter: cursor === 'k1' ? undefined : 0 });
    await pullChanges(cache, opts());
    expect(server.pulls).toEqual([null, 'k1']);
    expect(names(cache)).toEqual(['Ana Lima', 'Ana Reyes']);
  });

  it('gives up on a stream that stalls, after the idle timeout', async () => {
    const cache = openTestCache(tempFile());
    server.pull = () => ({ lines: [frame.start(1), frame.end(null)], stallAfter: 1 });
    const started = Date.now();
    const failure = await failureOf(pullChanges(cache, opts({ idleTimeoutMs: 300 })));
    expect(failure.code).toBe('UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses frames out of order', async () => {
    const cache = openTestCache(tempFile());
    server.pull = () => ({ lines: [frame.batch([customer('c1', 'Ana Reyes')], 'k1'), frame.end('k1')] });
    expect((await failureOf(pullChanges(cache, opts()))).message).toMatch(/line 1: a batch frame before the start frame/);
    expect(cache.cursor()).toBeNull();
  });

  it('maps refusals: a bad token is UNAUTHENTICATED, a crash is UNAVAILABLE, no server is UNAVAILABLE', async () => {
    const cache = openTestCache(tempFile());
    expect((await failureOf(pullChanges(cache, opts({ token: 'stale' })))).code).toBe('UNAUTHENTICATED');
    server.pull = () => ({ status: 500, lines: [] });
    expect((await failureOf(pullChanges(cache, opts()))).code).toBe('UNAVAILABLE');
    await server.close();
    expect((await failureOf(pullChanges(cache, opts()))).code).toBe('UNAVAILABLE');
    server = await startSyncServerDouble();
  });
});

describe('the main-thread pull target', () => {
  it('writes a big batch in slices yet moves the cursor only with the last slice', async () => {
    const cache = openTestCache(tempFile());
    const rows = Array.from({ length: 25 }, (_, i) => customer(`c${i}`, `Ana ${String(i).padStart(2, '0')}`));
    await inProcessTarget(cache, 10).applyBatch(rows, 'k1');
    expect(cache.cursor()).toBe('k1');
    expect(cache.search('ana', 100)).toHaveLength(25);

    const bad = [...rows.slice(0, 9), interaction('i1', 'c1', { text: 'troca' }), { entity: 'order', data: {} }];
    await expect(inProcessTarget(cache, 10).applyBatch(bad, 'k2')).rejects.toThrow(/sync row 10/);
    expect(cache.cursor()).toBe('k1');
    // Validation runs before any slice is written: the good note of the refused batch is not there.
    expect(cache.search('troca')).toEqual([]);
  });
});
