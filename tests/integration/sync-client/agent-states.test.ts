import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import { backends, freshDatabase, openHost, startTestServer, waitForStatus, type TestServer } from './harness';
import { tempDir } from '../../fixtures/processes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(backends)('agent states (%s)', (backend) => {
  async function stateLog(server: TestServer): Promise<{ state: string; reason: string | null }[]> {
    const { rows } = await server.db.query<{ state: string; reason: string | null }>(
      `SELECT l.state, l.reason FROM agent_state_log l JOIN users u ON u.id = l.agent_id WHERE u.username = 'agent' ORDER BY l.at, l.received_at`,
    );
    return rows;
  }

  it('a shift on record: available at sign-in, a break chosen offline arrives with its own time, offline at sign-out', async () => {
    const dir = tempDir('agent-states');
    cleanups.push(() => dir.remove());
    const database = await freshDatabase(backend, dir.path);
    cleanups.push(() => database.drop());
    let server = await startTestServer(backend, { logLevel: 'warn' }, database);
    const port = Number(new URL(server.url).port);
    cleanups.push(() => server.close());
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    const announced: AgentStateChange[] = [];
    h.host.events.subscribe((name, payload) => {
      if (name === 'agent.stateChanged') announced.push(payload as AgentStateChange);
    });

    await h.signIn();
    expect(await h.value('agent.state')).toMatchObject({ state: 'available', reason: null });
    await waitForStatus(h, (s) => s.online && s.pending === 0);

    await server.close();
    await waitForStatus(h, (s) => !s.online);
    const chosenAt = Date.now();
    const onBreak = await h.value<AgentStateChange>('agent.setState', { state: 'break', reason: 'CR' });
    expect(Date.parse(onBreak.at)).toBeGreaterThanOrEqual(chosenAt - 1_000);
    expect(announced.map((s) => s.state)).toEqual(['available', 'break']);
    expect(await h.value('agent.state')).toMatchObject({ state: 'break', reason: 'CR' });

    server = await startTestServer(backend, { logLevel: 'warn', port }, database);
    await waitForStatus(h, (s) => s.online && s.pending === 0);
    expect(await stateLog(server)).toEqual([
      { state: 'available', reason: null },
      { state: 'break', reason: 'CR' },
    ]);
    const kept = await server.db.query<{ at: Date; received_at: Date }>(`SELECT at, received_at FROM agent_state_log WHERE state = 'break'`);
    // The break started when the agent chose it, not when the server heard of it.
    expect(kept.rows[0]!.at.getTime()).toBe(Date.parse(onBreak.at));
    expect(kept.rows[0]!.received_at.getTime()).toBeGreaterThan(kept.rows[0]!.at.getTime());

    // Signing out records offline; it reaches the server with the next sign-in on this machine,
    // which resumes nothing (offline → available).
    await h.value('session.signOut');
    await h.signIn();
    await waitForStatus(h, (s) => s.online && s.pending === 0);
    await vi.waitFor(async () => expect((await stateLog(server)).map((r) => r.state)).toEqual(['available', 'break', 'offline', 'available']));
  }, 180_000);

  it('refuses states the agent cannot choose and calls without a session', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    expect(await h.call('agent.state')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await h.signIn();
    expect(await h.call('agent.setState', { state: 'on_call' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('agent.setState', { state: 'lunch', reason: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('agent.setState', { state: 'lunch', shoes: 'off' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.value('agent.state')).toMatchObject({ state: 'available' });
  });
});
