import { chromium } from '@playwright/test';
import { API_SURVEYS, SurveyOutbox } from '../../../shared/api/surveys';
import { API, LoginResponse } from '../../../shared/api/auth';
import { API_WALLBOARD, TeamFigures } from '../../../shared/api/wallboard';
import { DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { CHROMIUM } from '../../../playwright.config';
import { Baresip } from '../support/phone-baresip';
import { expect, PARTY_PASSWORD, test } from '../support/phone-fixtures';

// A customer from the phone network, and the floor's usual wrap-up (where the survey is asked for).
test.use({ bridgeMedia: true, wrapUpLimitSeconds: 300 });
test.describe.configure({ timeout: 180_000 });

const TEAM = [DEMO_TEAM.id];

async function apiSignIn(serverUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${serverUrl}${API.login}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(response.status).toBe(200);
  return LoginResponse.parse(await response.json()).token;
}

test('a call flagged for a survey gives a one-time link; a Brazilian customer answers it on a phone in Portuguese; it shows on the timeline and in the team figure', async ({ party, sip }) => {
  // Marcos Peixoto: a demo customer in Brazil whose language is Brazilian Portuguese.
  const known = demoCustomer(19);
  expect(known.customer.language).toBe('pt-BR');
  const number = e164Of(known.dialable[0]!);
  const [agent, supervisor, customer] = await Promise.all([
    party('Alice', { tone: 440, teamIds: TEAM }),
    party('Jose', { tone: 660, role: 'supervisor', teamIds: TEAM }),
    Baresip.start({ kamailio: sip.kamailio, user: number, tone: 880 }),
  ]);
  const page = agent.page;
  const supervisorToken = await apiSignIn(sip.server.url, supervisor.username, PARTY_PASSWORD);
  const since = new Date(Date.now() - 60_000).toISOString();
  const figures = async () => TeamFigures.parse(await (await fetch(`${sip.server.url}${API_WALLBOARD.figures}?since=${since}`, { headers: { authorization: `Bearer ${supervisorToken}` } })).json());
  const before = (await figures()).team.surveyAnswers;
  try {
    await agent.hasCustomer(number, known.customer.name);
    await customer.dial(`sip:${agent.username}@${sip.kamailio.domain}`);
    await agent.expectLine(1, 'ringing-in');
    await expect(page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', known.customer.id);
    await agent.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');
    const since2 = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since: since2 });

    // Wrap-up with the survey asked for.
    await page.getByTestId('wrap-up-disposition').selectOption('resolved');
    await page.getByTestId('wrap-up-survey').check();
    await page.getByTestId('wrap-up-save').click();
    await expect(page.getByTestId('wrap-up')).toHaveCount(0);
  } finally {
    await customer.stop();
  }

  // The operator's export has the one-time link for this customer, in their language.
  const adminToken = sip.adminToken;
  let link = '';
  await expect
    .poll(async () => {
      const outbox = SurveyOutbox.parse(await (await fetch(`${sip.server.url}${API_SURVEYS.outbox}?format=json`, { headers: { authorization: `Bearer ${adminToken}` } })).json());
      const mine = outbox.invitations.find((invitation) => invitation.customerId === known.customer.id);
      if (mine) link = mine.link;
      return mine?.language ?? null;
    }, { timeout: 30_000 })
    .toBe('pt-BR');

  // The customer opens it on a phone: a separate browser, phone-sized, no login.
  const phone = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await phone.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: 'pt-BR' });
    const survey = await context.newPage();
    const opened = await survey.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(survey.locator('html')).toHaveAttribute('lang', 'pt-BR');
    // Nothing sideways on a phone screen.
    expect(await survey.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await survey.locator('input[name="satisfaction"][value="4"]').check();
    await survey.locator('input[name="recommend"][value="9"]').check();
    await survey.locator('textarea[name="comment"]').fill('Atendimento rápido e educado.');
    await survey.screenshot({ path: test.info().outputPath('survey-page-pt-BR.png'), fullPage: true });
    await survey.locator('button[type="submit"]').click();
    await expect(survey.locator('body')).toContainText(/obrigad/i);

    // The same link takes no second answer, and a tampered one is refused.
    const again = await survey.goto(link);
    expect(again?.status()).toBe(410);
    const token = link.split('/s/')[1]!;
    const tampered = `${link.split('/s/')[0]}/s/${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await survey.goto(tampered))?.status()).toBe(404);
    const posted = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'satisfaction=1&recommend=0&comment=x' });
    expect(posted.status).toBe(410);
  } finally {
    await phone.close();
  }

  // On the agent's console the answer lands on the customer's timeline; the team's figure counts it.
  const answer = page.locator('[data-kind="survey"]').getByTestId('timeline-survey');
  await expect(answer).toHaveAttribute('data-csat', '4', { timeout: 30_000 });
  await expect(answer).toHaveAttribute('data-nps', '9');
  await expect(page.locator('[data-kind="survey"]')).toContainText('Atendimento rápido e educado.');
  const after = await figures();
  expect(after.team.surveyAnswers).toBe(before + 1);
  expect(after.team.averageSatisfaction).not.toBeNull();
});
