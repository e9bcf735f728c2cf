import { z } from 'zod';
import { type Language } from '../domain/user';
import { TriggerName } from './situations';

/**
 * A de-escalation script: a versioned graph of steps the guidance panel walks the agent through.
 * Each step says what to do, offers phrases in the customer's language (and the agent's), a
 * checklist the agent ticks, and the ways forward: choices the agent clicks, and branches a
 * trigger takes ("customer upset" while in the middle of a troubleshooting step).
 *
 * The schema accepts a draft in progress (a trainer may write the Filipino before the Portuguese);
 * `checkScript` (script-check.ts) holds what a script must satisfy before it is published: every
 * branch lands on a step, every step is reachable, every text is in all three languages.
 *
 * A published version never changes: an edit is a new version, and a call keeps the version it
 * started with (a run holds its own copy, see script-run.ts).
 */

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters and digits joined by dashes')
  .max(64);

export const ScriptId = Slug;
export const StepId = Slug;
export const ChoiceId = Slug;
export const ChecklistItemId = Slug;
export const AvoidedPhraseId = Slug;

const Text = z.string().trim().min(1).max(600);

/**
 * One text in the three languages of the floor. Each language is optional here so a draft can be
 * saved half-translated; publishing needs all three (`checkScript`).
 */
export const LocalizedText = z.object({ en: Text.optional(), fil: Text.optional(), 'pt-BR': Text.optional() }).strict();
export type LocalizedText = z.output<typeof LocalizedText>;

export const ChecklistItem = z.object({ id: ChecklistItemId, text: LocalizedText }).strict();
export type ChecklistItem = z.output<typeof ChecklistItem>;

/** A way forward the agent picks ("customer is calmer", "still faulty"). */
export const StepChoice = z.object({ id: ChoiceId, label: LocalizedText, to: StepId }).strict();
export type StepChoice = z.output<typeof StepChoice>;

/** A way forward a trigger takes without the agent clicking. */
export const TriggerBranch = z.object({ trigger: TriggerName, to: StepId }).strict();
export type TriggerBranch = z.output<typeof TriggerBranch>;

export const ScriptStep = z
  .object({
    id: StepId,
    title: LocalizedText,
    /** What the agent does at this step, in a sentence or two. */
    doThis: LocalizedText,
    /**
     * Things to say. Aligned across languages (phrase 2 in Filipino means phrase 2 in English), so
     * an agent whose customer speaks another language sees both side by side.
     */
    phrases: z.array(LocalizedText).max(12),
    checklist: z.array(ChecklistItem).max(12),
    choices: z.array(StepChoice).max(8),
    /** Trigger branches from this step; they win over the script's `onTriggerAnyStep`. */
    onTrigger: z.array(TriggerBranch).max(12).default([]),
    /** The script may finish here (a closing step). */
    end: z.boolean().default(false),
  })
  .strict();
export type ScriptStep = z.output<typeof ScriptStep>;

const PhraseVariants = z.array(Text).max(10);

/**
 * Something not to say because it escalates ("calm down"), with why, and what to say instead.
 * Each language lists its own wordings: "fica calmo" and "se acalme" are the same mistake.
 */
export const AvoidedPhrase = z
  .object({
    id: AvoidedPhraseId,
    phrases: z.object({ en: PhraseVariants.default([]), fil: PhraseVariants.default([]), 'pt-BR': PhraseVariants.default([]) }).strict(),
    why: LocalizedText,
    instead: LocalizedText,
  })
  .strict();
export type AvoidedPhrase = z.output<typeof AvoidedPhrase>;

export const ScriptStatus = z.enum(['draft', 'published']);
export type ScriptStatus = z.infer<typeof ScriptStatus>;

export const Script = z
  .object({
    id: ScriptId,
    /** Goes up by one with every published edit. */
    version: z.number().int().min(1),
    status: ScriptStatus,
    title: LocalizedText,
    /** When to use it, for the trainer's list and the panel's header. */
    summary: LocalizedText,
    /** The trigger ids that open this script (see GUIDANCE_SITUATIONS). */
    situations: z.array(TriggerName).min(1).max(10),
    start: StepId,
    /** In the order the editor shows them. */
    steps: z.array(ScriptStep).min(1).max(40),
    /** Trigger branches taken from whatever step the agent is on ("asks for manager" → escalate). */
    onTriggerAnyStep: z.array(TriggerBranch).max(12).default([]),
    avoid: z.array(AvoidedPhrase).max(40),
  })
  .strict();
export type Script = z.output<typeof Script>;
/** What a file or the server may hand in (defaults not yet applied). */
export type ScriptInput = z.input<typeof Script>;

export function findStep(script: Script, stepId: string): ScriptStep | undefined {
  return script.steps.find((step) => step.id === stepId);
}

/** The text in the wanted language, falling back to English, then to any language present. */
export function textIn(text: LocalizedText, language: Language): string {
  return text[language] ?? text.en ?? text.fil ?? text['pt-BR'] ?? '';
}
