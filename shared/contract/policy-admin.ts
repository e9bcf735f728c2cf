import { z } from 'zod';
import { call } from './core';
import { SavePolicyPackBody, StoredPolicyPack, TeamId, TeamThresholds } from '../api/policy-admin';
import { GuidanceThresholds } from '../guidance/triggers';

/**
 * Editing the floor's guidance rules (online only, straight to the server, which checks the role):
 * admins edit the returns policy pack; a team's supervisors and admins tune its trigger thresholds.
 * Agents receive both through `guidance.content` on the next pull.
 */

const NoInput = z.object({}).strict();

export const policyAdminCalls = {
  /** Admins: the pack as stored on the server, to edit. */
  'policy.get': call({ input: NoInput, output: StoredPolicyPack }),
  /** Admins: save an edited pack; refused with field issues when it does not parse, CONFLICT when someone saved first. */
  'policy.save': call({ input: SavePolicyPackBody, output: StoredPolicyPack }),
  /** The teams whose thresholds the caller may tune (a supervisor's own teams; every team for an admin). */
  'thresholds.list': call({ input: NoInput, output: z.array(TeamThresholds) }),
  'thresholds.save': call({ input: z.object({ teamId: TeamId, thresholds: GuidanceThresholds }).strict(), output: TeamThresholds }),
} as const;
