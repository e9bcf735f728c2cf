import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionStore, useSessionStore, type SessionStatus } from '../../../renderer/src/features/session/session-store';
import { resetSettingsStore, useSettingsStore } from '../../../renderer/src/features/settings/settings-store';
import { i18n, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { host } from '../../../renderer/src/host/client';
import { callsTo, deferred, emit, failure, listenerCount, reply, resetFakeHost, success } from './support/fake-host';
import { people } from './support/users';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const session = () => useSessionStore.getState();

/** Every status the store passes through, so a brief signed-in flash cannot hide. */
function recordStatuses(): SessionStatus[] {
  const seen: SessionStatus[] = [];
  useSessionStore.subscribe((state) => seen.push(state.status));
  return seen;
}

beforeEach(async () => {
  resetFakeHost();
  resetSessionStore();
  resetSettingsStore();
  await switchUiLanguage('en');
  useSessionStore.setState({ status: 'signed-out' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signing in', () => {
  it('keeps the typed error and never passes through signed-in when the password is wrong', async () => {
    reply('session.signIn', failure('UNAUTHENTICATED', 'Wrong username or password.'));
    const seen = recordStatuses();

    const signedIn = await session().signIn('maria', 'not-her-password');

    expect(signedIn).toBe(false);
    expect(session().status).toBe('signed-out');
    expect(session().user).toBeNull();
    expect(session().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Wrong username or password.' });
    expect(seen).toEqual(['signing-in', 'signed-out']);
  });

  it('reports a rate limit and an unreachable server by their codes', async () => {
    reply('session.signIn', failure('RATE_LIMITED'));
    await session().signIn('maria', 'x');
    expect(session().error?.code).toBe('RATE_LIMITED');

    reply('session.signIn', failure('UNAVAILABLE'));
    await session().signIn('maria', 'x');
    expect(session().error?.code).toBe('UNAVAILABLE');
    expect(session().status).toBe('signed-out');
  });

  it('turns a host that throws into a failure instead of a stuck sign-in', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(host, 'invoke').mockRejectedValueOnce(new Error('bridge gone'));
    expect(await session().signIn('maria', 'x')).toBe(false);
    expect(session().status).toBe('signed-out');
    expect(session().error?.code).toBe('INTERNAL');
  });

  it('signs in once, in the language stored for the person', async () => {
    const answer = deferred<ReturnType<typeof success<typeof people.agent>>>();
    reply('session.signIn', () => answer.promise);

    const first = session().signIn('  maria ', 'right-password');
    const second = await session().signIn('maria', 'right-password');
    expect(second).toBe(false);
    expect(session().status).toBe('signing-in');

    answer.resolve(success(people.agent));
    expect(await first).toBe(true);
    expect(callsTo('session.signIn')).toEqual([{ username: 'maria', password: 'right-password' }]);
    expect(session().status).toBe('signed-in');
    expect(session().user?.displayName).toBe('Maria Santos');
    expect(useSettingsStore.getState().language).toBe('fil');
    expect(i18n.language).toBe('fil');
  });

  it('keeps the language picked on the sign-in screen and saves it for the person', async () => {
    reply('settings.setLanguage', (input) => success((input as { language: string }).language));
    reply('session.signIn', success(people.supervisor)); // stored language: en
    await useSettingsStore.getState().pickBeforeSignIn('pt-BR');

    await session().signIn('jose', 'right-password');

    expect(i18n.language).toBe('pt-BR');
    // Saved once before sign-in (this machine) and once after (the person's account).
    expect(callsTo('settings.setLanguage')).toEqual([{ language: 'pt-BR' }, { language: 'pt-BR' }]);
  });
});

describe('the session over time', () => {
  it('restores the signed-in person at start, in their language', async () => {
    useSessionStore.setState({ status: 'starting' });
    reply('session.current', success(people.trainer));
    await session().restore();
    expect(session().status).toBe('signed-in');
    expect(i18n.language).toBe('pt-BR');
    expect(callsTo('app.language')).toEqual([]);
  });

  it("falls back to this machine's last language when nobody is signed in", async () => {
    useSessionStore.setState({ status: 'starting' });
    reply('session.current', success(null));
    reply('app.language', success('fil'));
    await session().restore();
    expect(session().status).toBe('signed-out');
    expect(session().error).toBeNull();
    expect(i18n.language).toBe('fil');
  });

  it('shows the sign-in screen with the reason when the host cannot be reached at start', async () => {
    useSessionStore.setState({ status: 'starting' });
    await session().restore(); // no replies: the host is unreachable
    expect(session().status).toBe('signed-out');
    expect(session().error?.code).toBe('UNAVAILABLE');
    expect(callsTo('app.language')).toEqual([]);
  });

  it('follows the host when the session ends elsewhere', async () => {
    useSessionStore.setState({ status: 'starting' });
    reply('session.current', success(people.agent));
    await session().restore();
    expect(listenerCount('session.changed')).toBe(1);

    emit('session.changed', null);
    expect(session().status).toBe('signed-out');
    expect(session().user).toBeNull();
    expect(session().ended).toBe(true);
  });

  it('stays signed in, and says why, when signing out fails', async () => {
    useSessionStore.setState({ status: 'signed-in', user: people.agent });
    reply('session.signOut', failure('UNAVAILABLE'));
    await session().signOut();
    expect(session().status).toBe('signed-in');
    expect(session().error?.code).toBe('UNAVAILABLE');

    reply('session.signOut', success(null));
    await session().signOut();
    expect(session().status).toBe('signed-out');
    expect(session().user).toBeNull();
    expect(session().ended).toBe(false);
  });
});
