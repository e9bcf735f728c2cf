import { expect, test, type Locator } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/catalogs/en';
import { AGENT2, openAgentConsole, openConsoleAs, startCustomerStack, type SignedInConsole, type CustomerStack } from '../customers/customer-stack';
import type { ConsoleApp } from '../support/console-app';

/**
 * A trainer writes a new script from nothing: two steps in the three languages, a choice from the
 * first to the second, previewed by walking it, then published. An agent whose console is open
 * meanwhile gets it in the copy their guidance reads, with no reload.
 */

let stack: CustomerStack;
let agent: SignedInConsole | undefined;
let trainerConsole: SignedInConsole | undefined;

test.beforeEach(async () => {
  test.setTimeout(180_000);
  stack = await startCustomerStack(5);
});

test.afterEach(async () => {
  await agent?.close();
  await trainerConsole?.close();
  await stack.dispose();
});

interface InCopy {
  version: number;
  steps: string[];
  firstChoiceTo: string | undefined;
}

async function lateDeliveryInAgentCopy(app: ConsoleApp): Promise<InCopy | null> {
  const reply = (await app.rawBridgeCall({ type: 'call', id: 1, name: 'guidance.content', input: {} })) as {
    result: { ok: boolean; value?: { scripts: { id: string; version: number; steps: { id: string; choices: { to: string }[] }[] }[] } };
  };
  const script = reply.result.value?.scripts.find((s) => s.id === 'late-delivery');
  return script ? { version: script.version, steps: script.steps.map((s) => s.id), firstChoiceTo: script.steps[0]?.choices[0]?.to } : null;
}

const LANGS = [
  { tab: en.guidanceEditor.lang.en, key: 'en', say: 'Sorry for the wait', next: 'Check the tracking', choice: 'Customer gives the order number' },
  { tab: en.guidanceEditor.lang.fil, key: 'fil', say: 'Pasensya na po sa paghihintay', next: 'Tingnan ang tracking', choice: 'Ibinigay ng customer ang order number' },
  { tab: en.guidanceEditor.lang['pt-BR'], key: 'pt-BR', say: 'Desculpe pela espera', next: 'Veja o rastreio', choice: 'O cliente passa o número do pedido' },
] as const;

async function inEachLanguage(editor: Locator, fill: (lang: (typeof LANGS)[number]) => Promise<void>): Promise<void> {
  for (const lang of LANGS) {
    await editor.getByRole('tab', { name: lang.tab }).click();
    await fill(lang);
  }
}

test('a trainer creates a two-step script with a branch and an open agent console receives it', async ({ browser }) => {
  agent = await openAgentConsole(browser, stack.url, AGENT2);
  await expect.poll(() => agent!.app.rawBridgeCall({ type: 'call', id: 1, name: 'guidance.content', input: {} }), { timeout: 30_000 }).toMatchObject({
    result: { ok: true },
  });
  expect(await lateDeliveryInAgentCopy(agent.app)).toBeNull();

  trainerConsole = await openConsoleAs(browser, stack.url, 'trainer', { height: 900 });
  const trainer = trainerConsole.app;
  const page = trainer.page;
  await expect(page.getByRole('heading', { level: 1, name: en.trainer.heading })).toBeVisible();
  const editor = page.getByTestId('guidance-editor');

  // The new script: title and first step in the three languages.
  await editor.getByRole('button', { name: en.guidanceEditor.newScript }).click();
  const form = editor.getByTestId('guidance-editor-new');
  for (const [label, title, first] of [
    ['English', 'Late delivery', 'Apologise for the wait'],
    ['Filipino', 'Naantalang delivery', 'Humingi ng paumanhin'],
    ['Portuguese (Brazil)', 'Entrega atrasada', 'Peça desculpas'],
  ] as const) {
    await form.getByLabel(`Title in ${label}`).fill(title);
    await form.getByLabel(`First step in ${label}`).fill(first);
  }
  await expect(form.getByLabel(en.guidanceEditor.scriptId)).toHaveValue('late-delivery');
  await form.getByRole('button', { name: en.guidanceEditor.create }).click();
  await expect(page.getByTestId('guidance-editor-status')).toHaveText(en.guidanceEditor.created);

  await inEachLanguage(editor, async (lang) => {
    await editor.getByLabel(en.guidanceEditor.summary).fill(`${lang.say}.`);
    await editor.getByLabel(en.guidanceEditor.doThis).fill(`${lang.say}.`);
  });

  // The second step, where the script ends.
  await editor.getByRole('button', { name: en.guidanceEditor.addStep }).click();
  const step = editor.getByTestId('guidance-editor-step');
  await expect(step).toHaveAttribute('data-step', 'step-2');
  await step.getByRole('button', { name: 'Remove phrase 1' }).click();
  await step.getByLabel(en.guidanceEditor.endsHere).check();
  await inEachLanguage(editor, async (lang) => {
    await step.getByLabel(en.guidanceEditor.stepTitle).fill(lang.next);
    await step.getByLabel(en.guidanceEditor.doThis).fill(`${lang.next}.`);
  });
  // Nothing leads to it yet: the validator says so next to the step.
  await expect(step.getByTestId('guidance-editor-step-issues')).toContainText(en.guidanceEditor.issue['unreachable-step']);

  // The branch: a choice on step 1 that goes to step 2.
  await editor.getByTestId('guidance-editor-steps').getByRole('button', { name: /^1\. / }).click();
  await expect(step).toHaveAttribute('data-step', 'step-1');
  await step.getByRole('button', { name: en.guidanceEditor.addChoice }).click();
  await expect(step.getByLabel(en.guidanceEditor.goesTo)).toHaveValue('step-2');
  await inEachLanguage(editor, async (lang) => {
    await step.getByLabel('Choice 1', { exact: true }).fill(lang.choice);
  });
  await expect(editor.getByTestId('guidance-editor-step-issues')).toHaveCount(0);
  await expect(editor.getByTestId('guidance-editor-script-issues')).toHaveCount(0);

  // Removing step 2 is refused while the choice leads there.
  await editor.getByRole('button', { name: 'Remove step 2' }).click();
  await expect(editor.getByTestId('guidance-editor-blocked')).toContainText('a choice on step 1');

  // The preview walks the branch, in the three languages side by side.
  const preview = editor.getByTestId('guidance-editor-preview');
  await expect(preview.locator('[data-lang="fil"]')).toContainText('Humingi ng paumanhin');
  await preview.locator('[data-lang="pt-BR"]').getByRole('button', { name: 'O cliente passa o número do pedido' }).click();
  await expect(preview).toHaveAttribute('data-step', 'step-2');
  await expect(preview.locator('[data-lang="fil"]')).toContainText('Tingnan ang tracking');
  await expect(preview.locator('[data-lang="en"]')).toContainText(en.guidanceEditor.previewEnd);

  await editor.getByRole('button', { name: en.guidanceEditor.publish }).click();
  await expect(page.getByTestId('guidance-editor-status')).toContainText('Published as version 1');

  await expect
    .poll(() => lateDeliveryInAgentCopy(agent!.app), { timeout: 15_000 })
    .toEqual({ version: 1, steps: ['step-1', 'step-2'], firstChoiceTo: 'step-2' });
});
