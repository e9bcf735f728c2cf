import { z } from 'zod';
import { Instant } from '../domain/row-version';
import { ChecklistItemId, ChoiceId, findStep, ScriptId, StepId, type Script, type ScriptStep } from './script';
import { TriggerName } from './situations';

/**
 * A script being followed during a call. Every function returns a new, frozen run and leaves the
 * old one as it was, so a store can keep the previous state and React can compare by reference.
 * The steps taken and the checklist ticks, each with its time, go on the call record for coaching
 * (`runRecord`).
 *
 * A run holds its own frozen copy of the script version it started with: publishing a new version
 * mid-call changes nothing for that call.
 */

export const StepEntry = z.discriminatedUnion('via', [
  z.object({ via: z.literal('start'), stepId: StepId, at: Instant }).strict(),
  z.object({ via: z.literal('choice'), choiceId: ChoiceId, stepId: StepId, at: Instant }).strict(),
  z.object({ via: z.literal('trigger'), trigger: TriggerName, stepId: StepId, at: Instant }).strict(),
]);
export type StepEntry = z.output<typeof StepEntry>;

/** A tick or an untick (the agent corrects a mistaken tick); both are kept. */
export const ChecklistTick = z.object({ itemId: ChecklistItemId, stepId: StepId, ticked: z.boolean(), at: Instant }).strict();
export type ChecklistTick = z.output<typeof ChecklistTick>;

/** What goes on the call record: which script version, the steps in order, the ticks. */
export const ScriptRunRecord = z
  .object({
    scriptId: ScriptId,
    scriptVersion: z.number().int().min(1),
    steps: z.array(StepEntry).min(1).max(1_000),
    ticks: z.array(ChecklistTick).max(1_000),
  })
  .strict();
export type ScriptRunRecord = z.output<typeof ScriptRunRecord>;

export interface ScriptRun {
  readonly script: Script;
  /** The step the agent is on. */
  readonly stepId: string;
  readonly steps: readonly StepEntry[];
  readonly ticks: readonly ChecklistTick[];
}

/** A call the console should never make (a choice the panel did not offer, a time that is not a time). */
export class ScriptRunError extends Error {
  override name = 'ScriptRunError';
}

export function startRun(script: Script, at: string): ScriptRun {
  checkInstant(at);
  const own = deepFreeze(structuredClone(script));
  if (!findStep(own, own.start)) throw new ScriptRunError(`script ${own.id} v${own.version}: the start step "${own.start}" does not exist`);
  return freezeRun({ script: own, stepId: own.start, steps: [{ via: 'start', stepId: own.start, at }], ticks: [] });
}

export function currentStep(run: ScriptRun): ScriptStep {
  const step = findStep(run.script, run.stepId);
  if (!step) throw new ScriptRunError(`step "${run.stepId}" is not in script ${run.script.id}`);
  return step;
}

/** The agent picks one of the current step's choices. */
export function choose(run: ScriptRun, choiceId: string, at: string): ScriptRun {
  checkInstant(at);
  const choice = currentStep(run).choices.find((c) => c.id === choiceId);
  if (!choice) throw new ScriptRunError(`step "${run.stepId}" has no choice "${choiceId}"`);
  return moveTo(run, choice.to, { via: 'choice', choiceId, stepId: choice.to, at });
}

/**
 * A trigger fired. The current step's branch for it wins over the script's any-step branch. When
 * neither exists, or it points at the step the agent is already on, the same run comes back: the
 * prompt itself is the scheduler's to log, and the agent keeps their place.
 */
export function applyTrigger(run: ScriptRun, triggerId: string, at: string): ScriptRun {
  checkInstant(at);
  const branch =
    currentStep(run).onTrigger.find((b) => b.trigger === triggerId) ?? run.script.onTriggerAnyStep.find((b) => b.trigger === triggerId);
  if (!branch || branch.to === run.stepId) return run;
  return moveTo(run, branch.to, { via: 'trigger', trigger: triggerId, stepId: branch.to, at });
}

/** Ticks a checklist item on the current step or one the agent has been on; ticking twice changes nothing. */
export function tick(run: ScriptRun, checklistItemId: string, at: string): ScriptRun {
  return setTicked(run, checklistItemId, true, at);
}

/** Takes a tick back; the tick and its correction both stay on the record. */
export function untick(run: ScriptRun, checklistItemId: string, at: string): ScriptRun {
  return setTicked(run, checklistItemId, false, at);
}

/** The items ticked now (the latest tick or untick of each decides). */
export function tickedItems(run: ScriptRun): ReadonlySet<string> {
  const ticked = new Set<string>();
  for (const entry of run.ticks) {
    if (entry.ticked) ticked.add(entry.itemId);
    else ticked.delete(entry.itemId);
  }
  return ticked;
}

/** The agent may close the script here. */
export function atEnd(run: ScriptRun): boolean {
  return currentStep(run).end;
}

export function runRecord(run: ScriptRun): ScriptRunRecord {
  return { scriptId: run.script.id, scriptVersion: run.script.version, steps: [...run.steps], ticks: [...run.ticks] };
}

function moveTo(run: ScriptRun, stepId: string, entry: StepEntry): ScriptRun {
  if (!findStep(run.script, stepId)) throw new ScriptRunError(`"${stepId}" is not a step of script ${run.script.id}`);
  return freezeRun({ ...run, stepId, steps: [...run.steps, entry] });
}

function setTicked(run: ScriptRun, itemId: string, ticked: boolean, at: string): ScriptRun {
  checkInstant(at);
  const step = run.script.steps.find((s) => s.checklist.some((item) => item.id === itemId));
  if (!step) throw new ScriptRunError(`script ${run.script.id} has no checklist item "${itemId}"`);
  if (!run.steps.some((entry) => entry.stepId === step.id)) {
    throw new ScriptRunError(`checklist item "${itemId}" belongs to step "${step.id}", which this call has not reached`);
  }
  if (tickedItems(run).has(itemId) === ticked) return run;
  return freezeRun({ ...run, ticks: [...run.ticks, { itemId, stepId: step.id, ticked, at }] });
}

function checkInstant(at: string): void {
  if (!Instant.safeParse(at).success) throw new ScriptRunError(`"${at}" is not an ISO 8601 instant`);
}

function freezeRun(run: ScriptRun): ScriptRun {
  for (const entry of run.steps) Object.freeze(entry);
  for (const entry of run.ticks) Object.freeze(entry);
  Object.freeze(run.steps);
  Object.freeze(run.ticks);
  return Object.freeze(run);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
