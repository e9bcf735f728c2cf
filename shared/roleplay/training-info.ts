import { z } from 'zod';
import { FiredTrigger, LiveScript } from '../domain/presence';

/**
 * What the two consoles of a training call tell each other on the call itself (SIP INFO): the
 * trainer's hint and pause go to the trainee's screen, and the trainee's guidance (how far in the
 * script, which prompts fired) comes to the trainer's. It rides the call, so it needs no server
 * and ends with the call; only a call both consoles know as training carries it.
 */
export const TRAINING_INFO_TYPE = 'application/x-kalma-roleplay+json';

export const TraineeGuidance = z
  .object({
    scripts: z.array(LiveScript).max(5),
    triggers: z.array(FiredTrigger).max(20),
  })
  .strict();
export type TraineeGuidance = z.output<typeof TraineeGuidance>;

export const TrainingInfo = z.discriminatedUnion('type', [
  /** The trainer, out of role: a word for the trainee only ("ask what he needs"). */
  z.object({ type: z.literal('hint'), text: z.string().trim().min(1).max(300) }).strict(),
  /** The trainer stops the scenario to coach, or picks it up again. */
  z.object({ type: z.literal('pause'), paused: z.boolean() }).strict(),
  z.object({ type: z.literal('guidance'), guidance: TraineeGuidance }).strict(),
]);
export type TrainingInfo = z.output<typeof TrainingInfo>;

export function trainingInfoBody(info: TrainingInfo): string {
  return JSON.stringify(info);
}

/** A training INFO body, or null when it is not one (a wrong or hostile peer is ignored). */
export function parseTrainingInfo(body: string): TrainingInfo | null {
  try {
    const parsed = TrainingInfo.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
