import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { API, MAX_BODY_BYTES, type HealthResponse } from '../shared/api/auth';
import { seedDemoAccounts } from './accounts/demo';
import { registerAccountRoutes } from './accounts/routes';
import { prepareDummyHash } from './auth/passwords';
import { installAccessControl, PUBLIC } from './auth/require-role';
import { registerAuthRoutes } from './auth/routes';
import { resolveServerOptions, type ResolvedOptions, type ServerOptions } from './config';
import { openDb, type Db } from './db/db';
import { migrate } from './db/migrate';
import { seedDemoCustomersOnStart } from './demo-data/seed-on-start';
import { HttpError, installErrorHandling } from './http/errors';
import { sipConfigFromEnv } from './sip/config';
import { registerContentRoutes } from './content/routes';
import { registerGuidanceRoutes } from './guidance/routes';
import { registerPolicyAdminRoutes } from './guidance/policy-admin-routes';
import { seedGuidanceOnStart } from './guidance/seed';
import { registerMonitoringRoutes } from './monitoring/routes';
import { registerScheduleRoutes } from './schedules/routes';
import { registerQaRoutes } from './qa/routes';
import { registerRolePlayRoutes } from './roleplay/routes';
import { seedRolePlayOnStart } from './roleplay/seed';
import { findLiveCall } from './presence/presence-store';
import { registerSipRoutes } from './sip/routes';
import { registerSurveyRoutes } from './surveys/routes';
import { surveyConfigFromEnv } from './surveys/survey-config';
import { SurveyDispatcher, WebhookSender } from './surveys/survey-delivery';
import { registerSyncRoutes } from './sync/routes';
import { registerWallboardRoutes } from './wallboard/routes';

export type { ServerOptions } from './config';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's database; tests use it to look at what the server stored. */
    db: Db;
  }
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Secrets never reach the log: request headers that carry credentials, and any field named
 * password or token at the top level or one level down (bodies, error details).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  '*.password',
  '*.token',
  'databaseUrl',
];

function createApp(options: ResolvedOptions): FastifyInstance {
  return Fastify({
    logger: {
      level: options.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy,
    // Closing cuts every connection, streams and live sockets included: a pull cut short resumes
    // from the console's cursor, and a shutdown must not wait on a stream nobody reads.
    forceCloseConnections: true,
  });
}

function describeDatabase(database: ResolvedOptions['database']): Record<string, string> {
  if (database.kind === 'pglite') return { db: 'pglite', dataDir: database.dataDir };
  try {
    // Host and database name only: the URL may carry a password.
    const url = new URL(database.url);
    return { db: 'postgres', host: url.host, database: url.pathname.replace(/^\//, '') };
  } catch {
    return { db: 'postgres' };
  }
}

function registerHealth(app: FastifyInstance, db: Db): void {
  app.get(API.health, { config: { access: PUBLIC } }, async (request): Promise<HealthResponse> => {
    try {
      await db.query('SELECT 1');
    } catch (err) {
      request.log.error({ err }, 'health check: database unreachable');
      throw new HttpError(503, 'UNAVAILABLE', 'The server cannot reach its database.');
    }
    return { status: 'ok', db: db.kind };
  });
}

function urlOf(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  // A wildcard address is not somewhere a client can connect to; loopback on the same family is.
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : address.address;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`;
}

/**
 * Starts the central server: opens the database (PostgreSQL when `databaseUrl` is set, else
 * PGlite in `dataDir`), applies migrations, seeds demo accounts when asked, and listens.
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const options = resolveServerOptions(opts);
  // Read before anything opens: half a SIP configuration stops start-up at once, with the reason.
  const sip = opts.sip !== undefined ? opts.sip : sipConfigFromEnv(process.env);
  const surveys = surveyConfigFromEnv(process.env, opts.surveys);
  const app = createApp(options);
  let db: Db | undefined;
  // Known once the server listens; survey links point here unless KALMA_PUBLIC_URL says otherwise.
  let ownUrl = '';
  const publicUrl = () => surveys.publicUrl ?? ownUrl;
  let dispatcher: SurveyDispatcher | null = null;
  try {
    db = await openDb(options.database, app.log);
    const openDatabase = db;
    app.log.info(describeDatabase(options.database), 'database opened');
    await Promise.all([migrate(openDatabase, app.log), prepareDummyHash()]);
    if (options.demo) await seedDemoAccounts(openDatabase, app.log);
    if (options.demo) await seedDemoCustomersOnStart(openDatabase, app.log);
    await seedGuidanceOnStart(openDatabase, options.policyPack, app.log);
    // After the scripts: a scenario is seeded only when the script it practises is there.
    await seedRolePlayOnStart(openDatabase, app.log);

    app.decorate('db', openDatabase);
    app.addHook('onClose', async () => openDatabase.close());
    installErrorHandling(app);
    // Before access control: WebSocket routes (sync live pokes …) authenticate in its hook before
    // the upgrade, and the plugin's own hooks must run first to close a refused upgrade's socket.
    await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
    installAccessControl(app, openDatabase);
    registerHealth(app, openDatabase);
    registerAuthRoutes(app, { db: openDatabase, sessionTtlMs: options.sessionTtlMs, rateLimit: options.rateLimit });
    registerAccountRoutes(app, { db: openDatabase });
    registerSipRoutes(app, { config: sip });
    registerContentRoutes(app, { db: openDatabase, wrapUpRules: options.wrapUpRules });
    registerGuidanceRoutes(app, { db: openDatabase });
    registerPolicyAdminRoutes(app, { db: openDatabase });
    registerMonitoringRoutes(app, {
      db: openDatabase,
      settings: {
        sipDomain: sip?.domain ?? null,
        showListening: options.showListening,
        pbx: options.pbxMonitoring,
        isLiveCall: async (q, agentId, callId) => (await findLiveCall(q, agentId, callId)) !== null,
      },
    });
    await registerRolePlayRoutes(app, { db: openDatabase, settings: { sipDomain: sip?.domain ?? null } });
    registerScheduleRoutes(app, { db: openDatabase });
    registerWallboardRoutes(app, { db: openDatabase, staleMs: opts.presence?.staleMs });
    registerQaRoutes(app, { db: openDatabase });
    registerSurveyRoutes(app, { db: openDatabase, publicUrl });
    if (surveys.webhookUrl) {
      const sender = new WebhookSender(surveys.webhookUrl);
      const { webhookMaxAttempts: maxAttempts, webhookBackoffMs: backoffMs, sweepMs } = surveys;
      const running = new SurveyDispatcher(openDatabase, { sender, publicUrl, maxAttempts, backoffMs, sweepMs, log: app.log });
      app.addHook('preClose', async () => running.close());
      dispatcher = running;
    }
    await registerSyncRoutes(app, {
      db: openDatabase,
      live: opts.live,
      presence: opts.presence,
      push: { escalations: { managerLimit: options.managerApprovalLimit, followUpDays: options.followUpDays }, surveyTtlDays: surveys.ttlDays },
      afterPush: () => dispatcher?.poke(),
    });

    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close().catch(() => {});
    // onClose only runs for a database that got registered; close one that did not.
    if (db && !app.hasDecorator('db')) await db.close().catch(() => {});
    throw error;
  }

  const url = urlOf(app, options.host);
  ownUrl = url;
  dispatcher?.start();
  let closing: Promise<void> | undefined;
  return {
    url,
    app,
    close: () =>
      (closing ??= (async () => {
        await app.close();
      })()),
  };
}
