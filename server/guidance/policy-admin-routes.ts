import type { FastifyInstance } from 'fastify';
import { API_POLICY_ADMIN, SavePolicyPackBody, SaveThresholdsBody, TeamParams, type StoredPolicyPack, type TeamThresholds } from '../../shared/api/policy-admin';
import { requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { parseBody } from '../http/errors';
import { editableTeamThresholds, savePolicyPack, saveTeamThresholds, storedPolicyPack } from './policy-admin-store';

const ADMIN = requireRole('admin');
/** The role check; the team check (a supervisor tunes only their own team) is in the store. */
const TUNERS = requireRole('supervisor', 'admin');

/** Admins edit the policy pack; supervisors and admins tune team thresholds. Each change is logged with its author. */
export function registerPolicyAdminRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get(API_POLICY_ADMIN.pack, { config: { access: ADMIN } }, async (): Promise<StoredPolicyPack> => storedPolicyPack(db));

  app.put(API_POLICY_ADMIN.pack, { config: { access: ADMIN } }, async (request): Promise<StoredPolicyPack> => {
    const { pack, baseVersion } = parseBody(SavePolicyPackBody, request.body);
    const user = sessionOf(request).user;
    const saved = await savePolicyPack(db, pack, baseVersion, user);
    request.log.info({ packId: saved.pack.id, version: saved.pack.version, by: user.id }, 'policy pack saved');
    return saved;
  });

  app.get(API_POLICY_ADMIN.thresholds, { config: { access: TUNERS } }, async (request): Promise<{ teams: TeamThresholds[] }> => ({
    teams: await editableTeamThresholds(db, sessionOf(request).user, (what, message) => request.log.warn(what, message)),
  }));

  app.put('/api/v1/guidance/thresholds/:teamId', { config: { access: TUNERS } }, async (request): Promise<TeamThresholds> => {
    const { teamId } = parseBody(TeamParams, request.params);
    const { thresholds } = parseBody(SaveThresholdsBody, request.body);
    const user = sessionOf(request).user;
    const saved = await saveTeamThresholds(db, teamId, thresholds, user);
    request.log.info({ teamId, by: user.id }, 'team guidance thresholds saved');
    return saved;
  });
}
