import { en } from '../../../renderer/src/i18n/catalogs/en';
import { fil } from '../../../renderer/src/i18n/catalogs/fil';
import { ptBR } from '../../../renderer/src/i18n/catalogs/pt-BR';
import { startWebHost } from '../../fixtures/stack';
import { ConsoleApp } from '../support/console-app';
import { expect, test } from '../support/fixtures';

// The words a person sees change with the language they choose, and the choice is remembered.
test.describe('choosing a language', () => {
  test('Filipino on the sign-in screen changes the screen and survives a reload', async ({ app }) => {
    const submit = app.page.getByTestId('signin-submit');
    await expect(submit).toHaveText(en.signIn.submit);
    await app.chooseLanguageOnSignIn('fil');
    await expect(submit).toHaveText(fil.signIn.submit);
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'fil');

    await app.page.reload();
    await expect(app.page.getByTestId('signin-submit')).toHaveText(fil.signIn.submit);
  });

  test('Portuguese chosen in the workspace is kept for the person across reload and sign-in', async ({ app, browser, server }) => {
    await app.signInAs('supervisor');
    const signOut = app.page.getByTestId('signout');
    await expect(signOut).toHaveText(en.workspace.signOut);

    await app.chooseLanguageInWorkspace('pt-BR');
    await expect(signOut).toHaveText(ptBR.workspace.signOut);
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'pt-BR');

    await app.page.reload();
    await expect(app.page.getByTestId('signout')).toHaveText(ptBR.workspace.signOut);

    // Remembered for the person on the server, not only on this machine: another console shows it.
    const otherMachine = await startWebHost(server.url);
    try {
      const other = await ConsoleApp.open(await browser.newPage(), otherMachine);
      await other.signInAs('supervisor');
      await expect(other.page.getByTestId('signout')).toHaveText(ptBR.workspace.signOut);
      // Put the shared demo account back for the other tests on this server.
      await other.chooseLanguageInWorkspace('en');
      await expect(other.page.getByTestId('signout')).toHaveText(en.workspace.signOut);
    } finally {
      await otherMachine.stop();
    }
  });
});
