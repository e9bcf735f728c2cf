import type { WallboardAgent, WallboardStatus } from '../api/wallboard';

/**
 * How the supervisor orders and narrows the wallboard's rows. Pure, so the page and its tests agree.
 * Unreachable agents sort first under "status": they are what a supervisor must notice.
 */

export const WALLBOARD_SORTS = ['status', 'name', 'time-in-state', 'calls'] as const;
export type WallboardSort = (typeof WALLBOARD_SORTS)[number];

export const WALLBOARD_FILTERS = ['all', 'on-call', 'available', 'away', 'unreachable', 'needs-attention'] as const;
export type WallboardFilter = (typeof WALLBOARD_FILTERS)[number];

export interface WallboardViewOptions {
  sort: WallboardSort;
  filter: WallboardFilter;
  /** Only this team's agents; null for every team shown. */
  teamId: string | null;
  /** Part of the agent's or a live call's customer name, any case. */
  text: string;
}

const STATUS_ORDER: readonly WallboardStatus[] = [
  'unreachable',
  'on_call',
  'after_call_work',
  'available',
  'recovery',
  'break',
  'lunch',
  'training',
  'meeting',
  'offline',
];

const AWAY: ReadonlySet<WallboardStatus> = new Set(['break', 'lunch', 'training', 'meeting', 'recovery']);

/** An agent a supervisor should look at: unreachable, a guidance trigger in a live call, an escalation waiting, a callback due. */
export function needsAttention(agent: WallboardAgent): boolean {
  return (
    agent.status === 'unreachable' ||
    agent.calls.some((call) => call.triggers.length > 0) ||
    agent.openEscalations > 0 ||
    agent.callbacksDue > 0
  );
}

function matchesFilter(agent: WallboardAgent, filter: WallboardFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'on-call':
      return agent.status === 'on_call' || agent.calls.length > 0;
    case 'available':
      return agent.status === 'available';
    case 'away':
      return AWAY.has(agent.status);
    case 'unreachable':
      return agent.status === 'unreachable';
    case 'needs-attention':
      return needsAttention(agent);
  }
}

function matchesText(agent: WallboardAgent, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [agent.name, ...agent.calls.map((call) => call.customerName ?? '')].some((name) => name.toLocaleLowerCase().includes(needle));
}

const sinceMs = (agent: WallboardAgent) => (agent.since === null ? Number.POSITIVE_INFINITY : Date.parse(agent.since));

export function wallboardRows(agents: readonly WallboardAgent[], options: WallboardViewOptions): WallboardAgent[] {
  const byName = (a: WallboardAgent, b: WallboardAgent) => a.name.localeCompare(b.name);
  const compare: Record<WallboardSort, (a: WallboardAgent, b: WallboardAgent) => number> = {
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || sinceMs(a) - sinceMs(b) || byName(a, b),
    name: byName,
    // Longest in their state first: the break that ran over, the call that drags on.
    'time-in-state': (a, b) => sinceMs(a) - sinceMs(b) || byName(a, b),
    calls: (a, b) => b.calls.length - a.calls.length || sinceMs(a) - sinceMs(b) || byName(a, b),
  };
  return agents
    .filter((agent) => options.teamId === null || agent.teamIds.includes(options.teamId))
    .filter((agent) => matchesFilter(agent, options.filter) && matchesText(agent, options.text))
    .sort(compare[options.sort]);
}
