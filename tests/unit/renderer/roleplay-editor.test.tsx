// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scenario } from '../../../shared/roleplay/scenario';
import { ScenarioEditor } from '../../../renderer/src/features/roleplay-editor/ScenarioEditor';
import { roleplayEditorInitialState, useRolePlayEditorStore } from '../../../renderer/src/features/roleplay-editor/roleplay-editor-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const SCENARIOS = join(import.meta.dirname, '../../../resources/roleplay/scenarios');
/** A scenario as the product ships it: published, and passing the check. */
const shipped = (file: string): Scenario => Scenario.parse(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')));
const refund = () => shipped('refund-outside-window.json');
/** The scripts the console knows: the one the refund scenario practises, published. */
const scripts = [{ script: { id: 'refund-outside-policy' }, publishedVersion: 2, updatedAt: null, updatedBy: null, retired: false }];

const editor = () => useRolePlayEditorStore.getState();

function control<E extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): E {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label)?.control;
  if (!found) throw new Error(`no field labelled ${label}`);
  return found as unknown as E;
}
function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

/** The editor on screen with the refund scenario open. */
async function openRefund(scenarios: Scenario[] = [refund()]): Promise<HTMLElement> {
  reply('roleplay.scenarios', success(scenarios));
  reply('guidance.allScripts', success(scripts));
  const root = await render(<ScenarioEditor />);
  const pick = await waitFor(() => root.querySelector<HTMLSelectElement>('select option[value="refund-outside-window"]')?.parentElement as HTMLSelectElement, 'scenarios listed');
  await choose(pick, 'refund-outside-window');
  return root;
}

beforeEach(async () => {
  resetFakeHost();
  useRolePlayEditorStore.setState(roleplayEditorInitialState);
  await switchUiLanguage('en');
});
afterEach(() => cleanup());

describe('the scenario editor', () => {
  it('lists published scenarios and drafts, and opens the draft where there is one', async () => {
    const draft = { ...refund(), status: 'draft' as const, version: 2, title: { ...refund().title, en: 'Refund outside the window (v2)' } };
    const root = await openRefund([refund(), draft, shipped('irate-customer.json')]);
    const options = [...root.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('Refund outside the window — draft (live: version 1)');
    expect(options.some((o) => o?.endsWith('— version 1'))).toBe(true);
    expect(control(byTestId(root, 'roleplay-editor-about'), 'Title').value).toBe('Refund outside the window (v2)');
    expect(byTestId(root, 'roleplay-editor-version').textContent).toBe('draft (live: version 1)');
  });

  it('shows a published scenario as it is, with nothing to fix', async () => {
    const root = await openRefund();
    expect(byTestId(root, 'roleplay-editor-version').textContent).toBe('Published version 1');
    expect(byTestId(root, 'roleplay-editor-weight-sum').textContent).toBe('Weights add up to 100 of 100');
    expect(root.querySelector('.roleplay-editor-issues[data-testid]')).toBeNull();
    expect(button(root, 'Publish').disabled).toBe(false);
  });

  it('keeps the English when a text is edited in Filipino', async () => {
    const root = await openRefund();
    await click(button(root, 'Filipino'));
    const title = control(byTestId(root, 'roleplay-editor-about'), 'Title');
    expect(title.value).toBe('Refund na lampas na sa window');
    expect(title.placeholder).toBe('Refund outside the window');
    await typeInto(title, 'Refund kahit lampas na sa 30 araw');
    expect(editor().working?.title).toEqual({ en: 'Refund outside the window', fil: 'Refund kahit lampas na sa 30 araw', 'pt-BR': 'Reembolso fora do prazo' });
    await click(button(root, 'English'));
    expect(control(byTestId(root, 'roleplay-editor-about'), 'Title').value).toBe('Refund outside the window');
  });

  it('adds a criterion: the weight sum follows, the check lists what is missing, and publishing waits', async () => {
    const root = await openRefund();
    const rubric = byTestId(root, 'roleplay-editor-rubric');
    await click(button(rubric, 'Add a criterion'));
    const criteria = rubric.querySelectorAll<HTMLElement>('[data-testid="roleplay-editor-criterion"]');
    expect(criteria).toHaveLength(6);
    const codes = () => [...rubric.querySelectorAll('[data-testid="roleplay-editor-rubric-issues"] li')].map((li) => li.getAttribute('data-code'));
    expect(codes()).toContain('weight-not-positive');
    expect(codes()).toContain('missing-language');

    await typeInto(control(criteria[5]!, 'Weight'), '10');
    expect(byTestId(root, 'roleplay-editor-weight-sum').textContent).toBe('Weights add up to 110 of 100');
    expect(codes()).toContain('weights-not-100');
    expect(codes()).not.toContain('weight-not-positive');
    expect(button(root, 'Publish').disabled).toBe(true);

    await click(button(criteria[5]!, 'Remove criterion 6'));
    expect(byTestId(root, 'roleplay-editor-weight-sum').textContent).toBe('Weights add up to 100 of 100');
    expect(button(root, 'Publish').disabled).toBe(false);
  });

  it('refuses to publish a customer with a real-looking phone number', async () => {
    const root = await openRefund();
    const customer = byTestId(root, 'roleplay-editor-customer');
    await typeInto(control(customer, 'Phone number'), '+16145551234');
    expect([...customer.querySelectorAll('[data-testid="roleplay-editor-customer-issues"] li')].map((li) => li.getAttribute('data-code'))).toEqual(['real-phone']);
    expect(button(root, 'Publish').disabled).toBe(true);
  });

  it('publishes the scenario with status published, and shows what the server refused', async () => {
    const root = await openRefund();
    await typeInto(control(byTestId(root, 'roleplay-editor-about'), 'Score needed to pass (%)'), '80');
    reply('roleplay.saveScenario', {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The scenario is not ready to publish.', issues: [{ path: 'script', message: 'there is no script "refund-outside-policy" to practise' }] },
    });
    await click(button(root, 'Publish'));
    const sent = callsTo('roleplay.saveScenario') as Scenario[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 'refund-outside-window', status: 'published', passThreshold: 80 });
    const refused = byTestId(root, 'roleplay-editor-refused');
    expect(refused.textContent).toContain('The server did not publish it.');
    expect(refused.textContent).toContain('script: there is no script "refund-outside-policy" to practise');
    // Nothing was lost: the edit is still there to fix and retry.
    expect(editor().working?.passThreshold).toBe(80);
    expect(editor().dirty).toBe(true);

    reply('roleplay.saveScenario', (input) => success({ ...(input as Scenario), version: 2 }));
    await click(button(root, 'Publish'));
    expect(root.querySelector('[data-testid="roleplay-editor-refused"]')).toBeNull();
    expect(byTestId(root, 'roleplay-editor-status').textContent).toBe('Published as version 2');
    expect(byTestId(root, 'roleplay-editor-version').textContent).toBe('Published version 2');
  });

  it('saves a draft as it is, issues and all', async () => {
    const root = await openRefund();
    expect(button(root, 'Save draft').disabled).toBe(true);
    await click(button(byTestId(root, 'roleplay-editor-rubric'), 'Add a criterion'));
    reply('roleplay.saveScenario', (input) => success(input));
    await click(button(root, 'Save draft'));
    const sent = callsTo('roleplay.saveScenario') as Scenario[];
    expect(sent[0]).toMatchObject({ status: 'draft' });
    expect(sent[0]!.rubric).toHaveLength(6);
    expect(byTestId(root, 'roleplay-editor-status').textContent).toBe('Draft saved');
    expect(byTestId(root, 'roleplay-editor-version').textContent).toBe('draft (live: version 1)');
    expect(editor().scenarios.map((s) => s.status).sort()).toEqual(['draft', 'published']);
  });

  it('starts a new scenario, and copies one under a new id', async () => {
    const root = await openRefund();
    await click(button(root, 'Copy as a new scenario'));
    const form = byTestId(root, 'roleplay-editor-new');
    await typeInto(control(form, 'Scenario ID'), 'refund-outside-window');
    await click(button(form, 'Make the copy'));
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('A scenario with this ID already exists. Choose another.');
    await typeInto(control(form, 'Scenario ID'), 'refund-outside-window-br');
    await click(button(form, 'Make the copy'));
    expect(editor().working).toMatchObject({ id: 'refund-outside-window-br', status: 'draft', version: 1, title: refund().title });
    expect(byTestId(root, 'roleplay-editor-version').textContent).toBe('Draft');

    await click(button(root, 'New scenario'));
    await typeInto(control(byTestId(root, 'roleplay-editor-new'), 'Scenario ID'), 'wrong-item-sent');
    await click(button(byTestId(root, 'roleplay-editor-new'), 'Start the scenario'));
    expect(editor().working).toMatchObject({ id: 'wrong-item-sent', status: 'draft', scriptId: 'refund-outside-policy', customer: { training: true } });
    expect(button(root, 'Publish').disabled).toBe(true);
  });
});
