import type { SavePolicyPackBody, StoredPolicyPack, TeamThresholds } from '../../../shared/api/policy-admin';
import type { GuidanceThresholds } from '../../../shared/guidance/triggers';
import type { HandlerRegistry } from '../contract/registry';

export interface PolicyAdminServer {
  policyPack(): Promise<StoredPolicyPack>;
  savePolicyPack(body: SavePolicyPackBody): Promise<StoredPolicyPack>;
  teamThresholds(): Promise<TeamThresholds[]>;
  saveTeamThresholds(teamId: string, thresholds: GuidanceThresholds): Promise<TeamThresholds>;
}

/**
 * Policy and threshold editing goes to the server directly (it checks the role and the team); a
 * rule saved offline would be a second truth. After a save the editor's own guidance copy is
 * refreshed at once; other consoles follow the server's poke.
 */
export function registerPolicyAdminHandlers(registry: HandlerRegistry, server: PolicyAdminServer, refreshGuidance: () => void): void {
  registry
    .handle('policy.get', () => server.policyPack())
    .handle('policy.save', async (body) => {
      const saved = await server.savePolicyPack(body);
      refreshGuidance();
      return saved;
    })
    .handle('thresholds.list', () => server.teamThresholds())
    .handle('thresholds.save', async ({ teamId, thresholds }) => {
      const saved = await server.saveTeamThresholds(teamId, thresholds);
      refreshGuidance();
      return saved;
    });
}
