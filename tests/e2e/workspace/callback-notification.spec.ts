import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seedDemoAccounts } from '../../../server/accounts/demo';
import { startServer } from '../../../server/app';
import { importCustomers } from '../../../server/customers/import';
import { tempDir } from '../../fixtures/processes';
import { startCentralServer, startWebHost, type CentralServer, type WebHost } from '../../fixtures/stack';
import { ConsoleApp, demo } from '../support/console-app';

/**
 * A desktop notification when a callback is due. The agent owes two callbacks: one due in a few
 * minutes, one this afternoon. They turn on "Notify me" (Chromium's permission granted through the
 * browser context, the page's Notification wrapped to see what it shows): exactly one
 * notification, for the due one, with the customer's name. Clicking it selects the callback and
 * opens the customer. The choice is remembered, and a reload does not notify the same callback again.
 */

interface Shown {
  title: string;
  body: string;
  tag: string;
}

/** Wraps the page's Notification before any script of the console runs; keeps what it showed. */
function captureNotifications(): void {
  const Original = window.Notification;
  const shown: { title: string; body: string; tag: string }[] = [];
  const instances: Notification[] = [];
  class Captured extends Original {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
      instances.push(this);
    }
  }
  Object.defineProperty(Captured, 'permission', { get: () => Original.permission });
  Object.defineProperty(Captured, 'requestPermission', { value: (...args: Parameters<typeof Original.requestPermission>) => Original.requestPermission(...args) });
  Object.assign(window, { Notification: Captured, __shownNotifications: shown, __notificationInstances: instances });
}

const shownOn = (page: Page): Promise<Shown[]> => page.evaluate(() => (window as unknown as { __shownNotifications: Shown[] }).__shownNotifications);

let server: CentralServer;
let host: WebHost;
let context: BrowserContext;
const data = tempDir('e2e-callbacks');
let databaseUrl: string | undefined;

/** A database of its own on the cluster the e2e run uses (when it uses one), as customer-stack does. */
async function freshPostgres(adminUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `kalma_e2e_cb_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The server's data: the demo accounts, two customers, and the demo agent's two callbacks. */
async function seedCallbacks(): Promise<void> {
  databaseUrl = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const seeding = await startServer({ dataDir: data.path, databaseUrl, demo: false, logLevel: 'warn' });
  try {
    await seedDemoAccounts(seeding.app.db, { info: () => {}, warn: () => {} });
    const { rows } = await seeding.app.db.query<{ id: string; display_name: string }>(`SELECT id, display_name FROM users WHERE username = 'agent'`);
    const agent = { id: rows[0]!.id, name: rows[0]!.display_name };
    const now = Date.now();
    const callback = (id: string, customerId: string, dueInMs: number, text: string) => ({
      id,
      customerId,
      kind: 'callback' as const,
      occurredAt: new Date(now - 60 * 60_000).toISOString(),
      author: agent,
      text,
      dueAt: new Date(now + dueInMs).toISOString(),
      phone: '+639171234567',
    });
    await importCustomers(seeding.app.db, {
      customers: [
        { id: 'cb-rosa', name: 'Rosa Villanueva', emails: [], accountNumbers: [], language: 'fil', tags: [], phones: [{ number: '+639171234567' }], addresses: [] },
        { id: 'cb-carlos', name: 'Carlos Mendes', emails: [], accountNumbers: [], language: 'pt-BR', tags: [], phones: [{ number: '+5511912345678' }], addresses: [] },
      ],
      interactions: [
        callback('cb-due', 'cb-rosa', 5 * 60_000, 'Wants the refund status'),
        callback('cb-later', 'cb-carlos', 3 * 60 * 60_000, 'Call after the delivery'),
      ],
    });
  } finally {
    await seeding.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await seedCallbacks();
  server = await startCentralServer({ dataDir: data.path, databaseUrl });
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

test.beforeEach(async ({ browser }) => {
  host = await startWebHost(server.url);
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['notifications'], { origin: new URL(host.url).origin });
  await context.addInitScript(captureNotifications);
});

test.afterEach(async () => {
  await context?.close();
  await host?.stop();
});

test('the due callback gives exactly one notification with the customer’s name; clicking it selects the callback', async () => {
  const page = await context.newPage();
  const app = await ConsoleApp.open(page, host);
  await app.signIn(demo('agent').username, demo('agent').password);
  await expect(app.workspace('agent')).toBeVisible();

  const list = page.getByTestId('callback');
  await expect(list).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator('[data-testid="callback"][data-id="cb-due"]')).toHaveAttribute('data-timing', 'due');
  await expect(page.locator('[data-testid="callback"][data-id="cb-later"]')).toHaveAttribute('data-timing', 'later');
  expect(await shownOn(page)).toEqual([]);

  const notify = page.getByRole('switch', { name: 'Notify me' });
  await expect(notify).not.toBeChecked();
  await notify.click();
  await expect(notify).toBeChecked();
  await expect.poll(() => shownOn(page)).toHaveLength(1);
  const [notice] = await shownOn(page);
  expect(notice!.title).toBe('Callback due: Rosa Villanueva');
  expect(notice!.body).toContain('Wants the refund status');

  // Clicking the notification: the console comes forward with that callback selected and its customer open.
  await page.evaluate(() => {
    const [shown] = (window as unknown as { __notificationInstances: Notification[] }).__notificationInstances;
    shown?.onclick?.(new Event('click'));
  });
  const due = page.locator('[data-testid="callback"][data-id="cb-due"]');
  await expect(due).toHaveAttribute('data-selected', 'true');
  await expect(due).toBeFocused();
  await expect(page.getByTestId('customer-card').getByRole('heading', { name: 'Rosa Villanueva', exact: true })).toBeVisible();

  // Sync brings the customers again (a note uploads and comes back): still one notification.
  await page.getByTestId('customer-note-input').fill('Called back about the refund');
  await page.getByTestId('customer-note-save').click();
  const note = page.getByTestId('timeline-item').filter({ hasText: 'Called back about the refund' });
  await expect(note.getByTestId('timeline-pending')).toHaveCount(0, { timeout: 30_000 });
  expect(await shownOn(page)).toHaveLength(1);

  // Reloaded, the console remembers the choice and does not notify the same callback twice.
  await page.reload();
  await expect(page.getByTestId('callback')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByRole('switch', { name: 'Notify me' })).toBeChecked();
  expect(await shownOn(page)).toEqual([]);
});
