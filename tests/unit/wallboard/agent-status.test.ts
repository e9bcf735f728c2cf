import { describe, expect, it } from 'vitest';
import type { PresenceRow } from '../../../server/presence/presence-store';
import { agentStatus } from '../../../server/wallboard/agent-status';

const presence = (reachable: boolean, state: PresenceRow['state'] = 'available'): PresenceRow => ({
  agentId: 'a',
  reachable,
  state,
  stateSince: '2026-12-02T09:00:00.000Z',
  calls: [],
  seenAt: '2026-12-02T09:30:00.000Z',
});

describe("an agent's status on the wallboard", () => {
  it('is what a reachable console reports', () => {
    expect(agentStatus(presence(true, 'lunch'), undefined)).toMatchObject({ status: 'lunch', since: '2026-12-02T09:00:00.000Z' });
  });

  it('is unreachable, never available, when the console went quiet, since it was last heard from', () => {
    expect(agentStatus(presence(false), undefined)).toMatchObject({ status: 'unreachable', lastState: 'available', since: '2026-12-02T09:30:00.000Z' });
  });

  it('is unreachable when the state log says available but no console ever reported', () => {
    expect(agentStatus(undefined, { state: 'available', at: '2026-12-02T08:00:00.000Z' })).toMatchObject({ status: 'unreachable' });
  });

  it('is offline after signing out or when nothing is known', () => {
    expect(agentStatus(presence(false, 'offline'), undefined).status).toBe('offline');
    expect(agentStatus(presence(false), { state: 'offline', at: '2026-12-02T10:00:00.000Z' }).status).toBe('offline');
    expect(agentStatus(undefined, undefined)).toEqual({ status: 'offline', since: null, lastState: null, calls: [] });
  });
});
