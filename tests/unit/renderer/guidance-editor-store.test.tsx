// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditableScript } from '../../../shared/contract/guidance';
import type { Script } from '../../../shared/guidance/script';
import { checkScript } from '../../../shared/guidance/script-check';
import { newScriptDraft, scriptIdFrom, type NewScript } from '../../../shared/guidance/script-new';
import { guidanceEditorInitialState, referencesTo, useGuidanceEditorStore } from '../../../renderer/src/features/guidance-editor/guidance-editor-store';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const editor = () => useGuidanceEditorStore.getState();
const both = { en: 'x', fil: 'x', 'pt-BR': 'x' };

/** Three steps: greet → (choice) listen → (choice) close; listen also branches on customer-upset to greet. */
function threeSteps(): Script {
  const step = (id: string, extra: Partial<Script['steps'][number]> = {}) => ({
    id,
    title: { en: id, fil: id, 'pt-BR': id },
    doThis: both,
    phrases: [],
    checklist: [],
    choices: [],
    onTrigger: [],
    end: false,
    ...extra,
  });
  return {
    id: 'late-delivery',
    version: 2,
    status: 'published',
    title: both,
    summary: both,
    situations: ['customer-upset'],
    start: 'greet',
    steps: [
      step('greet', { choices: [{ id: 'go', label: both, to: 'listen' }] }),
      step('listen', { choices: [{ id: 'done', label: both, to: 'close' }], onTrigger: [{ trigger: 'customer-upset', to: 'greet' }] }),
      step('close', { end: true }),
    ],
    onTriggerAnyStep: [],
    avoid: [],
  };
}

const entry = (script: Script): EditableScript => ({ script, publishedVersion: script.version, updatedAt: null, updatedBy: null, retired: false });

async function openScript(script: Script): Promise<void> {
  reply('guidance.allScripts', success([entry(script)]));
  await editor().load();
  editor().open(script.id);
}

beforeEach(() => {
  resetFakeHost();
  useGuidanceEditorStore.setState(guidanceEditorInitialState);
});
afterEach(() => vi.restoreAllMocks());

describe('reordering steps', () => {
  it('moves a step up and down, and not past either end', async () => {
    await openScript(threeSteps());
    editor().moveStep('close', -1);
    expect(editor().working?.steps.map((s) => s.id)).toEqual(['greet', 'close', 'listen']);
    expect(editor().dirty).toBe(true);
    editor().moveStep('greet', -1);
    editor().moveStep('listen', 1);
    expect(editor().working?.steps.map((s) => s.id)).toEqual(['greet', 'close', 'listen']);
    // Order is presentation only: branches still lead where they did, so the script stays valid.
    expect(checkScript(editor().working!)).toEqual([]);
  });
});

describe('removing a step', () => {
  it('is refused while a choice or a trigger branch still leads to it, naming where from', async () => {
    await openScript(threeSteps());
    editor().removeStep('close');
    expect(editor().working?.steps).toHaveLength(3);
    expect(editor().blocked).toEqual({ stepId: 'close', references: [{ fromStepId: 'listen', kind: 'choice' }] });

    editor().removeStep('greet');
    expect(editor().blocked?.references).toEqual([
      { fromStepId: null, kind: 'start' },
      { fromStepId: 'listen', kind: 'trigger' },
    ]);
    expect(editor().dirty).toBe(false);
  });

  it('goes through once nothing leads to it any more', async () => {
    await openScript(threeSteps());
    editor().editStep('listen', (s) => ({ ...s, choices: [], end: true }));
    expect(referencesTo(editor().working!, 'close')).toEqual([]);
    editor().removeStep('close');
    expect(editor().blocked).toBeNull();
    expect(editor().working?.steps.map((s) => s.id)).toEqual(['greet', 'listen']);
    expect(editor().stepId).toBe('listen');
    expect(checkScript(editor().working!)).toEqual([]);
  });

  it('counts a branch taken from any step', async () => {
    const script = threeSteps();
    script.onTriggerAnyStep = [{ trigger: 'asks-for-manager', to: 'close' }];
    script.steps[1]!.choices = [];
    script.steps[1]!.end = true;
    await openScript(script);
    editor().removeStep('close');
    expect(editor().blocked?.references).toEqual([{ fromStepId: null, kind: 'trigger' }]);
  });
});

describe('a new script', () => {
  const input: NewScript = {
    id: 'late-delivery',
    title: { en: 'Late delivery', fil: 'Huling dating ng order' },
    situation: 'repeat-complaint',
    firstStepTitle: { en: 'Apologise for the wait' },
  };

  it('is created on the server as a draft and opened with its first step', async () => {
    reply('guidance.allScripts', success([]));
    await editor().load();
    reply('guidance.createScript', (given) => success({ script: newScriptDraft(given as NewScript), publishedVersion: null, updatedAt: null, updatedBy: 'u1', retired: false }));
    expect(await editor().createScript(input)).toBe(true);

    expect(callsTo('guidance.createScript')).toEqual([input]);
    const working = editor().working!;
    expect(working).toMatchObject({ id: 'late-delivery', status: 'draft', situations: ['repeat-complaint'], start: 'step-1' });
    expect(working.steps.map((s) => s.title)).toEqual([{ en: 'Apologise for the wait' }]);
    expect(editor().scripts.map((s) => s.script.id)).toEqual(['late-delivery']);
    expect(editor().done).toEqual({ kind: 'created' });

    // A second step and a choice to it: the draft walks from the first step to the second.
    editor().addStep();
    expect(editor().stepId).toBe('step-2');
    editor().editStep('step-1', (s) => ({ ...s, end: false, choices: [{ id: 'choice-1', label: { en: 'Go on' }, to: 'step-2' }] }));
    editor().editStep('step-2', (s) => ({ ...s, end: true }));
    const graph = checkScript(editor().working!).filter((i) => ['unreachable-step', 'dead-end', 'dangling-branch'].includes(i.code));
    expect(graph).toEqual([]);
  });

  it('keeps the editor as it was when the server refuses the id', async () => {
    reply('guidance.allScripts', success([]));
    await editor().load();
    reply('guidance.createScript', failure('CONFLICT', 'A script with the id "late-delivery" already exists. Choose another id.'));
    expect(await editor().createScript(input)).toBe(false);
    expect(editor().working).toBeNull();
    expect(editor().error).toContain('already exists');
  });

  it('gets an id from its title', () => {
    expect(scriptIdFrom('Cobrança indevida!')).toBe('cobranca-indevida');
    expect(scriptIdFrom('  Late   delivery ')).toBe('late-delivery');
  });
});

describe('retiring', () => {
  it('marks the script retired in the list', async () => {
    await openScript(threeSteps());
    reply('guidance.retire', (given) => success({ ...entry(threeSteps()), retired: (given as { id: string }).id === 'late-delivery' }));
    await editor().retire();
    expect(editor().scripts[0]?.retired).toBe(true);
    expect(editor().done).toEqual({ kind: 'retired' });
  });
});
