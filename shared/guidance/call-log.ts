import { z } from 'zod';
import { ChecklistItem, LocalizedText, StepId, type Script } from './script';
import { ScriptRunRecord, type ScriptRun, runRecord } from './script-run';
import { FiringTally, PromptLogEntry, type PromptEvent } from './triggers-scheduler';

/**
 * What a call's record keeps of guidance, for coaching: every prompt event (shown, followed,
 * dismissed …), what became of every trigger firing, and each script walked with its steps and
 * checklist ticks. Defined once here; the wrap-up carries it from the console to its cache and the
 * server, and it comes back on the call's timeline entry (`CallInteraction.guidance`), so every
 * boundary parses the same schema.
 */

/**
 * A script walked in the call, with what the timeline needs to read it without the script itself
 * (another console may not hold that version): its title and how many steps and checklist items it had.
 */
export const GuidanceRunLog = ScriptRunRecord.extend({
  title: LocalizedText,
  stepCount: z.number().int().min(1).max(40),
  /** Each step's title, so the steps taken read as the agent saw them. */
  stepTitles: z.record(StepId, LocalizedText),
  /** The script's checklist, so a tick reads as its text. */
  checklist: z.array(ChecklistItem).max(480),
}).strict();
export type GuidanceRunLog = z.output<typeof GuidanceRunLog>;

export const CallGuidanceLog = z
  .object({
    prompts: z.array(PromptLogEntry).max(500),
    tally: FiringTally,
    runs: z.array(GuidanceRunLog).max(20),
  })
  .strict();
export type CallGuidanceLog = z.output<typeof CallGuidanceLog>;

/** The run as the call record keeps it. */
export function runLog(run: ScriptRun): GuidanceRunLog {
  return { ...runRecord(run), ...scriptFacts(run.script) };
}

function scriptFacts(script: Script): Pick<GuidanceRunLog, 'title' | 'stepCount' | 'stepTitles' | 'checklist'> {
  return {
    title: script.title,
    stepCount: script.steps.length,
    stepTitles: Object.fromEntries(script.steps.map((step) => [step.id, step.title])),
    checklist: script.steps.flatMap((step) => step.checklist),
  };
}

/** A log worth keeping: something fired or a script was walked. An empty one is left off the record. */
export function hasGuidance(log: CallGuidanceLog): boolean {
  return log.prompts.length > 0 || log.runs.length > 0 || Object.keys(log.tally).length > 0;
}

export interface RunSummary {
  scriptId: string;
  scriptVersion: number;
  title: LocalizedText;
  stepsDone: number;
  stepCount: number;
  /** Items ticked at the end of the call (an untick takes a tick back). */
  checked: number;
  checklistCount: number;
}

export interface GuidanceSummary {
  runs: RunSummary[];
  /** Distinct prompts that reached each event. */
  prompts: Record<'shown' | 'followed' | 'dismissed', number>;
}

/** The one-line reading of a log for the timeline: per script, steps and checklist done; prompts by outcome. */
export function summarizeGuidance(log: CallGuidanceLog): GuidanceSummary {
  const count = (event: PromptEvent) => new Set(log.prompts.filter((entry) => entry.event === event).map((entry) => entry.promptId)).size;
  return {
    runs: log.runs.map((run) => {
      const lastTick = new Map<string, boolean>();
      for (const tick of run.ticks) lastTick.set(tick.itemId, tick.ticked);
      return {
        scriptId: run.scriptId,
        scriptVersion: run.scriptVersion,
        title: run.title,
        stepsDone: new Set(run.steps.map((step) => step.stepId)).size,
        stepCount: run.stepCount,
        checked: [...lastTick.values()].filter(Boolean).length,
        checklistCount: run.checklist.length,
      };
    }),
    prompts: { shown: count('shown'), followed: count('followed'), dismissed: count('dismissed') },
  };
}

/** Every event of the log with its time, oldest first, for the expandable list on the timeline. */
export type GuidanceEvent =
  | { at: number; kind: 'prompt'; event: PromptEvent; situation: string; trigger: string }
  | { at: number; kind: 'step'; scriptId: string; stepId: string }
  | { at: number; kind: 'tick'; scriptId: string; itemId: string; ticked: boolean };

export function guidanceEvents(log: CallGuidanceLog): GuidanceEvent[] {
  const events: GuidanceEvent[] = [];
  for (const entry of log.prompts) {
    if (entry.event === 'shown' || entry.event === 'followed' || entry.event === 'dismissed') {
      events.push({ at: entry.at, kind: 'prompt', event: entry.event, situation: entry.situation, trigger: entry.trigger });
    }
  }
  for (const run of log.runs) {
    for (const step of run.steps) events.push({ at: Date.parse(step.at), kind: 'step', scriptId: run.scriptId, stepId: step.stepId });
    for (const tick of run.ticks) events.push({ at: Date.parse(tick.at), kind: 'tick', scriptId: run.scriptId, itemId: tick.itemId, ticked: tick.ticked });
  }
  return events.sort((a, b) => a.at - b.at);
}
