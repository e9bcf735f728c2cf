import { expect, test } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/catalogs/en';
import { policyMessages } from '../../../shared/policy';
import { startServer } from '../../../server/app';
import { importCustomers } from '../../../server/customers/import';
import { freePort } from '../../fixtures/ports';
import { tempDir } from '../../fixtures/processes';
import { startCentralServer, type CentralServer } from '../../fixtures/stack';
import { openAgentConsole, openConsoleAs, openCustomer, type SignedInConsole } from '../customers/customer-stack';
import { demo } from '../support/console-app';

/**
 * An admin shortens the change-of-mind return window from 7 days to 2; an agent who has the return
 * form open for an item delivered 4 days ago sees the policy's answer turn from eligible to not
 * eligible, without reloading, once their console syncs.
 */

let server: CentralServer | undefined;
let removeDir: (() => void) | undefined;
let agent: SignedInConsole | undefined;
let adminConsole: SignedInConsole | undefined;

const DAY = 86_400_000;

test.beforeEach(async () => {
  test.setTimeout(180_000);
  const dir = tempDir('e2e-policy-admin');
  removeDir = () => dir.remove();
  const seeding = await startServer({ dataDir: dir.path, demo: false, logLevel: 'warn' });
  const delivered = new Date(Date.now() - 4 * DAY).toISOString();
  await importCustomers(seeding.app.db, {
    customers: [
      {
        id: 'pa-c1',
        name: 'Ligaya Mendoza',
        emails: ['ligaya.mendoza@example.com'],
        accountNumbers: ['AC-PA-1'],
        language: 'fil',
        tags: [],
        phones: [{ number: '0917 555 0101' }],
        addresses: [{ lines: ['12 Mabini St'], country: 'PH' }],
      },
    ],
    orders: [
      {
        id: 'pa-o1',
        customerId: 'pa-c1',
        number: 'SO-PA-1',
        status: 'delivered',
        placedAt: new Date(Date.now() - 6 * DAY).toISOString(),
        deliveredAt: delivered,
        channel: 'online',
        currency: 'PHP',
        items: [{ sku: 'SPK-BT', name: 'Bluetooth speaker', quantity: 1, unitPriceMinor: 189_900, category: 'electronics' }],
      },
    ],
    interactions: [],
  });
  await seeding.close();
  server = await startCentralServer({ dataDir: dir.path, env: { PORT: String(await freePort()) } });
});

test.afterEach(async () => {
  await agent?.close();
  await adminConsole?.close();
  await server?.stop();
  removeDir?.();
});

test("an admin's shorter return window changes the decision on an agent's open request form", async ({ browser }) => {
  agent = await openAgentConsole(browser, server!.url, demo('agent'));
  const page = agent.page;
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await openCustomer(page, 'ligaya mendoza', 'Ligaya Mendoza');
  await page.getByTestId('order-item').filter({ hasText: 'Bluetooth speaker' }).getByRole('button', { name: 'Return Bluetooth speaker' }).click();
  const form = page.getByTestId('request-form');
  await form.getByLabel('Reason').selectOption('changed_mind');
  await form.getByTestId('request-proof-receipt').check();
  await form.getByTestId('request-proof-original_packaging').check();
  const result = form.getByTestId('policy-result');
  await expect(result).toHaveAttribute('data-outcome', 'eligible', { timeout: 15_000 });
  await expect(result).toContainText('7-day period');

  adminConsole = await openConsoleAs(browser, server!.url, 'admin', { height: 900 });
  const admin = adminConsole.app;
  const editor = admin.page.getByTestId('policy-editor');
  // The marking and the sources stay in view of whoever edits the pack.
  await expect(editor.getByTestId('policy-disclaimer')).toContainText(policyMessages.en.disclaimer);
  const window = editor.locator('[data-testid="policy-rule"][data-rule="ph-change-of-mind"]');
  await window.getByLabel(en.policyAdmin.days).fill('2');

  // The try-it panel answers with the edited pack before anything is saved: 5 days after delivery is now too late.
  const tryIt = editor.getByTestId('policy-try-it');
  await expect(tryIt.getByTestId('policy-result')).toHaveAttribute('data-outcome', 'not-eligible');

  await editor.getByRole('button', { name: en.policyAdmin.save }).click();
  await expect(editor.getByTestId('policy-editor-status')).toContainText('Saved as version 2');

  // The agent's form, still open, follows the new rule.
  await expect(result).toHaveAttribute('data-outcome', 'not-eligible', { timeout: 20_000 });
  await expect(result).toContainText('2-day period');
});
