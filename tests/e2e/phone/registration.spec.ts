import { sipCredentials } from '../../../server/sip/ephemeral-credentials';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { startCentralServer } from '../../fixtures/stack';
import { onProvisioning } from '../support/phone-bridge';
import { Party } from '../support/phone-party';
import { expect, test } from '../support/phone-fixtures';

test.describe.configure({ timeout: 150_000 });

test('the SIP server crashes: the agent sees "not connected", is registered again within 30 s, and can call; the call in progress ends with a cause', async ({
  party,
  sip,
}) => {
  const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);
  await alice.dial(bruno);
  await bruno.answer(1);
  await alice.hears(660);
  const seen = await alice.recordStatus();

  const crashedAt = Date.now();
  await sip.kamailio.restart({ crash: true });
  await expect.poll(seen, { message: 'Alice saw the phone lose its registration' }).toContain('unregistered');
  await alice.isReady(30_000);
  const reRegisteredMs = Date.now() - crashedAt;
  test.info().annotations.push({ type: 're-registered after SIP server crash', description: `${reRegisteredMs} ms` });
  expect(reRegisteredMs).toBeLessThan(30_000);
  expect((await seen()).at(-1)).toBe('registered');

  // The call could not survive the SIP server losing its dialogs: it ends, with a cause, on both sides.
  await alice.expectEnded(1, /^(connection-lost|media-lost)$/, 30_000);
  await bruno.expectEnded(1, /^(connection-lost|media-lost|hangup-remote)$/, 30_000);

  await bruno.isReady(30_000);
  await alice.dial(bruno);
  await bruno.answer(1);
  await alice.hears(660);
  await bruno.hears(440);
  await bruno.hangUp(1);
  await alice.expectEnded(1, 'hangup-remote');
});

/**
 * Serves the console a bad SIP credential in place of the one the server issued. Kamailio
 * refusing such credentials is proven at the SIP level in tests/integration/sip/kamailio.test.ts;
 * this shows what the agent sees when it happens.
 */
function serveCredential(mint: (sipUser: string) => { authorizationUser: string; password: string }) {
  return onProvisioning((provisioning) => ({ ...provisioning, ...mint(/^sip:([^@]+)@/.exec(provisioning.uri)?.[1] ?? '') }));
}

const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000);

for (const [what, mint] of [
  ['an expired credential', (secret: string, user: string) => sipCredentials({ secret, user, ttlSeconds: 60, now: tenMinutesAgo() })],
  [
    'a wrong password',
    (secret: string, user: string) => {
      const good = sipCredentials({ secret, user, ttlSeconds: 600 });
      return { ...good, password: `${good.password.startsWith('A') ? 'B' : 'A'}${good.password.slice(1)}` };
    },
  ],
  ['another user’s credential', (secret: string) => sipCredentials({ secret, user: 'someone-else', ttlSeconds: 600 })],
] as const) {
  test(`${what} is refused and the console says "Registration failed" with the reason`, async ({ party, sip }) => {
    const agent = await party('Refused', { tone: 440, unregistered: true, beforeOpen: serveCredential((user) => mint(sip.kamailio.secret, user)) });
    await expect(agent.status()).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
    await expect(agent.status()).toHaveText('Registration failed');
    await expect(agent.page.getByTestId('phone-status-problem')).toHaveText("The phone server didn't accept your phone's sign-in.");
    await expect(agent.page.getByTestId('phone-reconnect')).toBeVisible();
  });
}

test('a server without a phone system: the agent sees "Phone not configured", and the rest of the console works', async ({ sip }) => {
  const server = await startCentralServer();
  const agent = DEMO_ACCOUNTS.find((account) => account.role === 'agent')!;
  const person = await Party.start({
    name: 'Agent',
    username: agent.username,
    password: agent.password,
    tone: 440,
    toneFile: sip.toneFiles[440],
    serverUrl: server.url,
  }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    await expect(person.status()).toHaveAttribute('data-status', 'not-configured');
    await expect(person.page.getByTestId('phone-not-configured')).toContainText('no phone system set up');
    await expect(person.page.getByTestId('workspace-user')).toContainText(agent.displayName);
  } finally {
    await person.close();
    await server.stop();
  }
});

test('the console renews its SIP credential before it expires, and calls still go through after the first one has expired', async ({ party, sip }) => {
  // A server that hands out credentials good for 36 seconds, for the same SIP server.
  const shortLived = await startCentralServer({
    env: {
      KALMA_SIP_SECRET: sip.kamailio.secret,
      KALMA_SIP_WS_URLS: sip.kamailio.wsUrl,
      KALMA_SIP_DOMAIN: sip.kamailio.domain,
      KALMA_SIP_CREDENTIAL_TTL_HOURS: '0.01',
    },
  });
  const agent = DEMO_ACCOUNTS.find((account) => account.role === 'agent')!;
  const issued: string[] = [];
  try {
    const [alice, bruno] = await Promise.all([
      Party.start({
        name: 'Alice',
        username: agent.username,
        password: agent.password,
        tone: 440,
        toneFile: sip.toneFiles[440],
        serverUrl: shortLived.url,
        beforeOpen: onProvisioning((provisioning) => {
          issued.push(provisioning.expiresAt);
          return provisioning;
        }),
      }),
      party('Bruno', { tone: 660 }),
    ]);
    try {
      await alice.isReady();
      await expect.poll(() => issued.length, { timeout: 60_000, message: 'the console fetched a fresh credential' }).toBeGreaterThanOrEqual(2);
      const firstExpiry = Date.parse(issued[0]!);
      expect(Date.now()).toBeLessThan(firstExpiry);
      await expect.poll(() => Date.now() > firstExpiry + 1_000, { timeout: 60_000, message: 'the first credential expired' }).toBe(true);

      // The INVITE is challenged; only the renewed credential can answer it.
      await alice.dial(bruno);
      await bruno.answer(1);
      await bruno.hears(440);
      await alice.hears(660);
      await alice.hangUp(1);
      await bruno.expectEnded(1, 'hangup-remote');
      await expect(alice.status()).toHaveAttribute('data-status', 'registered');
    } finally {
      await alice.close();
    }
  } finally {
    await shortLived.stop();
  }
});
