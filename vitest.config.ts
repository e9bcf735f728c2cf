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
          // Integration suites start real servers; one file at a time keeps the 2-core machine honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
