import { generateKeyPairSync, sign } from 'node:crypto';
import type { Page } from '@playwright/test';
import { API, LoginResponse } from '../../../shared/api/auth';
import { API_MONITORING, GrantResponse, MonitoringAuditResponse } from '../../../shared/api/monitoring';
import type { MonitorGrantIssued } from '../../../shared/contract/monitoring';
import { DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import type { MonitoringGrant, MonitorMode } from '../../../shared/monitoring/grant';
import { onHostReply } from '../support/phone-bridge';
import { expect, PARTY_PASSWORD, test, type Parties } from '../support/phone-fixtures';
import type { Party } from '../support/phone-party';

test.describe.configure({ timeout: 240_000 });

const TEAM = [DEMO_TEAM.id];

/** The supervisor's console: the wallboard row of an agent, and the monitoring panel. */
function board(supervisor: Party) {
  const page = supervisor.page;
  return {
    start: (agent: Party, mode: MonitorMode) =>
      page.locator(`[data-testid="wallboard-row"][data-agent-id="${agent.userId}"]`).getByTestId(`monitor-start-${mode}`).click(),
    panel: () => page.getByTestId('monitor-panel'),
    switchTo: (mode: MonitorMode) => page.getByTestId(`monitor-mode-${mode}`).click(),
    mode: () => page.getByTestId('monitor-mode'),
    leave: () => page.getByTestId('monitor-hangup').click(),
    dismiss: () => page.getByTestId('monitor-dismiss').click(),
  };
}

const badge = (page: Page) => page.getByTestId('monitored-badge');

async function customerOnCallWithAgent(party: Parties, supervisorRequest: Parameters<Parties>[1] = { tone: 880 }) {
  const [agent, carla, supervisor] = await Promise.all([
    party('Agent', { tone: 440, teamIds: TEAM }),
    party('Carla', { tone: 660 }),
    party('Sofia', { ...supervisorRequest, role: 'supervisor', teamIds: TEAM }),
  ]);
  await carla.dial(agent);
  await agent.answer(1);
  await carla.hears(440);
  // The wallboard lists the call once the agent's console reported it.
  await expect(supervisor.page.locator(`[data-testid="wallboard-row"][data-agent-id="${agent.userId}"] [data-testid="wallboard-call"]`)).toBeVisible({ timeout: 15_000 });
  return { agent, carla, supervisor };
}

test('listen, whisper and barge: the supervisor hears customer and agent, and their own voice goes only where the mode says', async ({ party }) => {
  const { agent, carla, supervisor } = await customerOnCallWithAgent(party);
  const sofia = board(supervisor);

  await sofia.start(agent, 'listen');
  await expect(sofia.panel()).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(sofia.mode()).toHaveAttribute('data-mode', 'listen');
  await supervisor.hears(660);
  await supervisor.hears(440);
  // The agent's phone never rang for it, and shows who is listening.
  await expect(agent.line(2)).toHaveAttribute('data-state', 'idle');
  await expect(badge(agent.page)).toHaveAttribute('data-mode', 'listen');
  await agent.speakerSilentFor(880);
  await carla.doesNotHear(880);

  await sofia.switchTo('whisper');
  await expect(sofia.mode()).toHaveAttribute('data-mode', 'whisper');
  await expect(badge(agent.page)).toHaveAttribute('data-mode', 'whisper');
  await agent.speakerPlays(880);
  await carla.doesNotHear(880);

  await sofia.switchTo('barge');
  await expect(sofia.mode()).toHaveAttribute('data-mode', 'barge');
  await carla.hears(880);
  await agent.speakerPlays(880);
  await supervisor.hears(660);

  await sofia.switchTo('listen');
  await expect(sofia.mode()).toHaveAttribute('data-mode', 'listen');
  await carla.doesNotHear(880);
  await agent.speakerSilentFor(880);

  // Leaving: the BYE reaches the agent's phone (the badge goes), and the call itself goes on.
  await sofia.leave();
  await expect(badge(agent.page)).toHaveCount(0);
  await expect(sofia.panel()).toHaveAttribute('data-status', 'ended');
  await agent.expectLine(1, 'active');
  await carla.hears(440);
  await agent.hears(660);
  await supervisor.doesNotHear(660, 5_000);
});

test('refused with no audio: a forged grant, not a grant, one for another agent, a mode outside the grant, a used grant, an old call’s grant; switching stays within the grant', async ({ party, sip }) => {
  let tamper: ((issued: MonitorGrantIssued) => MonitorGrantIssued | Promise<MonitorGrantIssued>) | null = null;
  const [agent2] = await Promise.all([party('Second', { tone: 440, teamIds: TEAM })]);
  const { agent, carla, supervisor } = await customerOnCallWithAgent(party, {
    tone: 880,
    beforeOpen: onHostReply<MonitorGrantIssued>('monitoring.requestGrant', () => tamper),
  });
  const sofia = board(supervisor);
  const supervisorToken = await apiSignIn(sip.server.url, supervisor.username);

  /** Starts monitoring with the reply tampered; the agent's phone must refuse it and nothing must flow. */
  const refused = async (mode: MonitorMode, how: typeof tamper) => {
    tamper = how;
    await sofia.start(agent, mode);
    await expect(sofia.panel()).toHaveAttribute('data-status', 'refused', { timeout: 15_000 });
    tamper = null;
    await expect(badge(agent.page)).toHaveCount(0);
    await expect(badge(agent2.page)).toHaveCount(0);
    await expect(agent.line(2)).toHaveAttribute('data-state', 'idle');
    await expect(agent2.line(1)).toHaveAttribute('data-state', 'idle');
    await supervisor.doesNotHear(660, 3_000);
    await supervisor.doesNotHear(440, 3_000);
    await sofia.dismiss();
  };

  // Signed by another key under the server key's name.
  const forger = generateKeyPairSync('ed25519');
  await refused('listen', (issued) => ({ ...issued, token: resign(issued.grant, (data) => sign(null, data, forger.privateKey)) }));
  // A grant the server did sign, but for this agent, dialled to another agent's phone.
  await refused('listen', (issued) => ({ ...issued, target: issued.target.replace(agent.username.toLowerCase(), agent2.username.toLowerCase()) }));
  // Not a grant at all.
  await refused('listen', (issued) => ({ ...issued, token: 'AAAA.BBBB' }));
  // A real grant that allows only listening, used to whisper by a console that claims it allows more.
  const listenOnly = await grantFor(sip.server.url, supervisorToken, agent, ['listen']);
  await refused('whisper', () => ({ ...listenOnly, grant: { ...listenOnly.grant, modes: ['listen', 'whisper', 'barge'] } }));

  // The same listen-only grant lets the supervisor listen, and switching stays within it.
  tamper = () => listenOnly;
  await sofia.start(agent, 'listen');
  await expect(sofia.panel()).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  tamper = null;
  await supervisor.hears(660);
  await sofia.switchTo('barge');
  await expect(supervisor.page.getByTestId('monitor-mode-refused')).toBeVisible();
  await expect(sofia.mode()).toHaveAttribute('data-mode', 'listen');
  await carla.doesNotHear(880);
  await agent.speakerSilentFor(880);
  await sofia.leave();
  await expect(badge(agent.page)).toHaveCount(0);
  // A grant opens one leg: the same token again is refused.
  await refused('listen', () => listenOnly);

  // A grant for the call the agent was on, used once the customer called back on a new call.
  const oldCall = await grantFor(sip.server.url, supervisorToken, agent, ['listen']);
  await carla.hangUp(1);
  await agent.expectLineOver(1);
  await carla.dial(agent);
  await agent.answer(1);
  await carla.hears(440);
  await expect(supervisor.page.locator(`[data-testid="wallboard-row"][data-agent-id="${agent.userId}"] [data-testid="monitor-start-listen"]`)).toBeEnabled();
  await refused('listen', () => oldCall);

  // Everything above is in the audit the admins read, with the agent's console's reasons.
  await expect
    .poll(async () => (await audit(sip.server.url, sip.adminToken)).filter((e) => e.event === 'refused').map((e) => e.detail).sort(), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(['already-used', 'bad-signature', 'malformed', 'mode-not-granted', 'other-agent', 'other-call']));
  const events = (await audit(sip.server.url, sip.adminToken)).map((e) => e.event);
  expect(events).toEqual(expect.arrayContaining(['granted', 'answered', 'mode-refused', 'ended']));
});

function resign(grant: MonitoringGrant, signWith: (data: Buffer) => Buffer): string {
  const payload = Buffer.from(JSON.stringify(grant), 'utf8').toString('base64url');
  return `${payload}.${signWith(Buffer.from(payload, 'ascii')).toString('base64url')}`;
}

async function apiSignIn(serverUrl: string, username: string): Promise<string> {
  const response = await fetch(`${serverUrl}${API.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PARTY_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return LoginResponse.parse(await response.json()).token;
}

/** A grant as the server gives it to this supervisor, for the agent's live call, in the modes asked. */
async function grantFor(serverUrl: string, token: string, agent: Party, modes: MonitorMode[]): Promise<MonitorGrantIssued> {
  const callId = await agent.line(1).getAttribute('data-call-id');
  const response = await fetch(`${serverUrl}${API_MONITORING.grants}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ agentId: agent.userId, callId, modes }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return GrantResponse.parse(await response.json());
}

async function audit(serverUrl: string, adminToken: string) {
  const response = await fetch(`${serverUrl}${API_MONITORING.audit}?limit=200`, { headers: { authorization: `Bearer ${adminToken}` } });
  return MonitoringAuditResponse.parse(await response.json()).entries;
}

test('take over: the supervisor and the customer hear each other, and the agent’s line is free for a new call', async ({ party }) => {
  const { agent, carla, supervisor } = await customerOnCallWithAgent(party);
  const sofia = board(supervisor);
  await sofia.start(agent, 'listen');
  await expect(sofia.panel()).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await supervisor.hears(660);

  await supervisor.page.getByTestId('monitor-take-over').click();
  await expect(sofia.panel()).toHaveAttribute('data-status', 'taken-over', { timeout: 15_000 });
  await agent.expectEnded(1, 'transferred');
  await carla.hears(880);
  await carla.doesNotHear(440);
  await supervisor.hears(660);
  await supervisor.doesNotHear(440);

  // The agent takes the next call at once.
  const bruno = await party('Bruno', { tone: 440 });
  await bruno.dial(agent);
  await agent.expectLine(1, 'ringing-in');
  await agent.answer(1);
  await bruno.expectLine(1, 'active');

  // The supervisor ends the customer's call: the BYE reaches the customer.
  await supervisor.page.getByTestId('monitor-end-call').click();
  await carla.expectEnded(1, 'hangup-remote');
  await expect(sofia.panel()).toHaveAttribute('data-status', 'ended');
});
