// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { resetAdminUsersStore } from '../../../renderer/src/features/admin/admin-users-store';
import { resetSessionStore, useSessionStore } from '../../../renderer/src/features/session/session-store';
import { resetSettingsStore } from '../../../renderer/src/features/settings/settings-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, deferred, failure, reply, resetFakeHost, success } from './support/fake-host';
import { people } from './support/users';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

beforeEach(async () => {
  resetFakeHost();
  resetSessionStore();
  resetSettingsStore();
  resetAdminUsersStore();
  await switchUiLanguage('en');
  useSessionStore.setState({ status: 'signed-out' });
  reply('settings.setLanguage', (input) => success((input as { language: string }).language));
});

afterEach(cleanup);

async function signInAs(root: HTMLElement, username: string, password: string): Promise<void> {
  await typeInto(byTestId(root, 'signin-username'), username);
  await typeInto(byTestId(root, 'signin-password'), password);
  await click(byTestId(root, 'signin-submit'));
}

describe('the sign-in screen', () => {
  it('labels every field, so a screen reader and a click on the label both find it', async () => {
    const root = await render(<App />);
    for (const id of ['signin-username', 'signin-password', 'signin-language']) {
      const field = byTestId(root, id);
      const label = root.querySelector(`label[for="${field.id}"]`);
      expect(label?.textContent, id).toBeTruthy();
    }
    expect(root.querySelector('main h1')?.textContent).toBe('Sign in');
  });

  it('tells a Filipino agent the password is wrong, in Filipino, and keeps the username', async () => {
    reply('session.signIn', failure('UNAUTHENTICATED', 'Wrong username or password.'));
    const root = await render(<App />);
    await choose(byTestId(root, 'signin-language'), 'fil');
    expect(byTestId(root, 'signin-submit').textContent).toBe('Mag-sign in');

    await signInAs(root, 'maria', 'wrong-password');

    const error = await waitFor(() => root.querySelector('[data-testid="signin-error"]'), 'error shown');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Mali ang username o password.');
    expect(byTestId<HTMLInputElement>(root, 'signin-username').value).toBe('maria');
    expect(byTestId<HTMLInputElement>(root, 'signin-password').value).toBe('');
    expect(byTestId<HTMLButtonElement>(root, 'signin-submit').disabled).toBe(false);
    expect(document.documentElement.lang).toBe('fil');
  });

  it('says the same thing for an unknown user as for a wrong password', async () => {
    const root = await render(<App />);
    reply('session.signIn', failure('UNAUTHENTICATED', 'Wrong username or password.'));
    await signInAs(root, 'nobody', 'whatever-password');
    const unknownUser = (await waitFor(() => root.querySelector('[data-testid="signin-error"]'), 'error')).textContent;

    reply('session.signIn', failure('INVALID_INPUT', 'username: letters, digits, dot, dash or underscore'));
    await signInAs(root, 'no body', 'whatever-password');
    const malformed = (await waitFor(() => root.querySelector('[data-testid="signin-error"]'), 'error')).textContent;

    expect(unknownUser).toBe('Wrong username or password.');
    expect(malformed).toBe(unknownUser);
  });

  it('explains a rate limit and an unreachable server in Portuguese', async () => {
    const root = await render(<App />);
    await choose(byTestId(root, 'signin-language'), 'pt-BR');

    reply('session.signIn', failure('RATE_LIMITED'));
    await signInAs(root, 'ana', 'x-password');
    expect((await waitFor(() => root.querySelector('[data-testid="signin-error"]'), 'error')).textContent).toBe(
      'Muitas tentativas. Aguarde um pouco e tente de novo.',
    );

    reply('session.signIn', failure('UNAVAILABLE'));
    await signInAs(root, 'ana', 'x-password');
    expect(byTestId(root, 'signin-error').textContent).toMatch(/^Não foi possível conectar ao servidor do Kalma/);
  });

  it('disables the button while signing in, then opens the workspace in the person’s language', async () => {
    const answer = deferred<ReturnType<typeof success<typeof people.agent>>>();
    reply('session.signIn', () => answer.promise);
    const root = await render(<App />);

    await signInAs(root, 'maria', 'right-password');
    const button = byTestId<HTMLButtonElement>(root, 'signin-submit');
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Signing in…');
    await click(button);
    expect(callsTo('session.signIn')).toHaveLength(1);

    answer.resolve(success(people.agent));
    const workspace = await waitFor(() => root.querySelector('[data-testid="workspace-agent"]'), 'agent workspace');
    expect(byTestId(root, 'signout').textContent).toBe('Mag-sign out');
    expect(workspace.querySelector('h2')?.textContent).toBe('Phone');
    expect(document.documentElement.lang).toBe('fil');
  });
});
