import { z } from 'zod';
import { call } from './core';
import { Scenario } from '../roleplay/scenario';
import { RolePlayTicket, TicketRefusal } from '../roleplay/session-ticket';
import { MarkRequest, ProgressResponse, RolePlaySession, StartSessionRequest, StartSessionResponse, Trainee } from '../api/roleplay';

/**
 * Role-play from the console. The trainer's (or peer's) console starts a session on the central
 * server and calls the trainee with its ticket; the trainee's console has its host check the
 * ticket before the call is treated as training. Marks, feedback and the recording go to the
 * server through the host.
 */

export const TicketCheck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    ticket: RolePlayTicket,
    /** The scenario version the session plays (null when the server could not be asked). */
    scenario: Scenario.nullable(),
  }),
  z.object({ ok: z.literal(false), refusal: TicketRefusal }),
]);
export type TicketCheck = z.output<typeof TicketCheck>;

const SessionId = z.object({ sessionId: z.uuid() }).strict();

export const SaveRecordingInput = z
  .object({
    sessionId: z.uuid(),
    mimeType: z.string().regex(/^audio\/webm(;.*)?$/, 'an audio/webm recording').max(100),
    audioBase64: z.string().min(1).max(28_000_000),
    durationMs: z.number().int().min(0).max(24 * 3_600_000),
  })
  .strict();

export const RecordingAudio = z.object({ mimeType: z.string(), audioBase64: z.string() });
export type RecordingAudio = z.output<typeof RecordingAudio>;

export const roleplayCalls = {
  /** Published scenarios (and drafts, for trainers), from the server. */
  'roleplay.scenarios': call({ input: z.object({}).strict(), output: z.array(Scenario) }),
  /**
   * Trainers: a scenario saved as a draft as it is, or published (the server checks it, and
   * refuses with the issues a trainer must fix; publishing makes a new version).
   */
  'roleplay.saveScenario': call({ input: Scenario, output: Scenario }),
  /** Whom this person may call for a session: a trainer's teams' agents, an agent's team-mates. */
  'roleplay.trainees': call({ input: z.object({}).strict(), output: z.array(Trainee) }),
  /** Starts a session on the server: its ticket and the trainee's phone to dial. */
  'roleplay.start': call({ input: StartSessionRequest, output: StartSessionResponse }),
  /** The trainee's console: the ticket an INVITE carried, checked (signature, times, that it is for this person). */
  'roleplay.verifyTicket': call({ input: z.object({ token: z.string().max(4_000) }).strict(), output: TicketCheck }),
  /** The caller's console: the training call was answered, or ended. */
  'roleplay.callEvent': call({ input: SessionId.extend({ event: z.enum(['answered', 'ended']), at: z.iso.datetime() }).strict(), output: RolePlaySession }),
  'roleplay.mark': call({ input: SessionId.extend({ mark: MarkRequest }).strict(), output: RolePlaySession }),
  'roleplay.finish': call({ input: SessionId.extend({ feedback: z.string().trim().min(1).max(4_000) }).strict(), output: RolePlaySession }),
  'roleplay.session': call({ input: SessionId, output: RolePlaySession }),
  'roleplay.sessions': call({ input: z.object({ traineeId: z.string().min(1).max(64).optional() }).strict(), output: z.array(RolePlaySession) }),
  /** The trainee's console (they agreed while it rang): both sides of the call, kept on this machine and sent to the server. */
  'roleplay.saveRecording': call({ input: SaveRecordingInput, output: RolePlaySession }),
  /** The session's recording: this machine's copy, else the server's. */
  'roleplay.recording': call({ input: SessionId, output: RecordingAudio }),
  'roleplay.progress': call({ input: z.object({}).strict(), output: ProgressResponse }),
} as const;
