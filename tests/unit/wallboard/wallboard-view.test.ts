import { describe, expect, it } from 'vitest';
import type { WallboardAgent } from '../../../shared/api/wallboard';
import type { LiveCall } from '../../../shared/domain/presence';
import { needsAttention, wallboardRows, type WallboardViewOptions } from '../../../shared/wallboard/wallboard-view';

const call: LiveCall = {
  callId: 'c1',
  reference: '1202-0000-0000',
  line: 1,
  direction: 'inbound',
  customerId: 'cu1',
  customerName: 'Ana Reyes',
  startedAt: '2026-12-02T09:00:00Z',
  answeredAt: '2026-12-02T09:00:05Z',
  onHold: false,
  triggers: [],
  scripts: [],
};

function agent(name: string, status: WallboardAgent['status'], since: string, extra: Partial<WallboardAgent> = {}): WallboardAgent {
  return { id: name.toLowerCase(), name, teamIds: ['t1'], status, since, lastState: null, calls: [], openEscalations: 0, callbacksDue: 0, ...extra };
}

const agents = [
  agent('Bea', 'available', '2026-12-02T09:10:00Z'),
  agent('Carl', 'on_call', '2026-12-02T09:00:00Z', { calls: [call] }),
  agent('Dina', 'unreachable', '2026-12-02T09:12:00Z'),
  agent('Ed', 'break', '2026-12-02T08:40:00Z', { teamIds: ['t2'] }),
  agent('Abe', 'available', '2026-12-02T09:05:00Z', { callbacksDue: 1 }),
];

const view = (options: Partial<WallboardViewOptions>) =>
  wallboardRows(agents, { sort: 'status', filter: 'all', teamId: null, text: '', ...options }).map((a) => a.name);

describe('wallboard rows', () => {
  it('puts unreachable agents first, then by status, longest in it first', () => {
    expect(view({})).toEqual(['Dina', 'Carl', 'Abe', 'Bea', 'Ed']);
  });

  it('sorts by name, by time in status and by calls', () => {
    expect(view({ sort: 'name' })).toEqual(['Abe', 'Bea', 'Carl', 'Dina', 'Ed']);
    expect(view({ sort: 'time-in-state' })).toEqual(['Ed', 'Carl', 'Abe', 'Bea', 'Dina']);
    expect(view({ sort: 'calls' })[0]).toBe('Carl');
  });

  it('filters by status, team, attention and a name of agent or customer', () => {
    expect(view({ filter: 'on-call' })).toEqual(['Carl']);
    expect(view({ filter: 'away' })).toEqual(['Ed']);
    expect(view({ filter: 'unreachable' })).toEqual(['Dina']);
    expect(view({ filter: 'needs-attention' })).toEqual(['Dina', 'Abe']);
    expect(view({ teamId: 't2' })).toEqual(['Ed']);
    expect(view({ text: 'ana rey' })).toEqual(['Carl']);
    expect(view({ text: 'BEA' })).toEqual(['Bea']);
  });

  it('counts a guidance trigger in a live call as needing attention', () => {
    const upset = agent('Fe', 'on_call', '2026-12-02T09:00:00Z', { calls: [{ ...call, triggers: [{ trigger: 'customer-upset', at: '2026-12-02T09:01:00Z' }] }] });
    expect(needsAttention(upset)).toBe(true);
    expect(needsAttention(agents[1]!)).toBe(false);
  });
});
