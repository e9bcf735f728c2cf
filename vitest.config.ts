import { defineConfig } from 'vitest/config';
import { INTEGRATION_WORKERS } from './tests/integration/workers';

// Three projects: `unit` (pure logic, services on real temp SQLite files), `unit-dom` (React and
// the stores in jsdom) and `integration` (real server processes and databases). End-to-end tests
// run under Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // Pure logic and Node services: one module graph for all files (isolate: false); with
          // unit-dom beside it the unit run went from 153 s to 70–100 s. These files keep no
          // state between them.
          name: 'unit',
          globalSetup: ['tests/fixtures/pglite-template.ts'],
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          isolate: false,
        },
      },
      {
        test: {
          // React and the feature stores in jsdom, each file on its own: the stores are module
          // singletons, and one file's calls or policy pack must not show up in another's screen.
          name: 'unit-dom',
          include: ['tests/unit/**/*.test.tsx'],
          environment: 'jsdom',
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
          // Two files at a time (tests/integration/workers.ts), each worker on its own PostgreSQL
          // cluster (global-setup.ts).
          maxWorkers: INTEGRATION_WORKERS,
        },
      },
    ],
  },
});
