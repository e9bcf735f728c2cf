import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, services on real temp SQLite files, React in jsdom) and
// `integration` (real server processes and databases). End-to-end tests run under Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          globalSetup: ['tests/integration/global-setup.ts'],
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time (one per core): most of a file's time is spent waiting on the
          // servers, databases and SIP parties it starts, each on its own ports, temp dirs and
          // database, so two files share nothing but the CPU. Halves the suite's time in CI.
          maxWorkers: 2,
        },
      },
    ],
  },
});
