import { z } from 'zod';
import { LocalizedText, ScriptId, type Script } from './script';
import { TriggerName } from './situations';

/**
 * What a trainer gives to start a script: its id, a title, the situation it serves and the title of
 * its first step. Everything else is written in the editor afterwards; the new script is a draft
 * until it passes `checkScript` and is published.
 */
const SomeText = LocalizedText.refine((text) => Object.values(text).some((value) => value !== undefined), {
  message: 'Write it in at least one language.',
});

export const NewScript = z
  .object({
    id: ScriptId,
    title: SomeText,
    situation: TriggerName,
    firstStepTitle: SomeText,
  })
  .strict();
export type NewScript = z.output<typeof NewScript>;

/** The first draft of a new script: one step, which may end the script so it can be published alone. */
export function newScriptDraft(input: NewScript): Script {
  return {
    id: input.id,
    version: 1,
    status: 'draft',
    title: input.title,
    summary: {},
    situations: [input.situation],
    start: 'step-1',
    steps: [{ id: 'step-1', title: input.firstStepTitle, doThis: {}, phrases: [], checklist: [], choices: [], onTrigger: [], end: true }],
    onTriggerAnyStep: [],
    avoid: [],
  };
}

/** An id from a title: "Late delivery!" → late-delivery; empty when the title has no letters or digits. */
export function scriptIdFrom(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
