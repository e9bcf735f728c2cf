import { z } from 'zod';
import { GrantRefusal, MonitorMode } from './grant';

/**
 * What an agent's console reports after it acted on a monitoring grant: answered the leg, refused
 * it (and why), honoured or refused a mode change, ended it. It travels through the outbox, so an
 * event on a console that lost the network reaches the audit later with the console's own time.
 */
export const MonitoringEvent = z
  .object({
    at: z.iso.datetime(),
    event: z.enum(['answered', 'refused', 'mode', 'mode-refused', 'ended', 'taken-over']),
    /** Absent when the token could not even be read. */
    grantId: z.uuid().optional(),
    supervisorId: z.string().min(1).max(64).optional(),
    callId: z.string().min(1).max(200).optional(),
    mode: MonitorMode.optional(),
    refusal: GrantRefusal.optional(),
  })
  .strict();
export type MonitoringEvent = z.infer<typeof MonitoringEvent>;
