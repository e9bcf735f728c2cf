import { z } from 'zod';
import { AgentStateName } from '../domain/agent-state';
import { LiveCall } from '../domain/presence';
import { EntityId, Instant } from '../domain/row-version';

/**
 * The supervisor's wallboard (server/wallboard/). Supervisors see the agents of their own teams; a
 * supervisor whose approval level is director sees every team. Other roles get 403.
 *
 * GET API_WALLBOARD.board                  → Wallboard (live: presence, calls, escalations, callbacks)
 * GET API_WALLBOARD.figures?since=<ISO>    → TeamFigures (today's synced records from `since`)
 */

export const API_WALLBOARD = {
  board: '/api/v1/wallboard',
  figures: '/api/v1/wallboard/figures',
} as const;

/** What the wallboard says an agent is doing: their state, or unreachable when their console went quiet. */
export const WallboardStatus = z.union([AgentStateName, z.literal('unreachable')]);
export type WallboardStatus = z.output<typeof WallboardStatus>;

export const WallboardTeam = z.object({ id: EntityId, name: z.string() });
export type WallboardTeam = z.output<typeof WallboardTeam>;

export const WallboardAgent = z.object({
  id: EntityId,
  name: z.string(),
  teamIds: z.array(EntityId),
  status: WallboardStatus,
  /** Since when the status holds: the state's time, or when the console was last heard from. */
  since: Instant.nullable(),
  /** The last state the console reported (or the state log's), also when it is unreachable. */
  lastState: AgentStateName.nullable(),
  /** Live calls; empty when unreachable (what it last said may no longer be true). */
  calls: z.array(LiveCall),
  /** Escalations this agent raised that wait for a decision. */
  openEscalations: z.number().int().min(0),
  /** Callbacks this agent owes that are due now or overdue. */
  callbacksDue: z.number().int().min(0),
  /**
   * Against today's schedule (shared/schedules/): percent of the scheduled time so far in
   * adherence, whether the agent is in adherence now (null outside their shift), and minutes late
   * (0 on time; null before the shift or with no shift). Absent from servers before schedules.
   */
  adherence: z
    .object({ percent: z.number().min(0).max(100).nullable(), inAdherence: z.boolean().nullable(), lateMinutes: z.number().int().min(0).nullable() })
    .optional(),
});
export type WallboardAgent = z.output<typeof WallboardAgent>;

export const Wallboard = z.object({
  teams: z.array(WallboardTeam),
  agents: z.array(WallboardAgent),
  /** Every team is shown (a director). */
  allTeams: z.boolean(),
  serverTime: Instant,
});
export type Wallboard = z.output<typeof Wallboard>;

export const FiguresQuery = z.object({ since: Instant.optional() }).strict();

/** Seconds in each state over the period. */
export const SecondsByState = z.partialRecord(AgentStateName, z.number().min(0));
export type SecondsByState = z.output<typeof SecondsByState>;

export const AgentFigures = z.object({
  callsHandled: z.number().int().min(0),
  /** Talk time (answer to hang-up) plus after-call work, per handled call; null with no calls. */
  averageHandleSeconds: z.number().min(0).nullable(),
  averageAfterCallSeconds: z.number().min(0).nullable(),
  escalationsRaised: z.number().int().min(0),
  escalationsDecided: z.number().int().min(0),
  secondsByState: SecondsByState,
  /** Post-call survey answers received in the period for this agent's (or team's) calls. */
  surveyAnswers: z.number().int().min(0),
  /** Their average satisfaction (csat, 1–5); null with no answer that gave one. */
  averageSatisfaction: z.number().min(1).max(5).nullable(),
});
export type AgentFigures = z.output<typeof AgentFigures>;

export const TeamFigures = z.object({
  since: Instant,
  until: Instant,
  team: AgentFigures,
  agents: z.array(AgentFigures.extend({ agentId: EntityId, name: z.string() })),
  /** Handled calls per hour of the period, oldest first: the trend the chart draws. */
  callsByHour: z.array(z.object({ hour: Instant, calls: z.number().int().min(0) })),
});
export type TeamFigures = z.output<typeof TeamFigures>;
