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

export const LiveClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('presence'), report: PresenceReport }).strict(),
  /**
   * The console's page is gone (the web host's tab closed) while the host still runs: nobody can
   * take a call there, so the agent is unreachable now, not when the heartbeats would stop saying so.
   */
  z.object({ type: z.literal('gone') }).strict(),
]);
export type LiveClientFrame = z.output<typeof LiveClientFrame>;

/** A page gone this long is gone (a reload reconnects well within it). */
export const PAGE_GRACE_MS = 2_000;

/** A presence frame is small (two calls, a few triggers each); anything bigger is not one. */
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;
