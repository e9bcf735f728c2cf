import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_GUIDANCE, GuidanceServed, ScriptList } from '../../../shared/api/guidance';
import { EditableScript, ScriptVersionRef } from '../../../shared/contract/guidance';
import { defaultPolicyPack, defaultScripts } from '../../../server/guidance/defaults';
import { seedGuidance } from '../../../server/guidance/store';
import { backends, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

describe.each(backends)('guidance scripts on the server (%s)', (backend) => {
  let t: TestServer;
  const tokens = { agent: '', trainer: '', admin: '' };

  beforeAll(async () => {
    t = await startTestServer(backend, { policyPack: 'br' });
    for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[role] = (await signIn(t.url, role, `${role}-demo-2026`)).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const content = async () => GuidanceServed.parse((await request(t.url, 'GET', API_GUIDANCE.content, { token: tokens.agent })).body);
  const upset = async () => {
    const reply = await request(t.url, 'GET', API_GUIDANCE.scripts, { token: tokens.trainer });
    expect(reply.status).toBe(200);
    const found = ScriptList.parse(reply.body).scripts.find((entry) => entry.script.id === 'upset-customer');
    if (!found) throw new Error('upset-customer not listed');
    return found;
  };

  it('serves the shipped scripts and the configured policy pack to an agent', async () => {
    const served = await content();
    expect(served.scripts.map((s) => s.id).sort()).toEqual(defaultScripts().map((s) => s.id).sort());
    expect(served.policyPack?.country).toBe('BR');
    expect(served.scripts.every((s) => s.status === 'published')).toBe(true);
  });

  it('seeds nothing twice, and a newer default does not replace what the server holds', async () => {
    const newer = defaultScripts().map((s) => ({ ...s, version: s.version + 5 }));
    expect(await seedGuidance(t.db, newer, defaultPolicyPack('us'), 'us')).toEqual({ scripts: 0, pack: false });
    const served = await content();
    expect(served.scripts.find((s) => s.id === 'upset-customer')?.version).toBe(defaultScripts().find((s) => s.id === 'upset-customer')?.version);
    expect(served.policyPack?.country).toBe('BR');
  });

  it('publishes a trainer draft as version n+1 and keeps version n', async () => {
    const before = await upset();
    const n = before.publishedVersion ?? 0;
    const script = structuredClone(before.script);
    script.steps[0]!.phrases[0]!.fil = 'Naiintindihan ko po talaga ang inis ninyo, aayusin natin ito.';
    const saved = await request(t.url, 'PUT', API_GUIDANCE.draft(script.id), { token: tokens.trainer, json: script });
    expect(saved.status).toBe(200);
    expect(EditableScript.parse(saved.body).script.status).toBe('draft');
    // Agents still get the published version while the draft is in progress.
    expect((await content()).scripts.find((s) => s.id === script.id)?.version).toBe(n);

    const published = await request(t.url, 'POST', API_GUIDANCE.publish(script.id), { token: tokens.trainer, json: {} });
    expect(published.status).toBe(200);
    expect(ScriptVersionRef.parse(published.body)).toEqual({ id: script.id, version: n + 1 });

    const served = (await content()).scripts.find((s) => s.id === script.id);
    expect(served?.version).toBe(n + 1);
    expect(served?.steps[0]?.phrases[0]?.fil).toBe('Naiintindihan ko po talaga ang inis ninyo, aayusin natin ito.');
    const { rows } = await t.db.query<{ version: number; published_by: string | null }>(
      'SELECT version, published_by FROM script_versions WHERE script_id = $1 ORDER BY version',
      [script.id],
    );
    expect(rows.map((r) => r.version).slice(-2)).toEqual([n, n + 1]);
    // Who published it is kept with the version (the seeded default has nobody).
    expect(rows.at(-1)?.published_by).not.toBeNull();
  });

  it('refuses to publish a draft missing a language, naming the field', async () => {
    const script = structuredClone((await upset()).script);
    delete script.steps[0]!.title['pt-BR'];
    expect((await request(t.url, 'PUT', API_GUIDANCE.draft(script.id), { token: tokens.admin, json: script })).status).toBe(200);
    const reply = await request(t.url, 'POST', API_GUIDANCE.publish(script.id), { token: tokens.admin, json: {} });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).issues?.length).toBeGreaterThan(0);
  });

  it('lets an agent neither edit nor publish', async () => {
    const script = (await upset()).script;
    expect((await request(t.url, 'GET', API_GUIDANCE.scripts, { token: tokens.agent })).status).toBe(403);
    expect((await request(t.url, 'PUT', API_GUIDANCE.draft(script.id), { token: tokens.agent, json: script })).status).toBe(403);
    expect((await request(t.url, 'POST', API_GUIDANCE.publish(script.id), { token: tokens.agent, json: {} })).status).toBe(403);
  });

  it('answers a bad body with 400 and the field', async () => {
    const reply = await request(t.url, 'PUT', API_GUIDANCE.draft('upset-customer'), { token: tokens.trainer, json: { id: 'upset-customer', steps: 'many' } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).code).toBe('INVALID_INPUT');
    expect(errorOf(reply).issues?.some((issue) => issue.path === 'steps')).toBe(true);
  });
});
