import { describe, expect, it } from 'vitest';
import { CallInteraction } from '../../../shared/domain/interaction';
import { WrapUp, WrapUpInput } from '../../../shared/domain/wrap-up';
import { CallGuidanceLog, guidanceEvents, hasGuidance, runLog, summarizeGuidance } from '../../../shared/guidance/call-log';
import { choose, startRun, tick, untick } from '../../../shared/guidance/script-run';
import { Script } from '../../../shared/guidance/script';
import { sampleScript } from './script-fixtures';

const upsetScript = () => Script.parse(sampleScript());

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function walkedLog(): CallGuidanceLog {
  const script = upsetScript();
  const first = script.steps.find((step) => step.id === script.start)!;
  const [a, b] = first.checklist;
  let run = startRun(script, iso(0));
  run = tick(run, a!.id, iso(2));
  if (b) run = untick(tick(run, b.id, iso(3)), b.id, iso(4));
  const choice = first.choices[0];
  if (choice) run = choose(run, choice.id, iso(5));
  const prompt = (promptId: string, situation: 'customer-upset' | 'cross-sell-eligible', trigger: 'customer-upset' | 'vip-customer') => ({ promptId, situation, trigger, via: null });
  return CallGuidanceLog.parse({
    prompts: [
      { ...prompt('p1', 'cross-sell-eligible', 'vip-customer'), at: T0 - 1_000, event: 'shown' },
      { ...prompt('p1', 'cross-sell-eligible', 'vip-customer'), at: T0 - 500, event: 'dismissed' },
      { ...prompt('p2', 'customer-upset', 'customer-upset'), at: T0, event: 'shown' },
      { ...prompt('p2', 'customer-upset', 'customer-upset'), at: T0 + 6_000, event: 'followed' },
    ],
    tally: { 'vip-customer': { shown: 1 }, 'customer-upset': { shown: 1, cooldown: 2 } },
    runs: [runLog(run)],
  });
}

describe('the guidance log on the call record', () => {
  it('summarizes per script the steps reached and the items still ticked, and the prompts by outcome', () => {
    const log = walkedLog();
    const script = upsetScript();
    const summary = summarizeGuidance(log);
    expect(summary.prompts).toEqual({ shown: 2, followed: 1, dismissed: 1 });
    const first = script.steps.find((step) => step.id === script.start)!;
    expect(summary.runs).toEqual([
      {
        scriptId: script.id,
        scriptVersion: script.version,
        title: script.title,
        stepsDone: first.choices.length > 0 ? 2 : 1,
        stepCount: script.steps.length,
        // An item ticked then unticked does not count.
        checked: 1,
        checklistCount: script.steps.reduce((sum, step) => sum + step.checklist.length, 0),
      },
    ]);
  });

  it('lists every prompt, step and tick in time order for the timeline', () => {
    const events = guidanceEvents(walkedLog());
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort((a, b) => a - b));
    expect(events[0]).toMatchObject({ kind: 'prompt', event: 'shown', situation: 'cross-sell-eligible' });
    expect(events.filter((event) => event.kind === 'tick').map((event) => event.kind === 'tick' && event.ticked)).toContain(true);
  });

  it('travels in the wrap-up and on the call entry, and refuses what is not a log', () => {
    const log = walkedLog();
    const wrapUp = WrapUp.parse({ callId: 'c1', disposition: 'resolved', guidance: log, abusive: true, wrappedUpAt: iso(60), automatic: false });
    expect(wrapUp.guidance).toEqual(log);
    // A wrap-up from an older console: no log, not abusive.
    const older = WrapUpInput.parse({ callId: 'c1', disposition: 'resolved' });
    expect(older.abusive).toBe(false);
    expect(older.guidance).toBeUndefined();
    expect(() => WrapUpInput.parse({ callId: 'c1', disposition: 'resolved', guidance: { ...log, prompts: [{ at: 1, event: 'shouted' }] } })).toThrow();
    expect(() => CallGuidanceLog.parse({ ...log, runs: [{ ...log.runs[0], scriptVersion: 0 }] })).toThrow();
    const entry = CallInteraction.parse({
      id: 'i1',
      kind: 'call',
      customerId: 'c',
      occurredAt: iso(0),
      author: null,
      direction: 'inbound',
      durationSec: 60,
      text: '',
      version: 1,
      guidance: log,
    });
    expect(entry.guidance).toEqual(log);
  });

  it('leaves an empty log off the record', () => {
    expect(hasGuidance({ prompts: [], tally: {}, runs: [] })).toBe(false);
    expect(hasGuidance(walkedLog())).toBe(true);
  });
});
