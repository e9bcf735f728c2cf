import { describe, expect, it } from 'vitest';
import { parseScript, scriptFrom } from '../../../shared/guidance/script-check';
import {
  applyTrigger,
  atEnd,
  choose,
  currentStep,
  runRecord,
  ScriptRunError,
  ScriptRunRecord,
  startRun,
  tick,
  tickedItems,
  untick,
  type ScriptRun,
} from '../../../shared/guidance/script-run';
import { defaultScriptFiles, sampleScript } from './script-fixtures';

const T0 = '2025-03-04T09:00:00.000Z';
const T1 = '2025-03-04T09:00:12.000Z';
const T2 = '2025-03-04T09:00:31.000Z';
const T3 = '2025-03-04T09:01:05.000Z';

const started = () => startRun(scriptFrom(sampleScript()), T0);
const snapshot = (run: ScriptRun) => JSON.parse(JSON.stringify(run)) as unknown;

describe('following a script during a call', () => {
  it('starts on the start step, with the time it started', () => {
    const run = started();
    expect(currentStep(run).id).toBe('listen');
    expect(run.steps).toEqual([{ via: 'start', stepId: 'listen', at: T0 }]);
    expect(run.ticks).toEqual([]);
  });

  it('moves on the agent\'s choice and keeps the path with times', () => {
    const run = choose(choose(started(), 'upset', T1), 'calmer', T2);
    expect(run.stepId).toBe('fix');
    expect(run.steps).toEqual([
      { via: 'start', stepId: 'listen', at: T0 },
      { via: 'choice', choiceId: 'upset', stepId: 'slow-down', at: T1 },
      { via: 'choice', choiceId: 'calmer', stepId: 'fix', at: T2 },
    ]);
  });

  it('refuses a choice the current step does not offer', () => {
    expect(() => choose(started(), 'agreed', T1)).toThrow(ScriptRunError);
  });

  it('follows a trigger, the step\'s own branch winning over the any-step one', () => {
    const fromListen = applyTrigger(started(), 'customer-upset', T1);
    expect(fromListen.stepId).toBe('slow-down');
    expect(fromListen.steps.at(-1)).toEqual({ via: 'trigger', trigger: 'customer-upset', stepId: 'slow-down', at: T1 });
    // slow-down has no branch of its own, so the any-step one applies.
    expect(applyTrigger(fromListen, 'customer-upset', T2).stepId).toBe('fix');
    expect(applyTrigger(fromListen, 'asks-for-manager', T2).stepId).toBe('manager');
  });

  it('keeps the agent where they are when a trigger has no branch or points where they already are', () => {
    const run = started();
    expect(applyTrigger(run, 'long-silence', T1)).toBe(run);
    const atFix = choose(run, 'calmer', T1);
    expect(applyTrigger(atFix, 'customer-upset', T2)).toBe(atFix);
  });

  it('keeps every tick and untick with its time and step', () => {
    let run = tick(started(), 'let-finish', T1);
    run = tick(run, 'noted', T2);
    run = untick(run, 'let-finish', T3);
    expect(run.ticks).toEqual([
      { itemId: 'let-finish', stepId: 'listen', ticked: true, at: T1 },
      { itemId: 'noted', stepId: 'listen', ticked: true, at: T2 },
      { itemId: 'let-finish', stepId: 'listen', ticked: false, at: T3 },
    ]);
    expect([...tickedItems(run)]).toEqual(['noted']);
  });

  it('ignores ticking an item twice', () => {
    const once = tick(started(), 'noted', T1);
    expect(tick(once, 'noted', T2)).toBe(once);
    expect(untick(started(), 'noted', T1).ticks).toEqual([]);
  });

  it('lets the agent tick an item on a step already passed, but not on one not reached', () => {
    const atFix = choose(started(), 'calmer', T1);
    expect(tick(atFix, 'noted', T2).ticks.at(-1)).toEqual({ itemId: 'noted', stepId: 'listen', ticked: true, at: T2 });
    expect(() => tick(atFix, 'thanked', T2)).toThrow(/not reached/);
    expect(() => tick(atFix, 'no-such-item', T2)).toThrow(ScriptRunError);
  });

  it('refuses a time that is not an instant', () => {
    expect(() => tick(started(), 'noted', 'yesterday')).toThrow(ScriptRunError);
    expect(() => startRun(scriptFrom(sampleScript()), '09:00')).toThrow(ScriptRunError);
  });

  it('never changes a run it was given, and hands back frozen runs', () => {
    const first = started();
    const before = snapshot(first);
    const second = tick(choose(first, 'upset', T1), 'repeated', T2);
    applyTrigger(second, 'asks-for-manager', T3);
    expect(snapshot(first)).toEqual(before);
    expect(Object.isFrozen(second)).toBe(true);
    expect(Object.isFrozen(second.steps)).toBe(true);
    expect(Object.isFrozen(second.ticks[0])).toBe(true);
    expect(() => (second.steps as unknown[]).push({})).toThrow(TypeError);
  });

  it('keeps the script version the call started with when the script is edited later', () => {
    const script = scriptFrom(sampleScript());
    const run = startRun(script, T0);
    script.version = 4;
    script.steps[0]!.title.en = 'Edited after the call started';
    expect(run.script.version).toBe(3);
    expect(currentStep(run).title.en).toBe('Listen');
    expect(Object.isFrozen(run.script.steps[0]!.title)).toBe(true);
  });

  it('refuses to start a script whose start step is missing', () => {
    expect(() => startRun(scriptFrom({ ...sampleScript(), start: 'nowhere' }), T0)).toThrow(ScriptRunError);
  });

  it('produces a record for the call that the record schema accepts', () => {
    const run = tick(choose(choose(started(), 'calmer', T1), 'agreed', T2), 'thanked', T3);
    expect(atEnd(run)).toBe(true);
    const record = runRecord(run);
    expect(ScriptRunRecord.parse(record)).toEqual(record);
    expect(record).toMatchObject({ scriptId: 'sample', scriptVersion: 3 });
    expect(record.steps.map((s) => s.stepId)).toEqual(['listen', 'fix', 'close']);
    expect(record.ticks).toEqual([{ itemId: 'thanked', stepId: 'close', ticked: true, at: T3 }]);
  });
});

describe('a default script, as an agent walks it', () => {
  it('takes an upset customer from listening to the reference number', () => {
    const file = defaultScriptFiles().find((f) => f.file === 'upset-customer.json');
    const parsed = parseScript(file?.json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    let run = startRun(parsed.script, T0);
    run = tick(run, 'no-interrupting', T0);
    run = choose(run, 'finished', T1);
    run = applyTrigger(run, 'customer-upset', T1);
    expect(currentStep(run).id).toBe('lower-the-heat');
    run = choose(run, 'calmer', T2);
    run = choose(run, 'can-fix', T2);
    run = choose(run, 'agrees', T3);
    run = tick(run, 'gave-reference', T3);
    expect(atEnd(run)).toBe(true);
    expect(currentStep(run).phrases.some((p) => p['pt-BR']?.includes('{reference}'))).toBe(true);
    expect(runRecord(run).steps.map((s) => s.stepId)).toEqual(['let-them-speak', 'acknowledge', 'lower-the-heat', 'confirm-problem', 'offer-fix', 'close']);
  });
});
