import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { API, LoginRequest, type LoginResponse } from '../../shared/api/auth';
import { findLoginCandidate, findUserById } from '../accounts/users';
import type { Db } from '../db/db';
import { HttpError, parseBody } from '../http/errors';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { admitAttempt, failureDelayMs, recordSuccess, type RateLimitPolicy } from './rate-limit';
import { ANY_ROLE, PUBLIC, sessionOf } from './require-role';
import { createSession, pruneEndedSessions, revokeSession } from './sessions';

export interface AuthRouteOptions {
  db: Db;
  sessionTtlMs: number;
  rateLimit: RateLimitPolicy;
}

/** The one answer for every failed sign-in, so it never tells whether the username exists. */
const invalidCredentials = () => new HttpError(401, 'INVALID_CREDENTIALS', 'Wrong username or password.');

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'a minute' : `${m} minutes`;
}

export function registerAuthRoutes(app: FastifyInstance, { db, sessionTtlMs, rateLimit }: AuthRouteOptions): void {
  app.post(API.login, { config: { access: PUBLIC } }, async (request, reply) => {
    const { username, password } = parseBody(LoginRequest, request.body);

    const admission = await admitAttempt(db, rateLimit, username, request.ip);
    if (!admission.admitted) {
      request.log.warn({ username, clientIp: request.ip }, 'sign-in refused: too many failed attempts');
      throw new HttpError(429, 'RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${minutes(admission.retryAfterSeconds)}.`, {
        retryAfterSeconds: admission.retryAfterSeconds,
      });
    }

    // Unknown and disabled accounts run the same scrypt work as a real check (see passwords.ts).
    const candidate = await findLoginCandidate(db, username);
    const matches = candidate ? await verifyPassword(password, candidate.passwordHash) : await verifyAgainstDummy(password);
    if (!candidate || !matches || candidate.disabled) {
      const failureNumber = admission.failuresBefore + 1;
      request.log.info({ username, clientIp: request.ip, failureNumber }, 'sign-in failed');
      // Slows down guessing: each further failure within the window waits twice as long.
      await sleep(failureDelayMs(rateLimit, failureNumber));
      throw invalidCredentials();
    }

    const session = await db.transaction(async (tx) => {
      await recordSuccess(tx, username);
      await pruneEndedSessions(tx);
      return createSession(tx, candidate.id, sessionTtlMs);
    });
    const user = await findUserById(db, candidate.id);
    if (!user) throw invalidCredentials(); // deleted between the check and now
    request.log.info({ userId: user.id, role: user.role }, 'signed in');
    const body: LoginResponse = { token: session.token, expiresAt: session.expiresAt.toISOString(), user };
    return reply.code(200).send(body);
  });

  app.post(API.logout, { config: { access: ANY_ROLE } }, async (request, reply) => {
    const { sessionId, user } = sessionOf(request);
    await revokeSession(db, sessionId);
    request.log.info({ userId: user.id }, 'signed out');
    return reply.code(204).send();
  });
}
