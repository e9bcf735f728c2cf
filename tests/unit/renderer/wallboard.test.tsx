// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Wallboard as Board, WallboardAgent } from '../../../shared/api/wallboard';
import type { LiveCall } from '../../../shared/domain/presence';
import { Wallboard } from '../../../renderer/src/features/wallboard/Wallboard';
import { useWallboardStore, wallboardInitialState } from '../../../renderer/src/features/wallboard/wallboard-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, waitFor } from './support/dom';
import { useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { emit, failure, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const call: LiveCall = {
  callId: 'sip-1',
  reference: '1202-0000-0000',
  line: 2,
  direction: 'inbound',
  customerId: 'cu-1',
  customerName: 'Ana Reyes',
  startedAt: new Date(Date.now() - 90_000).toISOString(),
  answeredAt: new Date(Date.now() - 85_000).toISOString(),
  onHold: true,
  triggers: [{ trigger: 'customer-level-rise', at: new Date().toISOString() }],
  scripts: [{ title: { en: 'Upset or angry customer' }, stepsDone: 2, stepCount: 5, checked: 1, checklistCount: 4 }],
};

const agent = (name: string, extra: Partial<WallboardAgent>): WallboardAgent => ({
  id: name.toLowerCase(),
  name,
  teamIds: ['t1'],
  status: 'available',
  since: new Date(Date.now() - 60_000).toISOString(),
  lastState: 'available',
  calls: [],
  openEscalations: 0,
  callbacksDue: 0,
  ...extra,
});

const board = (agents: WallboardAgent[]): Board => ({ teams: [{ id: 't1', name: 'Manila Care 1' }], agents, allTeams: false, serverTime: new Date().toISOString() });

const rowOf = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="wallboard-row"][data-agent-id="${id}"]`);

beforeEach(async () => {
  resetFakeHost();
  useWallboardStore.setState(wallboardInitialState);
  reply('wallboard.figures', failure('UNAVAILABLE'));
  await switchUiLanguage('en');
});
afterEach(() => cleanup());

describe("the supervisor's wallboard", () => {
  it('shows each agent, their live call with the customer, line, hold and prompts, and the monitoring slot per call', async () => {
    reply(
      'wallboard.snapshot',
      success(board([agent('Carl', { status: 'on_call', calls: [call] }), agent('Dina', { status: 'unreachable', lastState: 'available', openEscalations: 1 })])),
    );
    const root = await render(<Wallboard callActions={(person, live) => <button type="button">{`Listen to ${person.id} ${live.callId}`}</button>} />);
    const carl = await waitFor(() => rowOf(root, 'carl'), 'Carl');
    expect(carl.textContent).toContain('On a call');
    expect(byTestId(carl, 'wallboard-call').textContent).toMatch(/Line 2 Ana Reyes incoming \d\d:\d\d On hold Prompts: Customer's voice rising/);
    expect(carl.querySelector('button')?.textContent).toBe('Listen to carl sip-1');

    const dina = rowOf(root, 'dina')!;
    expect(byTestId(dina, 'wallboard-status').textContent).toBe('Unreachable');
    expect(dina.textContent).toContain('(last: Available)');
    expect(dina.textContent).toContain('1 escalation waiting for a decision');
    // Unreachable agents come first: they are what the supervisor must see.
    expect([...root.querySelectorAll('[data-testid="wallboard-row"]')].map((row) => row.getAttribute('data-agent-id'))).toEqual(['dina', 'carl']);
  });

  it('opens a call’s context: how far the agent is in the script, and the customer’s card', async () => {
    reply('wallboard.snapshot', success(board([agent('Carl', { status: 'on_call', calls: [call] })])));
    const root = await render(<Wallboard />);
    const carl = await waitFor(() => rowOf(root, 'carl'), 'Carl');
    const toggle = byTestId<HTMLButtonElement>(carl, 'wallboard-call-details');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(byTestId(carl, 'wallboard-call-script').textContent).toBe('Upset or angry customer: step 2 of 5, checklist 1 of 4');
    await click(byTestId(carl, 'wallboard-open-customer'));
    expect(useCustomersStore.getState().selectedId).toBe('cu-1');
  });

  it('follows the host: a change arrives as wallboard.changed and the row shows it without a reload', async () => {
    reply('wallboard.snapshot', success(board([agent('Bea', {})])));
    const root = await render(<Wallboard />);
    await waitFor(() => rowOf(root, 'bea')?.getAttribute('data-status') === 'available', 'Bea available');
    emit('wallboard.changed', board([agent('Bea', { status: 'break', since: new Date().toISOString() })]));
    await waitFor(() => rowOf(root, 'bea')?.getAttribute('data-status') === 'break', 'Bea on break');
    expect(byTestId(rowOf(root, 'bea')!, 'wallboard-status').textContent).toBe('Break');
  });

  it('filters to the agents the supervisor asks for', async () => {
    reply('wallboard.snapshot', success(board([agent('Bea', {}), agent('Ed', { status: 'lunch' })])));
    const root = await render(<Wallboard />);
    await waitFor(() => rowOf(root, 'ed'), 'Ed');
    await choose(byTestId<HTMLSelectElement>(root, 'wallboard-filter'), 'away');
    await waitFor(() => rowOf(root, 'bea') === null, 'Bea filtered out');
    expect(rowOf(root, 'ed')).not.toBeNull();
  });
});
