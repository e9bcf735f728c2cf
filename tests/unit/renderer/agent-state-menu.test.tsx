// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import { AgentStateMenu } from '../../../renderer/src/features/agent-state/AgentStateMenu';
import { resetAgentStateStore } from '../../../renderer/src/features/agent-state/agent-state-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, emit, failure, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const change = (state: AgentStateChange['state'], reason: string | null = null, at = new Date().toISOString()): AgentStateChange => ({
  id: crypto.randomUUID(),
  state,
  reason,
  at,
});

beforeEach(async () => {
  resetFakeHost();
  resetAgentStateStore();
  await switchUiLanguage('en');
});
afterEach(cleanup);

describe('the agent state menu', () => {
  it('shows the state and how long the agent has been in it', async () => {
    reply('agent.state', success(change('available', null, new Date(Date.now() - 65_000).toISOString())));
    const root = await render(<AgentStateMenu />);
    const menu = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="agent-state"]'), 'the menu');
    expect(menu.dataset.state).toBe('available');
    expect(byTestId<HTMLSelectElement>(root, 'agent-state-select').selectedOptions[0]?.textContent).toBe('Available');
    expect(byTestId(root, 'agent-state-duration').textContent).toMatch(/^01:0[5-7]$/);
  });

  it('sends the agent’s choice and then a reason for it', async () => {
    reply('agent.state', success(change('available')));
    reply('agent.setState', (input) => {
      const { state, reason } = input as { state: 'lunch'; reason?: string };
      return success(change(state, reason ?? null));
    });
    const root = await render(<AgentStateMenu />);
    await waitFor(() => root.querySelector('[data-testid="agent-state"]'), 'the menu');

    await choose(byTestId<HTMLSelectElement>(root, 'agent-state-select'), 'lunch');
    await waitFor(() => root.querySelector('[data-state="lunch"]'), 'lunch shown');
    await typeInto(byTestId<HTMLInputElement>(root, 'agent-state-reason'), 'with the team');
    await click(root.querySelector<HTMLButtonElement>('.agent-state-reason button')!);

    expect(callsTo('agent.setState')).toEqual([{ state: 'lunch' }, { state: 'lunch', reason: 'with the team' }]);
  });

  it('follows changes the console makes itself, such as a call connecting', async () => {
    reply('agent.state', success(change('available')));
    const root = await render(<AgentStateMenu />);
    await waitFor(() => root.querySelector('[data-state="available"]'), 'available');
    emit('agent.stateChanged', change('on_call'));
    await waitFor(() => root.querySelector('[data-state="on_call"]'), 'on a call');
    expect(byTestId<HTMLSelectElement>(root, 'agent-state-select').selectedOptions[0]?.textContent).toBe('On a call');
  });

  it('says so when the state could not be saved, and keeps the one that is true', async () => {
    reply('agent.state', success(change('available')));
    reply('agent.setState', failure('UNAVAILABLE'));
    const root = await render(<AgentStateMenu />);
    await waitFor(() => root.querySelector('[data-state="available"]'), 'available');
    await choose(byTestId<HTMLSelectElement>(root, 'agent-state-select'), 'break');
    await waitFor(() => root.querySelector('[role="alert"]'), 'an error');
    expect(byTestId(root, 'agent-state').dataset.state).toBe('available');
  });
});
