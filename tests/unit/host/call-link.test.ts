import { describe, expect, it } from 'vitest';
import type { PendingWrapUp } from '../../../shared/domain/wrap-up';
import type { CallRecord } from '../../../shared/phone/call-record';
import { AfterCallWork, registerAfterCallWorkHandlers } from '../../../electron/services/agent/after-call-work';
import { HandlerRegistry } from '../../../electron/services/contract/registry';
import { silentLog } from '../../../electron/services/host-log';
import type { SignedInData } from '../../../electron/services/sync/customer-data-service';
import { customer, openTestCache, tempFile } from '../cache/cache-fixtures';

const ctx = { origin: 'http://127.0.0.1:1' };

const call: CallRecord = {
  id: 'sip-call-family',
  direction: 'inbound',
  number: '+639171234567',
  remoteUri: 'sip:+639171234567@pbx.example',
  customerId: 'c-maria',
  line: 1,
  startedAt: new Date(Date.now() - 125_000).toISOString(),
  answeredAt: new Date(Date.now() - 120_000).toISOString(),
  endedAt: new Date().toISOString(),
  endCause: 'hangup-remote',
  transfers: [],
};

/** A signed-in host's after-call work over a real cache file, the way console-host.ts wires it. */
function hostOn(file: string) {
  const cache = openTestCache(file);
  const data = {
    user: { id: 'u1', username: 'rhea', displayName: 'Rhea', role: 'agent', language: 'en', teams: [] },
    cache,
    file,
    sync: { afterLocalWrite: () => undefined },
  } as unknown as SignedInData;
  const announced: (PendingWrapUp | null)[] = [];
  const changed: string[][] = [];
  const work = new AfterCallWork({
    data: { require: () => data },
    log: silentLog(),
    announceState: () => undefined,
    announceWrapUp: (pending) => announced.push(pending),
    onCustomersChanged: (ids) => changed.push(ids),
  });
  const registry = new HandlerRegistry();
  registerAfterCallWorkHandlers(registry, work);
  return { cache, work, registry, announced, changed, data };
}

describe('calls.linkCustomer during wrap-up', () => {
  it('links the call, tells the wrap-up form, and survives a restart; the wrap-up goes on the linked customer', async () => {
    const file = tempFile();
    const first = hostOn(file);
    first.cache.applyBatch([customer('c-maria', 'Maria Santos'), customer('c-joana', 'Joana Santos')], 'k1');
    first.work.callConnected(call.id);
    first.work.callEnded(call);
    expect(first.announced.at(-1)?.call.customerId).toBe('c-maria');

    const linked = await first.registry.dispatch('calls.linkCustomer', { callId: call.id, customerId: 'c-joana' }, ctx);
    expect(linked).toMatchObject({ ok: true, value: { ...call, customerId: 'c-joana' } });
    expect(first.announced.at(-1)).toMatchObject({ call: { id: call.id, customerId: 'c-joana' } });
    first.work.stop();
    first.cache.close();

    // The console reloads (or the host restarts) before the wrap-up is saved.
    const again = hostOn(file);
    expect(await again.registry.dispatch('wrapUp.pending', {}, ctx)).toMatchObject({ ok: true, value: { call: { id: call.id, customerId: 'c-joana' } } });
    expect(await again.registry.dispatch('wrapUp.save', { callId: call.id, disposition: 'resolved', notes: 'It was Joana' }, ctx)).toEqual({
      ok: true,
      value: { next: null },
    });
    expect(again.changed).toEqual([['c-joana']]);
    expect(again.cache.history('c-joana')).toEqual([expect.objectContaining({ kind: 'call', text: 'It was Joana' })]);
    expect(again.cache.history('c-maria')).toEqual([]);
    again.work.stop();
  });

  it('answers NOT_FOUND for a call or customer it does not have and CONFLICT once wrapped up, with the input checked first', async () => {
    const host = hostOn(tempFile());
    host.cache.applyBatch([customer('c-maria', 'Maria Santos')], 'k1');
    host.work.callEnded(call);
    expect(await host.registry.dispatch('calls.linkCustomer', { callId: 'nope', customerId: 'c-maria' }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await host.registry.dispatch('calls.linkCustomer', { callId: call.id, customerId: 'c-gone' }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await host.registry.dispatch('calls.linkCustomer', { callId: call.id, customerId: '' }, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await host.registry.dispatch('wrapUp.save', { callId: call.id, disposition: 'resolved' }, ctx);
    expect(await host.registry.dispatch('calls.linkCustomer', { callId: call.id, customerId: 'c-maria' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    host.work.stop();
  });
});
