import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_MONITORING, GrantRequest, TakeOverRequest, type GrantResponse, type MonitoringAuditResponse, type SigningKeysResponse, type TakeOverResponse } from '../../shared/api/monitoring';
import { ANY_ROLE, requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { parseBody } from '../http/errors';
import { listMonitoringAudit } from './audit';
import { issueGrant, orderTakeOver, type GrantSettings } from './grants';
import { monitoringSigner, publicKeys, type Signer } from './signing-keys';

const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(200) }).strict();

/**
 * Monitoring grants for supervisors, the public keys every console verifies them with, and the
 * audit for admins. The key is read (or made) once per instance, at the first request.
 */
export function registerMonitoringRoutes(app: FastifyInstance, { db, settings }: { db: Db; settings: GrantSettings }): void {
  let signer: Promise<Signer> | null = null;
  const currentSigner = () => (signer ??= monitoringSigner(db).catch((error: unknown) => {
    signer = null;
    throw error;
  }));

  app.post(API_MONITORING.grants, { config: { access: requireRole('supervisor') } }, async (request): Promise<GrantResponse> => {
    const body = parseBody(GrantRequest, request.body);
    const user = sessionOf(request).user;
    const response = await issueGrant(db, user, body, await currentSigner(), settings);
    request.log.info({ grantId: response.grant.id, supervisorId: user.id, agentId: body.agentId, modes: response.grant.modes }, 'monitoring grant issued');
    return response;
  });

  app.post(API_MONITORING.takeOvers, { config: { access: requireRole('supervisor') } }, async (request): Promise<TakeOverResponse> => {
    const { grantId } = parseBody(TakeOverRequest, request.body);
    const user = sessionOf(request).user;
    const response = await orderTakeOver(db, user, grantId, await currentSigner(), settings);
    request.log.info({ grantId, supervisorId: user.id, agentId: response.order.agentId }, 'monitoring take-over ordered');
    return response;
  });

  app.get(API_MONITORING.keys, { config: { access: ANY_ROLE } }, async (): Promise<SigningKeysResponse> => {
    // Made on first ask, so a console never sees an empty list from a server that can sign.
    await currentSigner();
    return { keys: await publicKeys(db) };
  });

  app.get(API_MONITORING.audit, { config: { access: requireRole('admin') } }, async (request): Promise<MonitoringAuditResponse> => {
    const { limit } = parseBody(AuditQuery, request.query);
    return { entries: await listMonitoringAudit(db, limit) };
  });
}
