import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { startServer } from '../../../server/app';
import { importCustomers } from '../../../server/customers/import';
import { freePort } from '../../fixtures/ports';
import { tempDir } from '../../fixtures/processes';
import { startCentralServer, startWebHost, type CentralServer, type WebHost } from '../../fixtures/stack';
import { syntheticCustomers } from '../../integration/sync-client/synthetic-customers';
import { ConsoleApp, demo } from '../support/console-app';
import type { Role } from '../../../shared/domain/user';

/**
 * A central server with customers in it, restartable on the same address (its data folder and
 * port survive a stop), plus consoles for two agents, each in its own browser context (the web
 * host's cookie is per host name, so two consoles in one context would share one).
 */

/** The second demo agent: a second console on the same floor. */
export const AGENT2 = DEMO_ACCOUNTS.find((a) => a.username === 'agent2')!;

export interface CustomerStack {
  url: string;
  server: CentralServer | null;
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** Seeds through the server's own import (in-process, on the folder), then runs the real server process on it. */
export async function startCustomerStack(customers = 200): Promise<CustomerStack> {
  const dir = tempDir('e2e-customers');
  const databaseUrl = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  // demo: false here: the process below creates the demo accounts; this one only writes our customers.
  const seeding = await startServer({ dataDir: dir.path, databaseUrl, demo: false, logLevel: 'warn' });
  await importCustomers(seeding.app.db, syntheticCustomers(customers, 'e2e'));
  await seeding.close();

  const port = await freePort();
  const start = () => startCentralServer({ dataDir: dir.path, databaseUrl, env: { PORT: String(port) } });
  const stack: CustomerStack = {
    url: `http://127.0.0.1:${port}`,
    server: await start(),
    stop: async () => {
      await stack.server?.stop();
      stack.server = null;
    },
    restart: async () => {
      stack.server = await start();
    },
    dispose: async () => {
      await stack.stop();
      dir.remove();
    },
  };
  return stack;
}

/** A database of its own on the cluster the e2e run uses, so the seeding does not meet other tests' rows. */
async function freshPostgres(adminUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `kalma_e2e_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A signed-in console on its own web host: an agent's, or a supervisor's, trainer's, admin's. */
export interface SignedInConsole {
  app: ConsoleApp;
  page: Page;
  host: WebHost;
  close(): Promise<void>;
}

/**
 * One person's machine: a web host of its own and a browser context of its own, signed in as
 * `role` (the demo account of that role unless `account` says whom). Closing it closes both.
 */
export async function openConsoleAs(
  browser: Browser,
  serverUrl: string,
  role: Role,
  { account = demo(role), height = 768 }: { account?: { username: string; password: string }; height?: number } = {},
): Promise<SignedInConsole> {
  const host = await startWebHost(serverUrl);
  const context = await browser.newContext({ viewport: { width: 1366, height } });
  try {
    const page = await context.newPage();
    const app = await ConsoleApp.open(page, host);
    await app.signIn(account.username, account.password);
    await expect(app.workspace(role)).toBeVisible();
    return {
      app,
      page,
      host,
      close: async () => {
        await context.close();
        await host.stop();
      },
    };
  } catch (error) {
    await context.close();
    await host.stop();
    throw error;
  }
}

/** One agent's machine (see openConsoleAs). */
export function openAgentConsole(browser: Browser, serverUrl: string, account: { username: string; password: string }): Promise<SignedInConsole> {
  return openConsoleAs(browser, serverUrl, 'agent', { account });
}

/** Finds a customer the way an agent does: type, arrow down to the match, Enter. */
export async function openCustomer(page: Page, text: string, name: string): Promise<void> {
  const search = page.getByTestId('customer-search');
  await search.fill(text);
  // "João Gonçalves 21", not "João Gonçalves 210": the row starts with the name.
  const exactly = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
  const result = page.getByTestId('customer-result').filter({ hasText: exactly }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByTestId('customer-card').getByRole('heading', { name, exact: true })).toBeVisible();
}

export async function addNote(page: Page, text: string): Promise<void> {
  await page.getByTestId('customer-note-input').fill(text);
  await page.getByTestId('customer-note-save').click();
  await expect(page.getByTestId('customer-note-input')).toHaveValue('');
}

export function timelineItem(page: Page, text: string) {
  return page.getByTestId('timeline-item').filter({ hasText: text });
}
