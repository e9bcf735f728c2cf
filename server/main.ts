/**
 * The central server as a process: `npx tsx server/main.ts`. Configuration comes from the
 * environment (PORT, HOST, KALMA_DATA_DIR, DATABASE_URL, KALMA_DEMO, KALMA_DEMO_CUSTOMERS,
 * LOG_LEVEL, KALMA_SESSION_TTL_HOURS, KALMA_TRUST_PROXY, KALMA_SIP_*, KALMA_WRAP_UP_*: see README.md), checked
 * before anything starts. Logs are JSON lines
 * on stdout; exactly one record has `"msg":"ready"` with the `url` to use.
 */
import { pino } from 'pino';
import { startServer, type RunningServer } from './app';
import { optionsFromEnv, ServerEnv } from './config';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = ServerEnv.safeParse(process.env);
  if (!env.success) {
    const issues = env.error.issues.map((i) => ({ variable: i.path.join('.'), problem: i.message }));
    pino().fatal({ issues }, `invalid environment: ${issues.map((i) => `${i.variable} ${i.problem}`).join('; ')}`);
    process.exitCode = 2;
    return;
  }

  let server: RunningServer;
  try {
    server = await startServer(optionsFromEnv(env.data, process.platform, process.env));
  } catch (error) {
    pino().fatal({ err: error }, `the server did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const { app, url } = server;
  app.log.info({ url }, 'ready');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing open requests');
    // A request that never ends must not keep the process alive forever.
    const force = setTimeout(() => {
      app.log.error({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still open after the grace period: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close().then(
      () => {
        app.log.info('stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while stopping');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
