import { defineConfig } from '@playwright/test';

// End-to-end tests drive the console in Debian's Chromium through the web host, against a real
// central server. Playwright's own browser downloads do not work here; /usr/bin/chromium does.
export const CHROMIUM = process.env.KALMA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Every central server the specs start (here, in workers, as processes) skips initdb.
  globalSetup: './tests/fixtures/pglite-template.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    // Traces cost 15–20 % of the run's CPU on two cores; a failure keeps its screenshot and
    // error context. Chasing one: `npx playwright test <spec> --trace retain-on-failure`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
