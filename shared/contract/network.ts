import { z } from 'zod';
import { call, event } from './core';
import { Instant } from '../domain/row-version';

/**
 * The link between this computer's console host and the central server, as the host measures it:
 * it times the server's health endpoint every few seconds. The status bar combines it with the
 * page's own view (navigator.onLine) and the phone's registration into "Network: good / poor /
 * offline".
 */
export const ServerLink = z.object({
  /** The last ping got an answer (any answer: the link works, whatever the server said). */
  reachable: z.boolean(),
  /** Round trip in ms (the median of the last few answered pings); null while unreachable or unmeasured. */
  roundTripMs: z.number().int().min(0).max(120_000).nullable(),
  /** When the last ping ended; null before the first. */
  measuredAt: Instant.nullable(),
});
export type ServerLink = z.output<typeof ServerLink>;

export const networkCalls = {
  /** The link as last measured; afterwards follow the `network.quality` event. */
  'network.quality': call({ input: z.object({}).strict(), output: ServerLink }),
} as const;

export const networkEvents = {
  'network.quality': event({ payload: ServerLink }),
} as const;
