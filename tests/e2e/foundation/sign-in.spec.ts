import { expect, test } from '../support/fixtures';
import { demo } from '../support/console-app';
import type { Role } from '../../../shared/domain/user';

const roles: Role[] = ['agent', 'supervisor', 'trainer', 'admin'];

test.describe('signing in', () => {
  for (const role of roles) {
    test(`the demo ${role} signs in and sees the ${role}'s workspace`, async ({ app }) => {
      const account = await app.signInAs(role);
      await expect(app.page.getByTestId('workspace-user')).toContainText(account.displayName);
      for (const other of roles.filter((r) => r !== role)) await expect(app.workspace(other)).toHaveCount(0);
    });
  }

  test('a wrong password shows the error, gives no hint and creates no session', async ({ app }) => {
    const agent = demo('agent');
    await app.signIn(agent.username, 'not-the-password');
    const error = app.page.getByTestId('signin-error');
    await expect(error).toHaveText('Wrong username or password.');
    const forWrongPassword = await error.textContent();

    await app.signIn('nobody-by-this-name', 'whatever-password');
    await expect(error).toHaveText(forWrongPassword ?? '');

    // The host holds no session: a reload lands on the sign-in screen again.
    await app.page.reload();
    await expect(app.page.getByTestId('signin-submit')).toBeVisible();
    await expect(app.workspace('agent')).toHaveCount(0);
    expect(await app.rawBridgeCall({ type: 'call', id: 1, name: 'session.current', input: {} })).toMatchObject({
      result: { ok: true, value: null },
    });
  });

  test('the admin sees the real accounts, the agent is refused the admin list', async ({ app }) => {
    await app.signInAs('admin');
    for (const role of roles) await expect(app.workspace('admin')).toContainText(demo(role).username);
    await app.signOut();

    await app.signInAs('agent');
    expect(await app.rawBridgeCall({ type: 'call', id: 2, name: 'admin.listUsers', input: {} })).toMatchObject({
      result: { ok: false, error: { code: 'FORBIDDEN' } },
    });
  });

  test('signing out returns to the sign-in screen and survives a reload', async ({ app }) => {
    await app.signInAs('trainer');
    await app.signOut();
    await app.page.reload();
    await expect(app.page.getByTestId('signin-submit')).toBeVisible();
  });
});
