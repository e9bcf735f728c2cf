// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../../shared/domain/user';
import { App } from '../../../renderer/src/App';
import { resetAdminUsersStore } from '../../../renderer/src/features/admin/admin-users-store';
import { SignInScreen } from '../../../renderer/src/features/session/SignInScreen';
import { resetSessionStore, useSessionStore } from '../../../renderer/src/features/session/session-store';
import { resetSettingsStore } from '../../../renderer/src/features/settings/settings-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { PaneBoundary } from '../../../renderer/src/ui/PaneBoundary';
import { flatten } from './support/catalog-keys';
import { cleanup, render, waitFor } from './support/dom';
import { reply, resetFakeHost, success } from './support/fake-host';
import { rawTexts } from './support/raw-text';
import { adminList, people } from './support/users';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const keys = new Set(flatten(catalogs.en).keys());
// The product name is never translated; people's names and teams are their data, not our words.
const PRODUCT = ['Kalma'];
const dataOf = (user: User): string[] => [user.displayName, user.username, ...user.teams.map((team) => team.name)];

beforeAll(async () => {
  await switchUiLanguage('cimode');
});

beforeEach(() => {
  resetFakeHost();
  resetSessionStore();
  resetSettingsStore();
  resetAdminUsersStore();
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe('the raw-text check', () => {
  it('catches text that bypasses the catalogs, in text and in spoken attributes', async () => {
    const root = await render(
      <div>
        <p>Hello</p>
        <button aria-label="Close">×</button>
        <p>{'signIn.title'}</p>
      </div>,
    );
    expect(rawTexts(root, keys)).toEqual(['Hello', 'aria-label="Close"']);
  });
});

describe('every word on screen comes from the catalogs', () => {
  it('on the sign-in screen, with an error showing', async () => {
    useSessionStore.setState({ status: 'signed-out', error: { code: 'RATE_LIMITED', message: 'slow down' } });
    const root = await render(<SignInScreen />);
    expect(root.querySelector('[data-testid="signin-error"]')?.textContent).toBe('errors.RATE_LIMITED');
    expect(rawTexts(root, keys, PRODUCT)).toEqual([]);
  });

  it('on the sign-in screen after a session ended elsewhere', async () => {
    useSessionStore.setState({ status: 'signed-out', ended: true });
    const root = await render(<SignInScreen />);
    expect(root.textContent).toContain('signIn.sessionEnded');
    expect(rawTexts(root, keys, PRODUCT)).toEqual([]);
  });

  it('while the console starts', async () => {
    const root = await render(<App />);
    expect(root.textContent).toBe('app.loading');
    expect(rawTexts(root, keys, PRODUCT)).toEqual([]);
  });

  for (const role of ['agent', 'supervisor', 'trainer'] as const) {
    it(`in the ${role}'s workspace`, async () => {
      const user = people[role];
      useSessionStore.setState({ status: 'signed-in', user });
      const root = await render(<App />);
      expect(root.querySelector(`[data-testid="workspace-${role}"]`)).not.toBeNull();
      expect(rawTexts(root, keys, [...PRODUCT, ...dataOf(user)])).toEqual([]);
    });
  }

  it("in the admin's workspace, with the user list loaded", async () => {
    reply('admin.listUsers', success(adminList));
    useSessionStore.setState({ status: 'signed-in', user: people.admin });
    const root = await render(<App />);
    await waitFor(() => root.querySelectorAll('[data-testid="admin-user-row"]').length === adminList.length, 'user list shown');
    expect(rawTexts(root, keys, [...PRODUCT, ...dataOf(people.admin), ...adminList.flatMap(dataOf)])).toEqual([]);
  });

  it('in a panel that failed', async () => {
    const Broken = (): never => {
      throw new Error('boom');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const root = await render(
      <PaneBoundary name="broken">
        <Broken />
      </PaneBoundary>,
    );
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(rawTexts(root, keys)).toEqual([]);
  });
});
