import { z } from 'zod';
import { PresenceReport } from '../domain/presence';

/**
 * What a console sends up its live socket (API_SYNC.live). Today one frame: its presence, sent when
 * it changes and every PRESENCE_HEARTBEAT_MS as a heartbeat. The server treats a console whose last
 * frame is older than PRESENCE_STALE_MS as unreachable, so an agent whose network drops without a
 * close shows as such within seconds (the sync heartbeat, 20–30 s, is far too slow for a wallboard).
 */

export const PRESENCE_HEARTBEAT_MS = 1_500;
/** Three heartbeats and a bit: one lost frame on a busy network is not an outage. */
export const PRESENCE_STALE_MS = 5_000;

export const LiveClientFrame = z.discriminatedUnion('type', [z.object({ type: z.literal('presence'), report: PresenceReport }).strict()]);
export type LiveClientFrame = z.output<typeof LiveClientFrame>;

/** A presence frame is small (two calls, a few triggers each); anything bigger is not one. */
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;
