import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DispositionChoices } from '../../../shared/contract/wrap-up';
import { dispositionLabel } from '../../../shared/domain/disposition';
import { API_CONTENT, type WrapUpSetup } from '../../../shared/api/content';
import { DEMO_DISPOSITIONS } from '../../../server/demo-data/timeline';
import { request, signIn } from '../server/harness';
import { backends, freshDatabase, openHost, startTestServer } from './harness';
import { tempDir } from '../../fixtures/processes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(backends)('disposition codes for wrap-up (%s)', (backend) => {
  it('every server starts with the standard codes in three languages and the default rules, for signed-in people only', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    expect((await request(server.url, 'GET', API_CONTENT.wrapUp)).status).toBe(401);
    const { token } = await signIn(server.url, 'agent', 'agent-demo-2026');
    const reply = await request(server.url, 'GET', API_CONTENT.wrapUp, { token });
    expect(reply.status).toBe(200);
    const { dispositions, rules } = reply.body as WrapUpSetup;
    expect(rules).toEqual({ targetSeconds: 60, limitSeconds: 300, defaultDisposition: 'no_disposition', recoveryPauseSeconds: 300 });
    expect(dispositions[0]).toMatchObject({ code: 'resolved', labels: { en: 'Resolved', fil: 'Naresolba', 'pt-BR': 'Resolvido' } });
    expect(dispositions.find((d) => d.code === 'callback_scheduled')?.requiresCallback).toBe(true);
    // The demo history's calls carry these codes: every one must have a label to show.
    for (const code of DEMO_DISPOSITIONS) expect(dispositions.map((d) => d.code)).toContain(code);
    for (const d of dispositions) expect(Object.keys(d.labels).sort(), d.code).toEqual(['en', 'fil', 'pt-BR']);
    // An admin retires one: consoles stop offering it.
    await server.db.query(`UPDATE disposition_codes SET active = false WHERE code = 'wrong_number'`);
    const after = (await request(server.url, 'GET', API_CONTENT.wrapUp, { token })).body as WrapUpSetup;
    expect(after.dispositions.map((d) => d.code)).not.toContain('wrong_number');
    expect(after.dispositions).toHaveLength(dispositions.length - 1);
  });

  it('the console keeps the list it fetched at sign-in and offers it with the server down', async () => {
    const dir = tempDir('dispositions');
    cleanups.push(() => dir.remove());
    const database = await freshDatabase(backend, dir.path);
    cleanups.push(() => database.drop());
    const server = await startTestServer(backend, { logLevel: 'warn' }, database);
    let stopped = false;
    cleanups.push(() => (stopped ? undefined : server.close()));
    await server.db.query(`INSERT INTO disposition_codes (code, labels, category, sort_order) VALUES ('sale', '{"en": "Sale made", "pt-BR": "Venda feita"}', 'sales', 5)`);
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    await h.signIn();

    const fetched = await vi.waitFor(async () => {
      const choices = await h.value<DispositionChoices>('dispositions.list');
      if (choices.fetchedAt === null) throw new Error('not fetched yet');
      return choices;
    });
    expect(fetched.dispositions[0]?.code).toBe('sale');
    expect(dispositionLabel(fetched.dispositions[0]!, 'pt-BR')).toBe('Venda feita');
    // No Filipino label: the English one stands in.
    expect(dispositionLabel(fetched.dispositions[0]!, 'fil')).toBe('Sale made');

    await server.close();
    stopped = true;
    const offline = await h.value<DispositionChoices>('dispositions.list');
    expect(offline.dispositions.map((d) => d.code)).toEqual(fetched.dispositions.map((d) => d.code));
  });
});
