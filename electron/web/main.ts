import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SERVER_URL } from '../services/console-host';
import { createHostLog } from '../services/host-log';
import { startWebHost } from './web-host';

/**
 * `tsx electron/web/main.ts`: the web host as a process. Configuration comes from the environment;
 * the one `{"msg":"ready"}` record carries `url` and the `launchUrl` a person opens.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  KALMA_SERVER_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_SERVER_URL),
  KALMA_DATA_DIR: z.string().min(1).default('.kalma-data/web-host'),
  KALMA_RENDERER_DIR: z.string().min(1).default('out/renderer'),
});

const log = createHostLog({ name: 'kalma-web-host' });

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  // Empty variables count as unset, so `PORT= npm start` behaves like no PORT at all.
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const env = Env.safeParse(raw);
  if (!env.success) {
    log.fatal({ issues: env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'invalid configuration');
    process.exitCode = 1;
    return;
  }
  const host = await startWebHost({
    port: env.data.PORT,
    serverUrl: env.data.KALMA_SERVER_URL,
    dataDir: resolve(env.data.KALMA_DATA_DIR),
    rendererDir: resolve(env.data.KALMA_RENDERER_DIR),
    log,
    version: packageVersion(),
  });
  log.info({ url: host.url, launchUrl: host.launchUrl }, 'ready');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'web host failed to start');
  process.exitCode = 1;
});
