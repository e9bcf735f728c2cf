import pg from 'pg';
import type { DbLogger } from './db';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * LISTEN on its own connection: a pooled connection would be handed to queries and lose the
 * registration. When the connection breaks (server restart, network), it is re-opened with
 * backoff and `onNotify('')` is called once listening again, because NOTIFYs sent meanwhile are
 * gone and the listener's owner must assume something changed.
 */
export async function listenOn(url: string, channel: string, onNotify: (payload: string) => void, log: DbLogger): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'kalma-server-listen' });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', (err) => {
      log.error({ err }, 'PostgreSQL LISTEN connection failed; reconnecting');
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = RETRY_MIN_MS;
  };

  const reconnect = (broken: pg.Client): void => {
    if (stopped || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    const attempt = () => {
      retryTimer = undefined;
      connect().then(
        () => {
          if (!stopped) onNotify('');
        },
        (err: unknown) => {
          log.error({ err }, 'PostgreSQL LISTEN reconnect failed; retrying');
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
          if (!stopped) retryTimer = setTimeout(attempt, retryMs);
        },
      );
    };
    retryTimer = setTimeout(attempt, retryMs);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}
