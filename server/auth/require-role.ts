import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Role } from '../../shared/domain/user';
import type { Db } from '../db/db';
import { HttpError } from '../http/errors';
import { bearerToken, findActiveSession, type ActiveSession } from './sessions';

/** Who may call a route: anyone, or a signed-in person holding one of the roles. */
export type Access = { readonly public: true } | { readonly public: false; readonly roles: readonly Role[] };

/** For the few routes anyone may call (health, sign-in). */
export const PUBLIC: Access = { public: true };

/** `config: { access: requireRole('admin') }` on a route: signed in and holding one of the roles. */
export function requireRole(...roles: [Role, ...Role[]]): Access {
  return { public: false, roles };
}

/** Any signed-in person, whatever the role. */
export const ANY_ROLE: Access = { public: false, roles: Role.options };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The caller's session; set on every non-public route before the handler runs. */
    session: ActiveSession | null;
  }
}

/** The session of a request on a non-public route (the access hook guarantees one). */
export function sessionOf(request: FastifyRequest): ActiveSession {
  if (!request.session) throw new Error(`${request.method} ${request.url} reached its handler without a session`);
  return request.session;
}

/**
 * Enforces each route's declared access. A route that declares none fails at start-up, so a
 * forgotten check cannot ship as an open route. The check runs in onRequest, before the body is
 * read, so an anonymous caller cannot make the server parse anything on a protected route.
 */
export function installAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access: PUBLIC or requireRole(...))`);
    }
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new Error(`route ${request.routeOptions.url ?? request.url} declares no access`);
    if (access.public) return;

    const token = bearerToken(request.headers.authorization);
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
    const session = await findActiveSession(db, token);
    if (!session) throw new HttpError(401, 'UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    if (!access.roles.includes(session.user.role)) {
      throw new HttpError(403, 'FORBIDDEN', `Your role (${session.user.role}) does not allow this; it needs ${access.roles.join(' or ')}.`);
    }
    request.session = session;
  });
}
