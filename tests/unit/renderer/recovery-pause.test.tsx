// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import type { DispositionCode } from '../../../shared/domain/disposition';
import type { PendingWrapUp, WrapUpRules } from '../../../shared/domain/wrap-up';
import { AgentStateItem } from '../../../renderer/src/features/agent-state/AgentStateItem';
import { RecoveryPause } from '../../../renderer/src/features/agent-state/RecoveryPause';
import { resetAgentStateStore, useAgentStateStore } from '../../../renderer/src/features/agent-state/agent-state-store';
import { usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { WrapUpPane } from '../../../renderer/src/features/wrap-up/WrapUpPane';
import { resetWrapUpStore } from '../../../renderer/src/features/wrap-up/wrap-up-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, waitFor } from './support/dom';
import { callsTo, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const change = (state: AgentStateChange['state']): AgentStateChange => ({ id: crypto.randomUUID(), state, reason: null, at: new Date().toISOString() });

const resolved: DispositionCode = { code: 'resolved', labels: { en: 'Resolved' }, category: 'resolved', requiresCallback: false, sortOrder: 0 };

const pending = (rules: Partial<WrapUpRules> = {}): PendingWrapUp => ({
  call: {
    id: 'call-1',
    direction: 'inbound',
    number: '+639171234567',
    remoteUri: 'sip:+639171234567@kalma.local',
    customerId: null,
    line: 1,
    startedAt: new Date(Date.now() - 70_000).toISOString(),
    answeredAt: new Date(Date.now() - 65_000).toISOString(),
    endedAt: new Date(Date.now() - 5_000).toISOString(),
    endCause: 'hangup-remote',
    transfers: [],
  },
  since: new Date(Date.now() - 5_000).toISOString(),
  rules: { targetSeconds: 60, limitSeconds: 300, defaultDisposition: 'no_disposition', ...rules },
});

/** The agent's console with its host: the state the host keeps, changed only through `agent.setState`. */
function consoleWith(wrapUp: PendingWrapUp) {
  reply('wrapUp.pending', success(wrapUp));
  reply('wrapUp.save', success({ next: null }));
  reply('dispositions.list', success({ dispositions: [resolved], fetchedAt: new Date().toISOString() }));
  // The host puts the agent back to available once the wrap-up is saved; the test starts there.
  reply('agent.state', success(change('available')));
  reply('agent.setState', (input) => success(change((input as { state: AgentStateChange['state'] }).state)));
  stopAgentState = useAgentStateStore.getState().start();
  return render(
    <>
      <WrapUpPane />
      <RecoveryPause />
      <AgentStateItem />
    </>,
  );
}

async function saveWrapUp(root: HTMLElement, abusive: boolean): Promise<void> {
  await waitFor(() => root.querySelectorAll('[data-testid="wrap-up-disposition"] option').length === 1, 'the codes');
  await choose(byTestId<HTMLSelectElement>(root, 'wrap-up-disposition'), 'resolved');
  if (abusive) await click(byTestId(root, 'wrap-up-abusive'));
  await click(byTestId(root, 'wrap-up-save'));
  await waitFor(() => root.querySelector('[data-testid="wrap-up"]') === null, 'the wrap-up to close');
}

/** Real time passing (the pause is a second long in these tests), with React kept in step. */
const pass = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

let stopAgentState: () => void = () => {};
beforeEach(async () => {
  resetFakeHost();
  resetWrapUpStore();
  resetAgentStateStore();
  await switchUiLanguage('en');
});
afterEach(async () => {
  stopAgentState();
  await cleanup();
});

describe('the recovery pause after an abusive call', () => {
  it('is offered after saving a wrap-up flagged abusive, and taking it stops calls and counts down in the status bar', async () => {
    const root = await consoleWith(pending());
    await waitFor(() => root.querySelector('[data-testid="status-agent"][data-state="available"]'), 'available');
    await saveWrapUp(root, true);

    const offer = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="recovery-offer"]'), 'the offer');
    expect(byTestId(offer, 'recovery-offer-take').textContent).toBe('Take a recovery pause (5 min)');
    // Available, but no call rings while the agent decides.
    expect(byTestId(root, 'status-agent').dataset.state).toBe('available');
    expect(usePhoneStore.getState().takingCalls).toBe(false);

    await click(byTestId(root, 'recovery-offer-take'));
    await waitFor(() => root.querySelector('[data-testid="status-agent"][data-state="recovery"]'), 'in recovery');
    expect(callsTo('agent.setState')).toEqual([{ state: 'recovery' }]);
    expect(byTestId(root, 'status-agent').textContent).toContain('Recovery pause');
    // Counting down from five minutes, not up from zero.
    expect(byTestId(root, 'status-agent-recovery-left').textContent).toMatch(/^0[45]:[0-5]\d$/);
    expect(root.querySelector('[data-testid="recovery-offer"]')).toBeNull();
    expect(usePhoneStore.getState().takingCalls).toBe(false);
  });

  it('is not offered when the call was not flagged abusive', async () => {
    const root = await consoleWith(pending());
    await saveWrapUp(root, false);
    expect(root.querySelector('[data-testid="recovery-offer"]')).toBeNull();
    expect(useAgentStateStore.getState().recoveryOffer).toBeNull();
  });

  it('is not offered when the floor set the pause to 0', async () => {
    const root = await consoleWith(pending({ recoveryPauseSeconds: 0 }));
    await saveWrapUp(root, true);
    expect(root.querySelector('[data-testid="recovery-offer"]')).toBeNull();
  });

  it('goes away with “Not now”, leaving the agent available', async () => {
    const root = await consoleWith(pending());
    await saveWrapUp(root, true);
    await waitFor(() => root.querySelector('[data-testid="recovery-offer"]'), 'the offer');
    expect(usePhoneStore.getState().takingCalls).toBe(false);
    await click(byTestId(root, 'recovery-offer-decline'));
    expect(root.querySelector('[data-testid="recovery-offer"]')).toBeNull();
    expect(callsTo('agent.setState')).toEqual([]);
    expect(byTestId(root, 'status-agent').dataset.state).toBe('available');
    expect(usePhoneStore.getState().takingCalls).toBe(true);
  });

  it('returns the agent to available by itself when the time is up', async () => {
    const root = await consoleWith(pending({ recoveryPauseSeconds: 1 }));
    await saveWrapUp(root, true);
    const take = await waitFor(() => root.querySelector<HTMLButtonElement>('[data-testid="recovery-offer-take"]'), 'the offer');
    expect(take.textContent).toBe('Take a recovery pause (00:01)');
    await click(take);
    await waitFor(() => root.querySelector('[data-testid="status-agent"][data-state="recovery"]'), 'in recovery');
    expect(byTestId(root, 'recovery-pause').textContent).toContain('00:01');
    await pass(1_300);
    await waitFor(() => root.querySelector('[data-testid="status-agent"][data-state="available"]'), 'available again');
    expect(callsTo('agent.setState')).toEqual([{ state: 'recovery' }, { state: 'available' }]);
    expect(usePhoneStore.getState().takingCalls).toBe(true);
    expect(root.querySelector('[data-testid="recovery-pause"]')).toBeNull();
  });

  it('keeps the floor’s length across a reload of the console mid-pause', async () => {
    const root = await consoleWith(pending({ recoveryPauseSeconds: 90 }));
    await saveWrapUp(root, true);
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('[data-testid="recovery-offer-take"]'), 'the offer'));
    await waitFor(() => root.querySelector('[data-testid="status-agent"][data-state="recovery"]'), 'in recovery');
    const endsAt = useAgentStateStore.getState().recoveryEndsAt!;
    const taken = useAgentStateStore.getState().current!;

    // The reload: the page's stores start empty, the host still says "recovery".
    stopAgentState();
    await cleanup();
    resetAgentStateStore();
    reply('agent.state', success(taken));
    stopAgentState = useAgentStateStore.getState().start();
    const again = await render(<AgentStateItem />);
    await waitFor(() => again.querySelector('[data-testid="status-agent"][data-state="recovery"]'), 'still in recovery');
    expect(useAgentStateStore.getState().recoveryEndsAt).toBe(endsAt);
    // A minute and a half, not the five-minute default.
    expect(byTestId(again, 'status-agent-recovery-left').textContent).toMatch(/^01:[23]\d$/);

    // A later pause is its own: the remembered end belongs to the change that started the first.
    stopAgentState();
    await cleanup();
    resetAgentStateStore();
    reply('agent.state', success(change('recovery')));
    stopAgentState = useAgentStateStore.getState().start();
    const later = await render(<AgentStateItem />);
    await waitFor(() => later.querySelector('[data-testid="status-agent"][data-state="recovery"]'), 'a later pause');
    expect(byTestId(later, 'status-agent-recovery-left').textContent).toMatch(/^0[45]:[0-5]\d$/);
  });

  it('can be ended early, and then does not end a second time', async () => {
    const root = await consoleWith(pending({ recoveryPauseSeconds: 1 }));
    await saveWrapUp(root, true);
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('[data-testid="recovery-offer-take"]'), 'the offer'));
    await click(await waitFor(() => root.querySelector<HTMLButtonElement>('[data-testid="recovery-pause-end"]'), 'the end button'));
    await waitFor(() => root.querySelector('[data-testid="status-agent"][data-state="available"]'), 'available');
    // The timer went with the pause: nothing more is sent when its second would have been up.
    await pass(1_300);
    expect(callsTo('agent.setState')).toEqual([{ state: 'recovery' }, { state: 'available' }]);
  });
});
