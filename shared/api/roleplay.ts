import { z } from 'zod';
import { Language } from '../domain/user';
import { LocalizedText } from '../guidance/script';
import { CriterionId, LevelId, Scenario, ScenarioId } from '../roleplay/scenario';
import type { SessionScore, TeamProgress, TraineeProgress } from '../roleplay/scoring';
import { RolePlayTicket, RolePlayTicketToken } from '../roleplay/session-ticket';

/**
 * The central server's role-play API. Trainers keep scenarios and run sessions with trainees of
 * their teams; agents practise in pairs (peer sessions) and read their own results; supervisors
 * read their teams' results. Everything here is training data: none of it is a customer, a call
 * record, or a figure of real work.
 *
 * GET  API_ROLEPLAY.scenarios                      → ScenariosResponse (anyone signed in; drafts for trainers only)
 * PUT  API_ROLEPLAY.scenario(id)        Scenario    → Scenario (trainers; publishing checks it and bumps the version)
 * GET  API_ROLEPLAY.trainees                       → TraineesResponse (trainers: their teams' agents; agents: their team-mates)
 * POST API_ROLEPLAY.sessions            StartSessionRequest → StartSessionResponse
 * GET  API_ROLEPLAY.sessions?traineeId=            → SessionsResponse (own, or the teams one trains or supervises)
 * GET  API_ROLEPLAY.session(id)                    → RolePlaySession (the trainee, the caller, trainers and supervisors of the trainee's team)
 * POST API_ROLEPLAY.callEvent(id)       CallEventRequest → RolePlaySession (the caller's console: answered, ended)
 * POST API_ROLEPLAY.marks(id)           MarkRequest → RolePlaySession (the session's trainer; for a peer session, a trainer of the team)
 * POST API_ROLEPLAY.finish(id)          FinishRequest → RolePlaySession (as marks: feedback written, score computed and kept)
 * PUT  API_ROLEPLAY.recording(id)       audio/webm body (≤ MAX_RECORDING_BYTES) → RolePlaySession (the trainee's console, which recorded with their consent)
 * GET  API_ROLEPLAY.recording(id)                  → audio/webm (whoever may read the session)
 * GET  API_ROLEPLAY.progress                       → ProgressResponse (trainers and supervisors: their teams; agents: their own)
 */
export const API_ROLEPLAY = {
  scenarios: '/api/v1/roleplay/scenarios',
  scenario: (id: string) => `/api/v1/roleplay/scenarios/${encodeURIComponent(id)}`,
  trainees: '/api/v1/roleplay/trainees',
  sessions: '/api/v1/roleplay/sessions',
  session: (id: string) => `/api/v1/roleplay/sessions/${encodeURIComponent(id)}`,
  callEvent: (id: string) => `/api/v1/roleplay/sessions/${encodeURIComponent(id)}/call`,
  marks: (id: string) => `/api/v1/roleplay/sessions/${encodeURIComponent(id)}/marks`,
  finish: (id: string) => `/api/v1/roleplay/sessions/${encodeURIComponent(id)}/finish`,
  recording: (id: string) => `/api/v1/roleplay/sessions/${encodeURIComponent(id)}/recording`,
  progress: '/api/v1/roleplay/progress',
} as const;

/** Ten minutes of Opus at 32 kbit/s is about 2.4 MB; a long session still fits. */
export const MAX_RECORDING_BYTES = 20 * 1024 * 1024;
export const RECORDING_CONTENT_TYPE = 'audio/webm';

export const ScenariosResponse = z.object({ scenarios: z.array(Scenario).max(500) });
export type ScenariosResponse = z.output<typeof ScenariosResponse>;

export const Trainee = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(120), teamId: z.string().min(1).max(64) });
export type Trainee = z.infer<typeof Trainee>;
export const TraineesResponse = z.object({ trainees: z.array(Trainee).max(2_000) });
export type TraineesResponse = z.infer<typeof TraineesResponse>;

export const StartSessionRequest = z
  .object({
    scenarioId: ScenarioId,
    traineeId: z.string().min(1).max(64),
    language: Language,
  })
  .strict();
export type StartSessionRequest = z.infer<typeof StartSessionRequest>;

export const RubricMarkSchema = z
  .object({
    criterionId: CriterionId,
    levelId: LevelId,
    /** Milliseconds since the call was answered. */
    atMs: z.number().int().min(0).max(24 * 3_600_000),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const CriterionScoreSchema = z.discriminatedUnion('scored', [
  z.object({
    criterionId: z.string(),
    scored: z.literal(true),
    levelId: z.string(),
    points: z.number(),
    maxPoints: z.number(),
    fraction: z.number(),
    weight: z.number(),
    atMs: z.number(),
    note: z.string().optional(),
  }),
  z.object({ criterionId: z.string(), scored: z.literal(false), points: z.literal(0), maxPoints: z.number(), fraction: z.literal(0), weight: z.number() }),
]);

export const SessionScoreSchema = z.object({
  criteria: z.array(CriterionScoreSchema),
  notScored: z.array(z.string()),
  percent: z.number(),
  threshold: z.number(),
  outcome: z.enum(['pass', 'retry']),
  ignored: z.array(RubricMarkSchema),
}) satisfies z.ZodType<SessionScore>;

export const SessionStatus = z.enum([
  /** Ticket issued; the call is not answered yet. */
  'ready',
  'in-call',
  /** The call ended; waiting for the trainer's feedback. */
  'ended',
  /** Feedback written and the score kept: the trainee sees it. */
  'scored',
]);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const Person = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(120) });

export const RolePlaySession = z.object({
  id: z.uuid(),
  scenarioId: ScenarioId,
  scenarioVersion: z.number().int().min(1),
  title: LocalizedText,
  language: Language,
  /** Who placed the call and played the customer. */
  caller: Person,
  trainee: Person,
  teamId: z.string().min(1).max(64),
  peer: z.boolean(),
  status: SessionStatus,
  createdAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  marks: z.array(RubricMarkSchema.extend({ by: z.string().min(1).max(64) })).max(500),
  feedback: z.string().max(4_000).nullable(),
  score: SessionScoreSchema.nullable(),
  /** Who wrote the feedback (the session's trainer, or the trainer who reviewed a peer session). */
  scoredBy: Person.nullable(),
  recording: z.object({ bytes: z.number().int().min(1), durationMs: z.number().int().min(0) }).nullable(),
});
export type RolePlaySession = z.output<typeof RolePlaySession>;

export const StartSessionResponse = z.object({
  session: RolePlaySession,
  token: RolePlayTicketToken,
  ticket: RolePlayTicket,
  /** The trainee's phone, as the caller's phone dials it. */
  target: z.string().min(1).max(300),
});
export type StartSessionResponse = z.output<typeof StartSessionResponse>;

export const SessionsResponse = z.object({ sessions: z.array(RolePlaySession).max(1_000) });
export type SessionsResponse = z.output<typeof SessionsResponse>;

export const CallEventRequest = z.object({ event: z.enum(['answered', 'ended']), at: z.iso.datetime() }).strict();
export type CallEventRequest = z.infer<typeof CallEventRequest>;

export const MarkRequest = RubricMarkSchema;
export type MarkRequest = z.infer<typeof MarkRequest>;

export const FinishRequest = z.object({ feedback: z.string().trim().min(1).max(4_000) }).strict();
export type FinishRequest = z.infer<typeof FinishRequest>;

const CriterionPointSchema = z.object({ sessionId: z.string(), scenarioId: z.string(), endedAt: z.string(), fraction: z.number(), scored: z.boolean() });
export const TraineeProgressSchema = z.object({
  traineeId: z.string(),
  sessions: z.array(z.object({ sessionId: z.string(), scenarioId: z.string(), endedAt: z.string(), percent: z.number(), outcome: z.enum(['pass', 'retry']) })),
  criteria: z.array(z.object({ criterionId: z.string(), points: z.array(CriterionPointSchema) })),
}) satisfies z.ZodType<TraineeProgress>;
export const TeamProgressSchema = z.object({
  teamId: z.string(),
  criteria: z.array(z.object({ criterionId: z.string(), average: z.number(), sessions: z.number() })),
}) satisfies z.ZodType<TeamProgress>;
export const ProgressResponse = z.object({ trainees: z.array(TraineeProgressSchema), teams: z.array(TeamProgressSchema) });
export type ProgressResponse = z.output<typeof ProgressResponse>;
