import { z } from 'zod';

export const Role = z.enum(['agent', 'supervisor', 'trainer', 'admin']);
export type Role = z.infer<typeof Role>;

export const Language = z.enum(['en', 'fil', 'pt-BR']);
export type Language = z.infer<typeof Language>;
export const LANGUAGES: readonly Language[] = Language.options;

export const Username = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, 'letters, digits, dot, dash or underscore');

export const Team = z.object({ id: z.string(), name: z.string() });
export type Team = z.infer<typeof Team>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  language: Language,
  teams: z.array(Team),
  /**
   * The escalation level a supervisor decides at, when their account sets one (a director);
   * absent: by role (supervisors decide as managers, admins at every level). See escalation-routing.ts.
   */
  approvalLevel: z.enum(['manager', 'director']).optional(),
});
export type User = z.infer<typeof User>;
