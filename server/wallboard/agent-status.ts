import type { WallboardAgent } from '../../shared/api/wallboard';
import type { AgentStateName } from '../../shared/domain/agent-state';
import type { PresenceRow } from '../presence/presence-store';

/**
 * What the wallboard says about one agent, from their presence and their state log:
 * - a reachable console: the state and calls it reports;
 * - signed out (last state offline) or never seen: offline;
 * - anything else: unreachable, since the console was last heard from. An agent whose console went
 *   quiet while "available" is never shown as available: calls would be routed to nobody.
 */
export function agentStatus(
  presence: PresenceRow | undefined,
  lastLogged: { state: AgentStateName; at: string } | undefined,
): Pick<WallboardAgent, 'status' | 'since' | 'lastState' | 'calls'> {
  if (presence?.reachable) return { status: presence.state, since: presence.stateSince, lastState: presence.state, calls: presence.calls };
  // The later of the two: a state logged offline after the console went quiet is a sign-out.
  const fromPresence = presence ? { state: presence.state, at: presence.stateSince } : undefined;
  const last = [fromPresence, lastLogged]
    .filter((entry) => entry !== undefined)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (!last || last.state === 'offline') return { status: 'offline', since: last?.at ?? null, lastState: last?.state ?? null, calls: [] };
  return { status: 'unreachable', since: presence?.seenAt ?? last.at, lastState: last.state, calls: [] };
}
