// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../../shared/domain/user';
import { App } from '../../../renderer/src/App';
import phPack from '../../../resources/policies/ph.json';
import { PolicyPack } from '../../../shared/policy';
import { resetAdminUsersStore } from '../../../renderer/src/features/admin/admin-users-store';
import { resetSessionStore, useSessionStore } from '../../../renderer/src/features/session/session-store';
import { resetSettingsStore } from '../../../renderer/src/features/settings/settings-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, waitFor } from './support/dom';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';
import { adminList, people } from './support/users';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

beforeEach(async () => {
  resetFakeHost();
  resetSessionStore();
  resetSettingsStore();
  resetAdminUsersStore();
  await switchUiLanguage('en');
});

afterEach(cleanup);

function signedInAs(user: User): Promise<HTMLElement> {
  useSessionStore.setState({ status: 'signed-in', user });
  return render(<App />);
}

describe('the workspace', () => {
  it('shows each role its own body, with a heading and header and main landmarks', async () => {
    reply('admin.listUsers', success([]));
    for (const role of ['agent', 'supervisor', 'trainer', 'admin'] as const) {
      const root = await signedInAs(people[role]);
      const main = byTestId(root, `workspace-${role}`);
      expect(main.tagName).toBe('MAIN');
      const heading = main.querySelector('h1');
      expect(heading?.textContent, role).toBeTruthy();
      expect(main.getAttribute('aria-labelledby')).toBe(heading?.id);
      expect(root.querySelector('header')).not.toBeNull();
      expect(root.querySelectorAll('main')).toHaveLength(1);
      const others = ['agent', 'supervisor', 'trainer', 'admin'].filter((r) => r !== role);
      for (const other of others) expect(root.querySelector(`[data-testid="workspace-${other}"]`)).toBeNull();
      await cleanup();
    }
  });

  it('names the person, their role and their team in the header', async () => {
    const root = await signedInAs(people.supervisor);
    const who = byTestId(root, 'workspace-user');
    expect(who.textContent).toContain('Jose Reyes');
    expect(who.textContent).toContain('Supervisor');
    expect(who.textContent).toContain('Manila Care 1');
  });

  it('gives an agent a phone pane and a customer pane, with role-play practice folded away', async () => {
    const root = await signedInAs({ ...people.agent, language: 'en' });
    const titles = [...byTestId(root, 'workspace-agent').querySelectorAll('h2')].map((h) => h.textContent);
    expect(titles).toEqual(['Phone', 'Customer']);
    const practice = byTestId(root, 'practice-section') as HTMLDetailsElement;
    expect(practice.open).toBe(false);
    expect(byTestId(root, 'practice-toggle').textContent).toBe('Role-play practice');
  });

  it('switches language from the header and saves the choice', async () => {
    reply('settings.setLanguage', (input) => success((input as { language: string }).language));
    const root = await signedInAs({ ...people.trainer, language: 'en' });
    await choose(byTestId(root, 'language-menu'), 'pt-BR');
    expect(byTestId(root, 'signout').textContent).toBe('Sair');
    expect(byTestId(root, 'workspace-user').textContent).toContain('Instrutor');
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(callsTo('settings.setLanguage')).toEqual([{ language: 'pt-BR' }]);
  });

  it('keeps the new language on screen and says so when it cannot be saved', async () => {
    reply('settings.setLanguage', failure('UNAVAILABLE'));
    const root = await signedInAs({ ...people.agent, language: 'en' });
    await choose(byTestId(root, 'language-menu'), 'fil');
    const note = await waitFor(() => root.querySelector('header [role="status"]'), 'save failure note');
    expect(note.textContent).toBe('Hindi na-save ang wika mo. Subukan ulit.');
    expect(byTestId<HTMLSelectElement>(root, 'language-menu').value).toBe('fil');
  });

  it('signs out back to the sign-in screen', async () => {
    reply('session.signOut', success(null));
    const root = await signedInAs(people.agent);
    await click(byTestId(root, 'signout'));
    await waitFor(() => root.querySelector('[data-testid="signin-username"]'), 'sign-in screen');
    expect(root.querySelector('[data-testid="workspace-agent"]')).toBeNull();
  });

  it('lists the real accounts for an admin', async () => {
    reply('admin.listUsers', success(adminList));
    const root = await signedInAs(people.admin);
    const rows = await waitFor(() => {
      const found = root.querySelectorAll('[data-testid="admin-user-row"]');
      return found.length > 0 && found;
    }, 'user rows');
    const cells = [...rows].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toEqual([
      ['ana', 'Ana LimaDisabled', 'Trainer'],
      ['jose', 'Jose Reyes', 'Supervisor'],
      ['maria', 'Maria Santos', 'Agent'],
    ]);
  });

  it('tells an admin in words when the server refuses the list, and tries again on request', async () => {
    reply('admin.listUsers', failure('FORBIDDEN'));
    // The admin's other panes (policy, thresholds, monitoring audit) load fine: the only refusal on screen is the list's.
    reply('policy.get', success({ pack: PolicyPack.parse(phPack), updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: null }));
    reply('thresholds.list', success([]));
    reply('monitoring.audit', success([]));
    const root = await signedInAs(people.admin);
    const alert = await waitFor(() => byTestId(root, 'workspace-admin').querySelector('[role="alert"]'), 'refusal shown');
    expect(alert.textContent).toContain("You don't have access to this.");

    reply('admin.listUsers', success(adminList));
    await click(alert.querySelector('button')!);
    await waitFor(() => root.querySelectorAll('[data-testid="admin-user-row"]').length === 3, 'list after retry');
    expect(byTestId(root, 'workspace-admin').querySelector('[role="alert"]')).toBeNull();
  });
});
