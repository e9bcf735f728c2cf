import { expect, test } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/catalogs/en';
import { AGENT2, openAgentConsole, openConsoleAs, startCustomerStack, type SignedInConsole, type CustomerStack } from '../customers/customer-stack';
import type { ConsoleApp } from '../support/console-app';

/**
 * A trainer rewrites a Filipino phrase of the upset-customer script and publishes it; an agent whose
 * console is open meanwhile gets the new version in the copy their guidance reads, with no reload.
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

interface UpsetInCopy {
  version: number;
  firstPhraseFil: string | undefined;
}

/** What the agent's host holds for the upset-customer script (the guidance panel reads this copy). */
async function upsetInAgentCopy(app: ConsoleApp): Promise<UpsetInCopy | null> {
  const reply = (await app.rawBridgeCall({ type: 'call', id: 1, name: 'guidance.content', input: {} })) as {
    result: { ok: boolean; value?: { scripts: { id: string; version: number; steps: { phrases: { fil?: string }[] }[] }[] } };
  };
  const script = reply.result.value?.scripts.find((s) => s.id === 'upset-customer');
  return script ? { version: script.version, firstPhraseFil: script.steps[0]?.phrases[0]?.fil } : null;
}

test('a published script edit reaches an open agent console without a reload', async ({ browser }) => {
  const newPhrase = 'Sige po, ilabas n’yo lang po lahat. Nandito po ako at nakikinig.';
  agent = await openAgentConsole(browser, stack.url, AGENT2);
  await expect.poll(() => upsetInAgentCopy(agent!.app), { timeout: 30_000 }).toMatchObject({ version: 1 });

  trainerConsole = await openConsoleAs(browser, stack.url, 'trainer', { height: 900 });
  const trainer = trainerConsole.app;
  const page = trainer.page;
  const editor = page.getByTestId('guidance-editor');
  await expect(editor).toBeVisible();

  await editor.getByLabel(en.guidanceEditor.script, { exact: true }).selectOption({ label: 'Upset or angry customer — version 1' });
  await editor.getByRole('tab', { name: en.guidanceEditor.lang.fil }).click();
  const phrase = editor.getByLabel('Phrase 1', { exact: true });
  await expect(phrase).toHaveValue("Sige po, tuloy n'yo lang po. Nakikinig po ako.");
  await phrase.fill(newPhrase);
  await expect(editor.getByLabel(en.guidanceEditor.preview)).toContainText(newPhrase);
  await editor.getByRole('button', { name: en.guidanceEditor.publish }).click();
  await expect(page.getByTestId('guidance-editor-status')).toContainText('Published as version 2');

  await expect.poll(() => upsetInAgentCopy(agent!.app), { timeout: 15_000 }).toEqual({ version: 2, firstPhraseFil: newPhrase });
});
