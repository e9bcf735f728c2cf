import { expectNoSeriousViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

test('the sign-in screen and the agent workspace have no serious accessibility problem, in all three languages', async ({ app, page }) => {
  await expectNoSeriousViolations(page, 'the sign-in screen (en)');
  await app.chooseLanguageOnSignIn('fil');
  await expectNoSeriousViolations(page, 'the sign-in screen (fil)');
  await app.signInAs('agent');
  await expect(page.getByTestId('workspace-agent')).toBeVisible();
  try {
    await expect(page.getByTestId('agent-state')).toBeVisible();
    await expectNoSeriousViolations(page, 'the agent workspace (fil)');
    await app.chooseLanguageInWorkspace('pt-BR');
    await expectNoSeriousViolations(page, 'the agent workspace (pt-BR)');
  } finally {
    // The language is remembered for the person on the server this worker's tests share: put the
    // demo agent back in English so the next test reads the words it expects.
    await app.chooseLanguageInWorkspace('en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
});
