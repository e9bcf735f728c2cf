import { z } from 'zod';
import { call, event } from './core';
import { Script, ScriptId } from '../guidance/script';
import { NewScript } from '../guidance/script-new';
import { GuidanceThresholds } from '../guidance/triggers';
import { PolicyPack } from '../policy/policy-pack';

/**
 * Guidance content: the floor's scripts, policy pack and trigger thresholds. The host fetches it
 * from the server at sign-in and when the server says it changed, keeps a copy in the cache and
 * serves it from there, so guidance works offline. Trainers and admins author scripts through the
 * `guidance.allScripts` / `saveDraft` / `publish` calls, which go to the server directly.
 */

const NoInput = z.object({}).strict();

export const GuidanceContent = z.object({
  /** Published scripts, the newest version of each. */
  scripts: z.array(Script),
  policyPack: PolicyPack.nullable(),
  thresholds: GuidanceThresholds,
  /** When this machine last fetched the content; null before the first fetch. */
  updatedAt: z.string().nullable(),
});
export type GuidanceContent = z.output<typeof GuidanceContent>;

export const ScriptVersionRef = z.object({ id: z.string(), version: z.number().int() });
export type ScriptVersionRef = z.output<typeof ScriptVersionRef>;

/** A script as the editor lists it: the working copy (a draft if one exists) and what is live. */
export const EditableScript = z.object({
  script: Script,
  /** The newest published version, null when the script was never published. */
  publishedVersion: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Retired: agents are no longer offered it; its versions stay for the calls that used them. */
  retired: z.boolean().default(false),
});
export type EditableScript = z.output<typeof EditableScript>;

export const guidanceCalls = {
  /** The floor's guidance, from the cache (works offline). */
  'guidance.content': call({ input: NoInput, output: GuidanceContent }),
  /** Trainers and admins: every script, drafts included, for editing. Online only. */
  'guidance.allScripts': call({ input: NoInput, output: z.array(EditableScript) }),
  /** Trainers and admins: save a script as a draft; agents keep seeing the published version. */
  'guidance.saveDraft': call({ input: Script, output: EditableScript }),
  /** Trainers and admins: publish the draft as a new version; refused with field issues if incomplete. */
  'guidance.publish': call({ input: z.object({ id: ScriptId }).strict(), output: ScriptVersionRef }),
  /** Trainers and admins: start a new script as a draft (title, situation, first step). */
  'guidance.createScript': call({ input: NewScript, output: EditableScript }),
  /** Trainers and admins: take a script off the floor; agents stop seeing it on their next sync. */
  'guidance.retire': call({ input: z.object({ id: ScriptId }).strict(), output: EditableScript }),
} as const;

export const guidanceEvents = {
  /** The cached guidance changed: these are the script versions it now holds. */
  'guidance.changed': event({ payload: z.object({ scripts: z.array(ScriptVersionRef) }) }),
} as const;
