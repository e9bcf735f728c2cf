import { z } from 'zod';
import type { Language } from './user';

/**
 * What an agent picks at the end of a call ("resolved", "refund requested", "callback
 * scheduled" …). The list is the server's (supervisors and admins keep it); consoles keep a copy
 * so wrap-up works offline. Labels come per UI language; a missing one falls back to English.
 */
export const DispositionCodeValue = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and -');

const Label = z.string().trim().min(1).max(80);

export const DispositionCode = z
  .object({
    code: DispositionCodeValue,
    labels: z.object({ en: Label, fil: Label.optional(), 'pt-BR': Label.optional() }).strict(),
    /** A heading to group by in the picker: resolved, follow-up, sales … */
    category: z.string().trim().max(40).nullable(),
    /** Picking it asks for a callback time (the wrap-up creates the callback). */
    requiresCallback: z.boolean(),
    sortOrder: z.number().int(),
  })
  .strict();
export type DispositionCode = z.output<typeof DispositionCode>;

export function dispositionLabel(disposition: DispositionCode, language: Language): string {
  return disposition.labels[language] ?? disposition.labels.en;
}
