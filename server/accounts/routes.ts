import type { FastifyInstance } from 'fastify';
import {
  API,
  CreateUserRequest,
  SetLanguageRequest,
  type AdminUserList,
  type CreateUserResponse,
  type MeResponse,
} from '../../shared/api/auth';
import { hashPassword } from '../auth/passwords';
import { ANY_ROLE, requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { HttpError, parseBody } from '../http/errors';
import { createUser, listUsers, setLanguage } from './users';

export function registerAccountRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get(API.me, { config: { access: ANY_ROLE } }, async (request): Promise<MeResponse> => ({ user: sessionOf(request).user }));

  /** The language follows the person to any machine they sign in on. */
  app.put(API.myLanguage, { config: { access: ANY_ROLE } }, async (request): Promise<MeResponse> => {
    const { language } = parseBody(SetLanguageRequest, request.body);
    const user = await setLanguage(db, sessionOf(request).user.id, language);
    if (!user) throw new HttpError(401, 'UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    return { user };
  });

  app.get(API.adminUsers, { config: { access: requireRole('admin') } }, async (): Promise<AdminUserList> => ({ users: await listUsers(db) }));

  app.post(API.adminUsers, { config: { access: requireRole('admin') } }, async (request, reply) => {
    const input = parseBody(CreateUserRequest, request.body);
    const user = await createUser(db, input, await hashPassword(input.password));
    request.log.info({ userId: user.id, role: user.role, by: sessionOf(request).user.id }, 'account created');
    const body: CreateUserResponse = { user };
    return reply.code(201).send(body);
  });
}
