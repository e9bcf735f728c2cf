import { z } from 'zod';
import { EditableScript, GuidanceContent, ScriptVersionRef } from '../contract/guidance';
import { Script, ScriptId } from '../guidance/script';
import { NewScript } from '../guidance/script-new';

/**
 * Guidance content on the server: scripts (every published version kept) and the floor's policy
 * pack. Any signed-in person reads the published content; trainers and admins author scripts.
 *
 * GET  API_GUIDANCE.content         → GuidanceServed (published newest versions, policy pack, thresholds)
 * GET  API_GUIDANCE.stamp           → GuidanceStamp (changes whenever the published content does; cheap to poll)
 * GET  API_GUIDANCE.scripts         → ScriptList (trainer/admin: working copies, drafts included)
 * PUT  API_GUIDANCE.draft(id)       Script → EditableScript (trainer/admin)
 * POST API_GUIDANCE.publish(id)     {} → ScriptVersionRef (trainer/admin; 400 with issues when incomplete)
 * POST API_GUIDANCE.scripts          NewScript → EditableScript (trainer/admin; 409 when the id is taken)
 * POST API_GUIDANCE.retire(id)       {} → EditableScript (trainer/admin; agents stop getting it)
 */
export const API_GUIDANCE = {
  content: '/api/v1/guidance',
  stamp: '/api/v1/guidance/stamp',
  scripts: '/api/v1/guidance/scripts',
  draft: (id: string) => `/api/v1/guidance/scripts/${encodeURIComponent(id)}/draft`,
  publish: (id: string) => `/api/v1/guidance/scripts/${encodeURIComponent(id)}/publish`,
  retire: (id: string) => `/api/v1/guidance/scripts/${encodeURIComponent(id)}/retire`,
} as const;

/** What the server sends; `updatedAt` is when the newest published content was written. */
export const GuidanceServed = GuidanceContent;
export type GuidanceServed = z.output<typeof GuidanceServed>;

export const ScriptList = z.object({ scripts: z.array(EditableScript) }).strict();
export const SaveDraftBody = Script;
export const PublishBody = z.object({}).strict();
export const RetireBody = z.object({}).strict();
export const CreateScriptBody = NewScript;
export const ScriptIdParams = z.object({ id: ScriptId }).strict();
export const PublishedRef = ScriptVersionRef;
export const GuidanceStamp = z.object({ stamp: z.string().max(200) }).strict();
export type GuidanceStamp = z.output<typeof GuidanceStamp>;
