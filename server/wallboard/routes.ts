import type { FastifyInstance } from 'fastify';
import { API_WALLBOARD, FiguresQuery, type TeamFigures, type Wallboard } from '../../shared/api/wallboard';
import { requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { parseBody } from '../http/errors';
import { readFigures, readWallboard } from './wallboard-reader';

export interface WallboardRouteOptions {
  db: Db;
  /** The presence stale limit (tests shorten it); PRESENCE_STALE_MS when absent. */
  staleMs?: number;
}

const DAY_MS = 86_400_000;

/** The wallboard and today's figures: supervisors only (their teams; a director's, every team). */
export function registerWallboardRoutes(app: FastifyInstance, { db, staleMs }: WallboardRouteOptions): void {
  const supervisors = { access: requireRole('supervisor') };

  app.get(API_WALLBOARD.board, { config: supervisors }, async (request, reply): Promise<Wallboard> => {
    reply.header('cache-control', 'no-store');
    return readWallboard(db, sessionOf(request).user, staleMs);
  });

  app.get(API_WALLBOARD.figures, { config: supervisors }, async (request, reply): Promise<TeamFigures> => {
    const query = parseBody(FiguresQuery, request.query);
    // The console sends its own midnight; without it, the last 24 hours. Never more than a day back.
    const now = Date.now();
    const since = query.since === undefined ? now - DAY_MS : Math.max(Date.parse(query.since), now - DAY_MS);
    reply.header('cache-control', 'no-store');
    return readFigures(db, sessionOf(request).user, new Date(Math.min(since, now)));
  });
}
