// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuidanceContent } from '../../../shared/contract/guidance';
import { DEFAULT_WRAP_UP_RULES, WrapUpInput } from '../../../shared/domain/wrap-up';
import { summarizeGuidance } from '../../../shared/guidance/call-log';
import { DEFAULT_GUIDANCE_THRESHOLDS, GuidanceThresholds, type GuidanceThresholdsInput } from '../../../shared/guidance/triggers';
import { showingRun, useGuidanceStore } from '../../../renderer/src/features/guidance/guidance-store';
import { usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { useWrapUpStore, wrapUpInitialState } from '../../../renderer/src/features/wrap-up/wrap-up-store';
import { initialPhone, putCallOnLine, shippedScript } from './support/guidance';
import { callsTo, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const upset = shippedScript('upset-customer.json');
const refund = shippedScript('refund-outside-policy.json');
const cancellation = shippedScript('cancellation-retention.json');

const guidance = () => useGuidanceStore.getState();
const shown = () => showingRun(guidance());
const initialGuidance = useGuidanceStore.getState();

let stop: () => void = () => undefined;

async function startWith(thresholds: GuidanceThresholdsInput = {}): Promise<void> {
  const content: GuidanceContent = { scripts: [upset, refund, cancellation], policyPack: null, thresholds: GuidanceThresholds.parse(thresholds), updatedAt: null };
  reply('guidance.content', success(content));
  stop = guidance().start();
  await vi.waitFor(() => expect(guidance().content).not.toBeNull());
}

beforeEach(() => {
  resetFakeHost();
  usePhoneStore.setState(initialPhone, true);
  useGuidanceStore.setState(initialGuidance, true);
  useWrapUpStore.setState(wrapUpInitialState);
});

afterEach(() => stop());

describe('the call reason as a guidance trigger', () => {
  it('opens the refund script for a refund and the retention script for a cancellation', async () => {
    await startWith();
    putCallOnLine('call-1');
    guidance().callReason('refund_initiated');
    expect(shown()?.prompt.trigger).toBe('call-reason');
    expect(shown()?.run?.script.id).toBe(refund.id);

    putCallOnLine('call-2');
    guidance().callReason('order_cancelled');
    expect(shown()?.run?.script.id).toBe(cancellation.id);
  });

  it('opens nothing for a reason without a script, and nothing outside a call', async () => {
    await startWith();
    guidance().callReason('refund_initiated');
    expect(guidance().call).toBeNull();
    putCallOnLine('call-1');
    guidance().callReason('general_inquiry');
    expect(shown()).toBeNull();
  });

  it("respects the team's cooldown: a second reason within it opens nothing", async () => {
    await startWith({ triggers: { 'call-reason': { cooldownSeconds: 60 } } });
    putCallOnLine('call-1');
    const at = Date.now();
    guidance().callReason('refund_initiated', at);
    guidance().dismiss(at + 1_000);
    guidance().callReason('order_cancelled', at + 30_000);
    expect(shown()).toBeNull();
    expect(guidance().call?.state.tally['call-reason']).toEqual({ shown: 1, cooldown: 1 });

    guidance().callReason('order_cancelled', at + 61_000);
    expect(shown()?.run?.script.id).toBe(cancellation.id);
  });
});

describe("the call's guidance log goes with its wrap-up", () => {
  it('sends the prompts, steps and checklist ticks of the ended call with the wrap-up', async () => {
    await startWith();
    putCallOnLine('call-1');
    const at = Date.now();
    guidance().customerUpset('button', at);
    const item = upset.steps.find((step) => step.id === upset.start)?.checklist[0];
    expect(item).toBeDefined();
    guidance().toggleCheck(item!.id, at + 2_000);
    guidance().follow(at + 3_000);
    putCallOnLine(null);

    const pending = { call: { id: 'call-1' }, rules: DEFAULT_WRAP_UP_RULES } as unknown as NonNullable<ReturnType<typeof useWrapUpStore.getState>['pending']>;
    useWrapUpStore.setState({ pending });
    reply('wrapUp.save', success({ next: null }));
    expect(await useWrapUpStore.getState().save({ disposition: 'resolved', notes: '', followUpAt: '', surveyRequested: false, abusive: true })).toBe(true);

    const sent = WrapUpInput.parse(callsTo('wrapUp.save').at(-1));
    expect(sent.abusive).toBe(true);
    const summary = summarizeGuidance(sent.guidance!);
    expect(summary.prompts).toEqual({ shown: 1, followed: 1, dismissed: 0 });
    expect(summary.runs).toEqual([expect.objectContaining({ scriptId: upset.id, scriptVersion: upset.version, stepsDone: 1, checked: 1 })]);
  });

  it('sends no log for a call where guidance never fired', async () => {
    await startWith();
    putCallOnLine('call-1');
    putCallOnLine(null);
    expect(guidance().logFor('call-1')).toBeNull();
    expect(DEFAULT_GUIDANCE_THRESHOLDS.reasonSituations.refund_initiated).toBe('refund-outside-window');
  });
});
