import { z } from 'zod';
import { TeamFigures, Wallboard } from '../api/wallboard';
import { LiveCall } from '../domain/presence';
import { Instant } from '../domain/row-version';
import { call, event } from './core';

/**
 * Presence and the supervisor's wallboard. The page tells the host its live calls (only the page
 * knows the lines, the customer on screen and the guidance fired); the host adds the agent's state
 * and keeps the server told. A supervisor's page reads the wallboard through its host, which hears
 * of every change on its live socket and sends the new board as `wallboard.changed`.
 */

export const wallboardCalls = {
  /** The calls on this console's lines now (empty when none). */
  'presence.calls': call({ input: z.object({ calls: z.array(LiveCall).max(2) }).strict(), output: z.null() }),
  /** Supervisors: the wallboard now; from then on the host sends `wallboard.changed` as it changes. */
  'wallboard.snapshot': call({ input: z.object({}).strict(), output: Wallboard }),
  /** Supervisors: today's figures from `since` (the console's own midnight). */
  'wallboard.figures': call({ input: z.object({ since: Instant }).strict(), output: TeamFigures }),
} as const;

export const wallboardEvents = {
  'wallboard.changed': event({ payload: Wallboard }),
} as const;
