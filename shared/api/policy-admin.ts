import { z } from 'zod';
import { GuidanceThresholds } from '../guidance/triggers';
import { PolicyPack } from '../policy/policy-pack';

/**
 * What admins and supervisors change in the floor's guidance besides scripts: the returns policy
 * pack (admins) and each team's trigger thresholds (the team's supervisors and admins). Every save
 * is kept with who made it and when, and moves the guidance stamp so consoles refetch.
 *
 * GET  API_POLICY_ADMIN.pack              → StoredPolicyPack (admin)
 * PUT  API_POLICY_ADMIN.pack              SavePolicyPackBody → StoredPolicyPack (admin; 400 with issues, 409 when someone saved first)
 * GET  API_POLICY_ADMIN.thresholds        → TeamThresholdsList (the teams the caller may tune)
 * PUT  API_POLICY_ADMIN.team(id)          SaveThresholdsBody → TeamThresholds (that team's supervisor, or an admin)
 */
export const API_POLICY_ADMIN = {
  pack: '/api/v1/guidance/policy',
  thresholds: '/api/v1/guidance/thresholds',
  team: (teamId: string) => `/api/v1/guidance/thresholds/${encodeURIComponent(teamId)}`,
} as const;

/** The floor's pack as stored, with the last change's author (null for the shipped default). */
export const StoredPolicyPack = z.object({
  pack: PolicyPack,
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type StoredPolicyPack = z.output<typeof StoredPolicyPack>;

/**
 * A save names the version it was edited from: a second admin saving over the first without
 * seeing their change is refused (409), not silently merged. The server writes `baseVersion + 1`.
 */
export const SavePolicyPackBody = z.object({ pack: PolicyPack, baseVersion: z.number().int().min(1) }).strict();
export type SavePolicyPackBody = z.input<typeof SavePolicyPackBody>;

export const TeamId = z.string().trim().min(1).max(64);

export const TeamThresholds = z.object({
  teamId: TeamId,
  teamName: z.string(),
  thresholds: GuidanceThresholds,
  /** False while the team runs on the defaults. */
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TeamThresholds = z.output<typeof TeamThresholds>;

export const TeamThresholdsList = z.object({ teams: z.array(TeamThresholds) }).strict();
export const SaveThresholdsBody = z.object({ thresholds: GuidanceThresholds }).strict();
export const TeamParams = z.object({ teamId: TeamId }).strict();
