import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_SYNC, PullQuery, PushRequest, PULL_BATCH_ROWS, type PushResponse } from '../../shared/api/sync';
import { ANY_ROLE, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { parseBody } from '../http/errors';
import { decodeCursor, encodeCursor, FEED_START, type FeedPosition } from './cursor';
import { estimateRemaining, readFeedPage } from './feed';
import { CHANGES_CHANNEL, LiveHub, type LiveHubOptions } from './live';
import { applyPush, type PushSettings } from './push';
import { PresenceHub, type PresenceHubOptions } from '../presence/presence-hub';

export interface SyncRouteOptions {
  db: Db;
  live?: LiveHubOptions;
  /** What pushed mutations need to know (the manager's approval limit); defaults when absent. */
  push?: PushSettings;
  /** Presence timings (stale limit, sweep); tests shorten them. */
  presence?: PresenceHubOptions;
  /** Told after every push has been applied (the survey sender looks for new invitations). */
  afterPush?: () => void;
}

/**
 * Pull (NDJSON stream of the change feed), push (idempotent mutations) and live (WebSocket pokes
 * fed by LISTEN kalma_changes). Needs @fastify/websocket registered on the app.
 */
export async function registerSyncRoutes(app: FastifyInstance, { db, live, push, presence: presenceOptions, afterPush }: SyncRouteOptions): Promise<void> {
  const hub = new LiveHub(live);
  const presence = new PresenceHub(db, app.log, presenceOptions);
  const stopListening = await db.listen(CHANGES_CHANNEL, () => hub.changed());
  const stopPresence = await presence.listen();
  app.addHook('preClose', async () => {
    presence.close();
    hub.close();
  });
  app.addHook('onClose', async () => {
    await stopPresence();
    await stopListening();
  });

  app.get(API_SYNC.pull, { config: { access: ANY_ROLE } }, async (request, reply) => {
    const query = parseBody(PullQuery, request.query);
    const from = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const remaining = await estimateRemaining(db, from ?? FEED_START);
    const frames = pullFrames(db, request, () => reply.raw.destroyed && !reply.raw.writableFinished, from, query.limit, remaining);
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(Readable.from(frames, { objectMode: false, highWaterMark: 256 * 1024 }));
  });

  app.post(API_SYNC.push, { config: { access: ANY_ROLE } }, async (request): Promise<PushResponse> => {
    const body = parseBody(PushRequest, request.body);
    const results = await applyPush(db, sessionOf(request).user, body.mutations, push);
    afterPush?.();
    return { results };
  });

  app.get(API_SYNC.live, { websocket: true, config: { access: ANY_ROLE } }, (socket, request) => {
    hub.add(socket);
    // The console's presence frames come up the same socket (shared/api/presence.ts).
    presence.attach(socket, sessionOf(request).user);
  });
}

/**
 * Rows per feed query. Each query has a fixed cost (a transaction, planner settings, the merge
 * of three index scans), so reading several frames' worth at once roughly doubles throughput on
 * PGlite; frames still carry at most PULL_BATCH_ROWS rows.
 */
const FEED_PAGE_ROWS = 5 * PULL_BATCH_ROWS;

/**
 * The pull stream: start, batches of at most PULL_BATCH_ROWS rows, each with the cursor after its
 * last row (the client commits both together), end. Feed pages are read as the response drains;
 * when the console disconnects the stream is destroyed and no further page is read.
 */
async function* pullFrames(
  db: Db,
  request: FastifyRequest,
  gone: () => boolean,
  from: FeedPosition | null,
  limit: number,
  remaining: number,
): AsyncGenerator<string> {
  const started = Date.now();
  let position = from;
  let sent = 0;
  let ended = false;
  try {
    yield `${JSON.stringify({ type: 'start', remaining })}\n`;
    let drained = false;
    while (sent < limit) {
      if (gone()) return;
      const want = Math.min(FEED_PAGE_ROWS, limit - sent);
      const page = await readFeedPage(db, position ?? FEED_START, want);
      for (let i = 0; i < page.lines.length; i += PULL_BATCH_ROWS) {
        const lines = page.lines.slice(i, i + PULL_BATCH_ROWS);
        position = page.positions[i + lines.length - 1] ?? position;
        sent += lines.length;
        if (position) yield `{"type":"batch","rows":[${lines.join(',')}],"cursor":${JSON.stringify(encodeCursor(position))}}\n`;
      }
      if (page.lines.length < want) {
        drained = true;
        break;
      }
    }
    // The limit was reached: say whether rows remain, so the client knows to pull again at once.
    const more = !drained && position !== null && (await readFeedPage(db, position, 1)).last !== null;
    ended = true;
    request.log.debug({ rows: sent, ms: Date.now() - started, more }, 'pull streamed');
    yield `${JSON.stringify({ type: 'end', cursor: position === null ? null : encodeCursor(position), more })}\n`;
  } catch (err) {
    // The console sees a stream without its end frame and pulls again from its last batch.
    if (!gone()) request.log.error({ err, rows: sent }, 'pull failed mid-stream');
    throw err;
  } finally {
    if (!ended && gone()) request.log.info({ rows: sent, ms: Date.now() - started }, 'pull stopped: the console went away');
  }
}
