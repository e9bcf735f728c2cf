// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuidanceContent } from '../../../shared/contract/guidance';
import type { Script } from '../../../shared/guidance/script';
import { audioCueFiring, DEFAULT_GUIDANCE_THRESHOLDS } from '../../../shared/guidance/triggers';
import { useCustomersStore, type CustomersState } from '../../../renderer/src/features/customers/customers-store';
import { showingRun, useGuidanceStore } from '../../../renderer/src/features/guidance/guidance-store';
import { usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { initialPhone, putCallOnLine, shippedScript } from './support/guidance';
import { emit, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const upsetV1 = shippedScript('upset-customer.json');
const crossSell = shippedScript('cross-sell.json');

const content = (scripts: Script[]): GuidanceContent => ({ scripts, policyPack: null, thresholds: DEFAULT_GUIDANCE_THRESHOLDS, updatedAt: null });

const guidance = () => useGuidanceStore.getState();
const shown = () => showingRun(guidance());
const initialCustomers = useCustomersStore.getState();
const initialGuidance = useGuidanceStore.getState();

function openCard(tags: string[]): void {
  const card = { customer: { id: 'cust-1', name: 'Ana Reyes', language: 'fil', version: '1', tags, emails: [], accountNumbers: [], addresses: [], phones: [] }, orders: [] };
  useCustomersStore.setState({ card: card as unknown as CustomersState['card'], history: [] });
}

const altU = () => window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyU', key: 'u', altKey: true }));

let stop: () => void = () => undefined;

async function startWith(scripts: Script[]): Promise<void> {
  reply('guidance.content', success(content(scripts)));
  stop = guidance().start();
  await vi.waitFor(() => expect(guidance().content).not.toBeNull());
}

beforeEach(() => {
  resetFakeHost();
  usePhoneStore.setState(initialPhone, true);
  useCustomersStore.setState(initialCustomers, true);
  useGuidanceStore.setState(initialGuidance, true);
});

afterEach(() => stop());

describe('the guidance store during a call', () => {
  it('opens the upset-customer script on Alt+U, and not outside a call', async () => {
    await startWith([upsetV1, crossSell]);
    altU();
    expect(shown()).toBeNull();

    putCallOnLine('call-1');
    altU();

    expect(shown()?.prompt.situation).toBe('customer-upset');
    expect(shown()?.run?.script.id).toBe('upset-customer');
    expect(shown()?.run?.stepId).toBe(upsetV1.start);
  });

  it('keeps a prompt the agent is reading when an audio cue arrives, and shows the cue after', async () => {
    await startWith([upsetV1, crossSell]);
    putCallOnLine('call-1');
    openCard(['vip']);
    expect(shown()?.prompt.situation).toBe('cross-sell-eligible');

    const at = Date.now();
    guidance().offer(audioCueFiring({ kind: 'customer-level-rise', at, durationMs: 1_500, baselineDb: -40, levelDb: -20 }), at);

    expect(shown()?.prompt.situation).toBe('cross-sell-eligible');
    expect(guidance().call?.state.queue.map((prompt) => prompt.situation)).toEqual(['customer-upset']);
    guidance().dismiss(at + 1_000);
    expect(shown()?.prompt.situation).toBe('customer-upset');
  });

  it('offers a VIP customer once per call, however often the card reloads', async () => {
    await startWith([upsetV1, crossSell]);
    putCallOnLine('call-1');
    openCard(['vip']);
    guidance().dismiss();
    openCard(['vip']);
    openCard(['vip', 'at-risk']);

    expect(shown()).toBeNull();
    const shownPrompts = guidance().call?.state.log.filter((entry) => entry.event === 'shown' && entry.trigger === 'vip-customer');
    expect(shownPrompts).toHaveLength(1);
  });

  it('keeps the script version a call started with when a new one is published mid-call', async () => {
    await startWith([upsetV1]);
    putCallOnLine('call-1');
    altU();
    expect(shown()?.run?.script.version).toBe(1);

    const upsetV2 = { ...upsetV1, version: 2 };
    reply('guidance.content', success(content([upsetV2])));
    emit('guidance.changed', { scripts: [{ id: upsetV2.id, version: 2 }] });
    await vi.waitFor(() => expect(guidance().content?.scripts[0]?.version).toBe(2));

    expect(shown()?.run?.script.version).toBe(1);
    guidance().dismiss();
    // Past the hotkey's cooldown: the agent asks for it again later in the same call.
    guidance().customerUpset('hotkey', Date.now() + 4_000);
    expect(shown()?.run?.script.version).toBe(1);

    putCallOnLine(null);
    expect(guidance().endedLogs.at(-1)?.runs.map((run) => run.scriptVersion)).toEqual([1, 1]);
    putCallOnLine('call-2');
    altU();
    expect(shown()?.run?.script.version).toBe(2);
  });
});
