import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InteractionView } from '../../../shared/domain/interaction';
import { CallGuidanceLog, runLog, summarizeGuidance } from '../../../shared/guidance/call-log';
import { Script } from '../../../shared/guidance/script';
import { startRun, tick } from '../../../shared/guidance/script-run';
import { AGENT2, answeredCall, backends, openHost, seedCustomers, startTestServer, waitForStatus } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const upset = Script.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/guidance/scripts/upset-customer.json'), 'utf8')));

/** The log a console keeps of a call where the agent pressed "customer upset", ticked one item and followed. */
function guidanceLog(at: number): CallGuidanceLog {
  const item = upset.steps.find((step) => step.id === upset.start)!.checklist[0]!;
  const run = tick(startRun(upset, new Date(at).toISOString()), item.id, new Date(at + 2_000).toISOString());
  const prompt = { promptId: 'p1', trigger: 'customer-upset', situation: 'customer-upset', via: 'button' } as const;
  return CallGuidanceLog.parse({
    prompts: [
      { ...prompt, at, event: 'shown' },
      { ...prompt, at: at + 3_000, event: 'followed' },
    ],
    tally: { 'customer-upset': { shown: 1 } },
    runs: [runLog(run)],
  });
}

describe.each(backends)('the guidance log of a call (%s)', (backend) => {
  it('is kept with the wrap-up in the cache, reaches the server call record, and a second console sees it on the timeline', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 3);
    const first = openHost(server.url);
    const second = openHost(server.url);
    cleanups.push(() => first.close(), () => second.close());
    await first.signIn();
    await second.signIn(AGENT2);
    await waitForStatus(first, (s) => s.lastSyncedAt !== null);
    await waitForStatus(second, (s) => s.lastSyncedAt !== null);

    const ended = Date.now();
    const call = answeredCall({ id: 'call-with-guidance', customerId: 't-c1' });
    const log = guidanceLog(ended - 50_000);
    await first.value('calls.logEnded', call);
    await first.value('wrapUp.save', { callId: call.id, disposition: 'resolved', notes: 'Calmer by the end', guidance: log, abusive: true });

    const callEntry = (items: InteractionView[]) => items.find((item) => item.kind === 'call' && item.text === 'Calmer by the end');
    const mine = callEntry((await first.value<{ items: InteractionView[] }>('customers.history', { id: 't-c1' })).items);
    expect(mine).toMatchObject({ guidance: log, abusive: true });

    await waitForStatus(first, (s) => s.pending === 0 && s.rejected === 0);
    const { rows } = await server.db.query<{ guidance: CallGuidanceLog; abusive: boolean }>('SELECT guidance, abusive FROM call_records WHERE call_id = $1', [call.id]);
    expect(rows).toEqual([{ guidance: log, abusive: true }]);

    await vi.waitFor(
      async () => {
        const theirs = callEntry((await second.value<{ items: InteractionView[] }>('customers.history', { id: 't-c1' })).items);
        expect(theirs?.kind === 'call' && theirs.guidance).toEqual(log);
      },
      { timeout: 15_000 },
    );
    const summary = summarizeGuidance(log);
    expect(summary.prompts).toEqual({ shown: 1, followed: 1, dismissed: 0 });
    expect(summary.runs[0]).toMatchObject({ scriptId: 'upset-customer', stepsDone: 1, checked: 1 });
  }, 120_000);
});
