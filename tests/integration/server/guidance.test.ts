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

  const newScript = {
    id: 'late-delivery',
    title: { en: 'Late delivery', fil: 'Naantalang delivery', 'pt-BR': 'Entrega atrasada' },
    situation: 'repeat-complaint',
    firstStepTitle: { en: 'Apologise for the wait', fil: 'Humingi ng paumanhin sa paghihintay', 'pt-BR': 'Peça desculpas pela espera' },
  };
  const listed = async (id: string) => ScriptList.parse((await request(t.url, 'GET', API_GUIDANCE.scripts, { token: tokens.trainer })).body).scripts.find((e) => e.script.id === id);

  it('creates a script as a draft, refuses the same id twice, and publishes it once complete', async () => {
    const created = await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.trainer, json: newScript });
    expect(created.status).toBe(200);
    const draft = EditableScript.parse(created.body);
    expect(draft).toMatchObject({ publishedVersion: null, retired: false, script: { id: 'late-delivery', status: 'draft', start: 'step-1', situations: ['repeat-complaint'] } });
    expect((await listed('late-delivery'))?.script.steps[0]?.title).toEqual(newScript.firstStepTitle);
    // A draft is not on the floor.
    expect((await content()).scripts.some((s) => s.id === 'late-delivery')).toBe(false);

    const again = await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.admin, json: newScript });
    expect(again.status).toBe(409);
    expect(errorOf(again).issues?.[0]?.path).toBe('id');
    // An existing published script's id is taken too.
    expect((await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.trainer, json: { ...newScript, id: 'upset-customer' } })).status).toBe(409);

    // Incomplete (no summary, the step has no instruction): refused, with the fields.
    const early = await request(t.url, 'POST', API_GUIDANCE.publish('late-delivery'), { token: tokens.trainer, json: {} });
    expect(early.status).toBe(400);
    expect(errorOf(early).issues?.some((issue) => issue.path === 'summary')).toBe(true);

    const all = { en: 'Say sorry, then check the tracking.', fil: 'Mag-sorry, tapos tingnan ang tracking.', 'pt-BR': 'Peça desculpas e veja o rastreio.' };
    const script = { ...draft.script, summary: all, steps: draft.script.steps.map((step) => ({ ...step, doThis: all })) };
    expect((await request(t.url, 'PUT', API_GUIDANCE.draft(script.id), { token: tokens.trainer, json: script })).status).toBe(200);
    const published = await request(t.url, 'POST', API_GUIDANCE.publish(script.id), { token: tokens.trainer, json: {} });
    expect(published.status).toBe(200);
    expect(ScriptVersionRef.parse(published.body)).toEqual({ id: 'late-delivery', version: 1 });
    expect((await content()).scripts.find((s) => s.id === 'late-delivery')?.version).toBe(1);
  });

  it('refuses a new script without a title or with a bad id, naming the field', async () => {
    const noTitle = await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.trainer, json: { ...newScript, id: 'no-title', title: {} } });
    expect(noTitle.status).toBe(400);
    expect(errorOf(noTitle).issues?.some((issue) => issue.path === 'title')).toBe(true);
    const badId = await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.trainer, json: { ...newScript, id: 'Late Delivery' } });
    expect(badId.status).toBe(400);
    expect(errorOf(badId).issues?.some((issue) => issue.path === 'id')).toBe(true);
  });

  it('retires a script: agents stop getting it, its versions stay, publishing brings it back', async () => {
    const stampBefore = (await request(t.url, 'GET', API_GUIDANCE.stamp, { token: tokens.agent })).body;
    const retired = await request(t.url, 'POST', API_GUIDANCE.retire('cross-sell'), { token: tokens.admin, json: {} });
    expect(retired.status).toBe(200);
    expect(EditableScript.parse(retired.body).retired).toBe(true);
    expect((await content()).scripts.some((s) => s.id === 'cross-sell')).toBe(false);
    // Consoles refetch on a changed stamp; a retirement must change it.
    expect((await request(t.url, 'GET', API_GUIDANCE.stamp, { token: tokens.agent })).body).not.toEqual(stampBefore);
    const { rows } = await t.db.query('SELECT version FROM script_versions WHERE script_id = $1', ['cross-sell']);
    expect(rows.length).toBeGreaterThan(0);
    expect((await listed('cross-sell'))?.retired).toBe(true);

    const script = (await listed('cross-sell'))!.script;
    expect((await request(t.url, 'PUT', API_GUIDANCE.draft('cross-sell'), { token: tokens.trainer, json: script })).status).toBe(200);
    expect((await request(t.url, 'POST', API_GUIDANCE.publish('cross-sell'), { token: tokens.trainer, json: {} })).status).toBe(200);
    expect((await content()).scripts.some((s) => s.id === 'cross-sell')).toBe(true);
    expect((await listed('cross-sell'))?.retired).toBe(false);
  });

  it('has nothing to retire for an unknown or never-published script', async () => {
    expect((await request(t.url, 'POST', API_GUIDANCE.retire('no-such-script'), { token: tokens.trainer, json: {} })).status).toBe(404);
    expect((await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.trainer, json: { ...newScript, id: 'only-a-draft' } })).status).toBe(200);
    expect((await request(t.url, 'POST', API_GUIDANCE.retire('only-a-draft'), { token: tokens.trainer, json: {} })).status).toBe(409);
  });

  it('lets an agent neither create nor retire a script', async () => {
    expect((await request(t.url, 'POST', API_GUIDANCE.scripts, { token: tokens.agent, json: { ...newScript, id: 'by-agent' } })).status).toBe(403);
    expect((await request(t.url, 'POST', API_GUIDANCE.retire('upset-customer'), { token: tokens.agent, json: {} })).status).toBe(403);
    expect((await content()).scripts.some((s) => s.id === 'upset-customer')).toBe(true);
  });
});
