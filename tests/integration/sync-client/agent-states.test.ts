import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import type { DispositionChoices } from '../../../shared/contract/wrap-up';
import type { PendingWrapUp } from '../../../shared/domain/wrap-up';
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

  it('a recovery pause after an abusive call: the floor’s length reaches the console, the pause reaches the log', async () => {
    const server = await startTestServer(backend, {
      logLevel: 'warn',
      wrapUpRules: { targetSeconds: 60, limitSeconds: 300, defaultDisposition: 'no_disposition', recoveryPauseSeconds: 120 },
    });
    cleanups.push(() => server.close());
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    await h.signIn();
    await vi.waitFor(async () => expect((await h.value<DispositionChoices>('dispositions.list')).fetchedAt).not.toBeNull());

    const ended = Date.now();
    const at = (secondsAgo: number) => new Date(ended - secondsAgo * 1000).toISOString();
    await h.value('calls.connected', { callId: 'abusive-1' });
    await h.value('calls.logEnded', {
      id: 'abusive-1',
      direction: 'inbound',
      number: '+5511987654321',
      remoteUri: 'sip:+5511987654321@pbx.example',
      customerId: null,
      line: 1,
      startedAt: at(95),
      answeredAt: at(90),
      endedAt: at(0),
      endCause: 'hangup-remote',
      transfers: [],
    });
    const pending = await h.value<PendingWrapUp>('wrapUp.pending');
    // The console offers the pause the floor set, not the default.
    expect(pending.rules.recoveryPauseSeconds).toBe(120);
    await h.value('wrapUp.save', { callId: 'abusive-1', disposition: 'resolved', abusive: true });
    expect(await h.value('agent.state')).toMatchObject({ state: 'available' });

    expect(await h.value('agent.setState', { state: 'recovery' })).toMatchObject({ state: 'recovery' });
    await h.value('agent.setState', { state: 'available' });
    await waitForStatus(h, (s) => s.online && s.pending === 0 && s.rejected === 0);
    expect((await stateLog(server)).map((r) => r.state)).toEqual(['available', 'on_call', 'after_call_work', 'available', 'recovery', 'available']);
  }, 120_000);

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
