import { test as base, expect, type Page } from '@playwright/test';
import { startCentralServer, startWebHost, type CentralServer, type WebHost } from '../../fixtures/stack';
import { ConsoleApp } from './console-app';

interface WorkerFixtures {
  /** One central server per worker: tests share it and keep to their own data. */
  server: CentralServer;
}
interface TestFixtures {
  /** A fresh web host per test: the host holds one signed-in person, like one agent's machine. */
  webHost: WebHost;
  app: ConsoleApp;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startCentralServer({ databaseUrl: process.env.DATABASE_URL });
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  webHost: async ({ server }, use) => {
    const host = await startWebHost(server.url);
    await use(host);
    await host.stop();
  },
  app: async ({ page, webHost }, use) => {
    await use(await ConsoleApp.open(page, webHost));
  },
});

export { expect, type Page };
