import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { ROOT } from '../../fixtures/processes';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';

// Writes docs/screenshots/workspace-during-call-<language>.png at the floor's common 1366×768.
// Not part of `npm test` (it changes files in docs/): run with KALMA_SCREENSHOTS=1.
test.skip(!process.env.KALMA_SCREENSHOTS, 'writes docs/screenshots; run with KALMA_SCREENSHOTS=1');
test.use({ bridgeMedia: true });
test.describe.configure({ timeout: 180_000 });

const LANGUAGES = [{ language: 'en' }, { language: 'fil' }, { language: 'pt-BR' }] as const;

test('the workspace during a customer call, in each language', async ({ party, sip }) => {
  const known = demoCustomer(3);
  const number = e164Of(known.dialable[0]!);
  const [agent, customer] = await Promise.all([party('Rhea', { tone: 440 }), Baresip.start({ kamailio: sip.kamailio, user: number, tone: 880 })]);
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  try {
    await agent.page.setViewportSize({ width: 1366, height: 768 });
    await agent.hasCustomer(number, known.customer.name);
    await customer.dial(`sip:${agent.username}@${sip.kamailio.domain}`);
    await agent.expectLine(1, 'ringing-in');
    await agent.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');
    await expect(agent.page.getByTestId('customer-card')).toContainText(known.customer.name);
    for (const { language } of LANGUAGES) {
      await agent.page.getByTestId('language-menu').selectOption(language);
      await expect(agent.page.locator('html')).toHaveAttribute('lang', language);
      await agent.page.screenshot({ path: join(dir, `workspace-during-call-${language}.png`) });
    }
  } finally {
    await customer.stop();
  }
});
