import type { FastifyInstance } from 'fastify';
import { API_GUIDANCE, CreateScriptBody, PublishBody, RetireBody, SaveDraftBody, ScriptIdParams, type GuidanceServed, type GuidanceStamp } from '../../shared/api/guidance';
import type { EditableScript, ScriptVersionRef } from '../../shared/contract/guidance';
import { ANY_ROLE, requireRole, sessionOf } from '../auth/require-role';
import type { Db } from '../db/db';
import { HttpError, parseBody } from '../http/errors';
import { createScript, editableScripts, guidanceContent, guidanceStamp, publishDraft, retireScript, saveDraft } from './store';
import { thresholdsFor, thresholdsStamp } from './policy-admin-store';

const AUTHORS = requireRole('trainer', 'admin');

/** Guidance content for every console, and the authoring routes for trainers and admins. */
export function registerGuidanceRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get(API_GUIDANCE.content, { config: { access: ANY_ROLE } }, async (request): Promise<GuidanceServed> => {
    const warn = (what: object, message: string) => request.log.warn(what, message);
    // The floor's content, with the thresholds of the caller's own team (policy-admin-store.ts).
    const content = await guidanceContent(db, warn);
    return { ...content, thresholds: await thresholdsFor(db, sessionOf(request).user.id, warn) };
  });

  app.get(API_GUIDANCE.stamp, { config: { access: ANY_ROLE } }, async (request): Promise<GuidanceStamp> => ({
    stamp: `${await guidanceStamp(db)}|${await thresholdsStamp(db, sessionOf(request).user.id)}`,
  }));

  app.get(API_GUIDANCE.scripts, { config: { access: AUTHORS } }, async (): Promise<{ scripts: EditableScript[] }> => ({
    scripts: await editableScripts(db),
  }));

  app.put('/api/v1/guidance/scripts/:id/draft', { config: { access: AUTHORS } }, async (request): Promise<EditableScript> => {
    const { id } = parseBody(ScriptIdParams, request.params);
    const script = parseBody(SaveDraftBody, request.body);
    if (script.id !== id) throw new HttpError(400, 'INVALID_INPUT', 'The script in the body is not the one in the address.', { issues: [{ path: 'id', message: 'Does not match the address.' }] });
    return saveDraft(db, script, sessionOf(request).user);
  });

  app.post('/api/v1/guidance/scripts/:id/publish', { config: { access: AUTHORS } }, async (request): Promise<ScriptVersionRef> => {
    const { id } = parseBody(ScriptIdParams, request.params);
    parseBody(PublishBody, request.body ?? {});
    const published = await publishDraft(db, id, sessionOf(request).user);
    request.log.info({ scriptId: id, version: published.version, by: sessionOf(request).user.id }, 'script published');
    return published;
  });

  app.post(API_GUIDANCE.scripts, { config: { access: AUTHORS } }, async (request): Promise<EditableScript> => {
    const input = parseBody(CreateScriptBody, request.body);
    const created = await createScript(db, input, sessionOf(request).user);
    request.log.info({ scriptId: created.script.id, by: sessionOf(request).user.id }, 'script created');
    return created;
  });

  app.post('/api/v1/guidance/scripts/:id/retire', { config: { access: AUTHORS } }, async (request): Promise<EditableScript> => {
    const { id } = parseBody(ScriptIdParams, request.params);
    parseBody(RetireBody, request.body ?? {});
    const retired = await retireScript(db, id, sessionOf(request).user);
    request.log.info({ scriptId: id, by: sessionOf(request).user.id }, 'script retired');
    return retired;
  });
}
