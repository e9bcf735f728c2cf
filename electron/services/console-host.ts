import { ContractFailure } from '../../shared/contract';
import type { Language, User } from '../../shared/domain/user';
import { CentralClient } from './central-client';
import { HostEvents } from './contract/events';
import { HandlerRegistry } from './contract/registry';
import { silentLog, type HostLogger } from './host-log';
import { registerPhoneHandlers } from './phone/phone-handlers';
import { SessionService } from './session-service';
import { SettingsStore } from './settings-store';
import { CustomerDataService } from './sync/customer-data-service';
import { AfterCallWork, registerAfterCallWorkHandlers } from './agent/after-call-work';
import { endShift, registerAgentStateHandlers, startShift } from './agent/agent-state-handlers';
import { DispositionRefresher, registerDispositionHandlers } from './content/disposition-handlers';
import { registerCustomerHandlers } from './sync/customer-handlers';
import { registerEscalationHandlers } from './escalations/escalation-handlers';
import { ServerProbe } from './network/server-probe';
import type { SyncStatus } from '../../shared/contract/sync';
import { registerCustomerProfileHandlers } from './sync/customer-profile-handlers';
import type { SyncTuning } from './sync/sync-client';
import { GuidanceCopy } from './guidance/guidance-copy';
import { registerGuidanceHandlers } from './guidance/guidance-handlers';
import { registerPolicyAdminHandlers } from './guidance/policy-admin-handlers';
import { registerMonitoringHandlers } from './monitoring/monitoring-handlers';
import { MonitoringKeys } from './monitoring/monitoring-keys';
import { LocalRecordings } from './roleplay/recordings';
import { roleplayClient } from './roleplay/roleplay-client';
import { qaClient } from './qa/qa-client';
import { registerQaHandlers } from './qa/qa-handlers';
import { registerRolePlayHandlers } from './roleplay/roleplay-handlers';
import { registerScheduleHandlers } from './schedules/schedule-handlers';
import { PresenceReporter } from './presence/presence-reporter';
import { WallboardFeed } from './wallboard/wallboard-feed';
import type { AgentStateChange } from '../../shared/domain/agent-state';

/** Where the central server runs when nothing else is configured (`npm run server`). */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4010';

export interface ConsoleHostOptions {
  /** The host's own folder: settings now, the local cache later. */
  dataDir: string;
  /** The central server; when absent, the one saved in settings, then DEFAULT_SERVER_URL. */
  serverUrl?: string;
  hostKind: 'electron' | 'web';
  version: string;
  log?: HostLogger;
  /** Per-request timeout towards the central server. */
  requestTimeoutMs?: number;
  /** Sync timings (retry delays, batch sizes); tests shorten them. */
  syncTuning?: SyncTuning;
}

export interface ConsoleHost {
  /** Dispatch every page call through this; it covers the whole contract. */
  registry: HandlerRegistry;
  /** Subscribe to forward events to pages. */
  events: HostEvents;
  /** The one settings store of this data folder (Electron keeps window bounds in it too). */
  settings: SettingsStore;
  session: SessionService;
  /** The signed-in person's customer cache and its sync. */
  customerData: CustomerDataService;
  serverUrl: string;
  /** How many pages are open on this host (the web host's bridge); none: the agent is unreachable. */
  pagesOpen(count: number): void;
  close(): Promise<void>;
}

/**
 * The console's host-side services and their contract handlers, shared by both hosts: Electron's
 * main process and the web host differ only in how pages reach `registry.dispatch`.
 */
export function createConsoleHost(opts: ConsoleHostOptions): ConsoleHost {
  const log = opts.log ?? silentLog();
  const settings = SettingsStore.open(opts.dataDir, log);
  const serverUrl = opts.serverUrl ?? settings.get().serverUrl ?? DEFAULT_SERVER_URL;
  const client = new CentralClient({ serverUrl, timeoutMs: opts.requestTimeoutMs });
  const events = new HostEvents();
  const session = new SessionService(client, events, log);
  const registry = new HandlerRegistry(log);

  /** Sends a language the server missed while unreachable, once the same person is back. */
  const sendPendingLanguage = async (user: User): Promise<void> => {
    const pending = settings.get().pendingLanguage;
    if (!pending || pending.userId !== user.id) return;
    try {
      const updated = await session.withToken((token) => client.setLanguage(token, pending.language));
      settings.update({ pendingLanguage: undefined });
      session.updateUser(updated ?? { ...user, language: pending.language });
    } catch (error) {
      log.warn({ code: error instanceof ContractFailure ? error.code : 'INTERNAL' }, 'pending language still not saved on the server');
    }
  };

  registry
    .handle('app.info', () => ({ host: opts.hostKind, version: opts.version, serverUrl }))
    .handle('app.language', () => settings.get().language)
    .handle('session.signIn', async ({ username, password }) => {
      const user = await session.signIn(username, password);
      const pending = settings.get().pendingLanguage;
      if (pending?.userId === user.id) {
        void sendPendingLanguage(user);
        return { ...user, language: pending.language };
      }
      // The sign-in screen next time opens in the language this person works in.
      if (settings.get().language !== user.language) settings.update({ language: user.language });
      return user;
    })
    .handle('session.current', () => session.current())
    .handle('session.signOut', async () => {
      await session.signOut();
      return null;
    })
    .handle('settings.setLanguage', async ({ language }) => {
      settings.update({ language });
      const user = session.current();
      if (!user) return language;
      await saveLanguageOnServer(user, language);
      return language;
    })
    .handle('admin.listUsers', () => session.withToken((token) => client.adminUsers(token)))
    .handle('callbacks.notifications', () => settings.get().callbackNotifications === true)
    .handle('callbacks.setNotifications', ({ enabled }) => {
      settings.update({ callbackNotifications: enabled });
      return enabled;
    });

  /** The choice is kept locally first; an unreachable server gets it after the next sign-in. */
  async function saveLanguageOnServer(user: User, language: Language): Promise<void> {
    try {
      const updated = await session.withToken((token) => client.setLanguage(token, language));
      if (settings.get().pendingLanguage) settings.update({ pendingLanguage: undefined });
      session.updateUser(updated ?? { ...user, language });
    } catch (error) {
      if (error instanceof ContractFailure && error.code === 'UNAVAILABLE') {
        settings.update({ pendingLanguage: { userId: user.id, language } });
        session.updateUser({ ...user, language });
        log.warn({ userId: user.id }, 'server unreachable; language kept on this machine until the next sign-in');
        return;
      }
      throw error;
    }
  }

  const phone = registerPhoneHandlers(registry, {
    session,
    serverUrl,
    dataDir: opts.dataDir,
    log,
    requestTimeoutMs: opts.requestTimeoutMs,
    // Only called by a handler, after afterCallWork below exists.
    keepCallRecord: (record) => afterCallWork.callEnded(record),
  });

  const afterCallWork = new AfterCallWork({
    // customerData is created below; this is only called once a handler runs.
    data: { require: () => customerData.require() },
    log,
    announceState: (state) => events.emit('agent.stateChanged', state),
    announceWrapUp: (pending) => events.emit('wrapUp.changed', pending),
    onCustomersChanged: (customerIds) => events.emit('customers.changed', { customerIds, all: false }),
  });
  const guidance = new GuidanceCopy(
    {
      fetch: () => session.withToken((token) => client.guidance(token)),
      stamp: () => session.withToken((token) => client.guidanceStamp(token)),
    },
    log,
    (scripts) => events.emit('guidance.changed', { scripts }),
  );
  const dispositions = new DispositionRefresher({ fetch: () => session.withToken((token) => client.wrapUpSetup(token)) }, log);

  // Presence goes up the sync client's live link, so it lives and dies with the signed-in person's data.
  const presence = new PresenceReporter();
  const wallboard = new WallboardFeed({
    fetch: () => session.withToken((token) => client.wallboard(token)),
    emit: (board) => events.emit('wallboard.changed', board),
    log,
  });

  // One cache file per person: opened when they sign in, closed when they leave.
  const customerData = new CustomerDataService({
    dataDir: opts.dataDir,
    serverUrl,
    region: () => phone.settings.get().region,
    session,
    log,
    onStatus: (status) => events.emit('sync.status', status),
    onCustomersChanged: (change) => events.emit('customers.changed', change),
    onOpened: (data) => {
      presence.start(data.sync);
      if (data.user.role === 'supervisor') wallboard.attach(data.sync);
      events.emit('agent.stateChanged', startShift(data.cache));
      afterCallWork.resume(data);
      void dispositions.refresh(data.cache);
      void guidance.open(data.file);
      void monitoringKeys.refresh();
    },
    onClosing: ({ cache }) => {
      guidance.close();
      afterCallWork.stop();
      wallboard.detach();
      presence.stop(endShift(cache));
    },
    tuning: opts.syncTuning,
  });
  events.subscribe((name, payload) => {
    if (name === 'session.changed') customerData.follow(payload as User | null);
    else if (name === 'agent.stateChanged') presence.stateChanged(payload as AgentStateChange);
  });

  // The host↔server round trip for the status bar's network indicator, measured while someone is
  // signed in; sync losing or finding the server is a reason to measure at once.
  const probe = new ServerProbe({ serverUrl, onChange: (link) => events.emit('network.quality', link) });
  let syncOnline: boolean | null = null;
  let lastSyncedAt: string | null = null;
  events.subscribe((name, payload) => {
    // A pull follows every live poke, and a publish pokes: compare the guidance stamp then.
    if (name === 'sync.status' && (payload as SyncStatus).lastSyncedAt !== lastSyncedAt) {
      lastSyncedAt = (payload as SyncStatus).lastSyncedAt;
      if (customerData.current()) void guidance.refresh();
    }
    if (name === 'session.changed') {
      if (payload) probe.start();
      else probe.stop();
    } else if (name === 'sync.status') {
      const online = (payload as SyncStatus).online;
      if (syncOnline !== null && online !== syncOnline) void probe.pingNow();
      syncOnline = online;
    }
  });
  registry.handle('network.quality', () => probe.current());
  registry
    .handle('presence.calls', ({ calls }) => {
      presence.callsChanged(calls);
      return null;
    })
    .handle('wallboard.snapshot', () => wallboard.snapshot())
    .handle('wallboard.figures', ({ since }) => session.withToken((token) => client.wallboardFigures(token, since)));
  registerCustomerHandlers(registry, customerData);
  registerEscalationHandlers(registry, customerData);
  const monitoringKeys = new MonitoringKeys(opts.dataDir, serverUrl, () => session.withToken((token) => client.monitoringKeys(token)), log);
  registerMonitoringHandlers(registry, {
    data: customerData,
    keys: monitoringKeys,
    requestGrant: (body) => session.withToken((token) => client.monitoringGrant(token, body)),
    audit: (limit) => session.withToken((token) => client.monitoringAudit(token, limit)),
    requestTakeOver: (grantId) => session.withToken((token) => client.monitoringTakeOver(token, grantId)),
  });
  registerScheduleHandlers(registry, client, (fn) => session.withToken(fn));
  registerRolePlayHandlers(registry, {
    api: roleplayClient(client, (fn) => session.withToken(fn)),
    session,
    keys: monitoringKeys,
    recordings: new LocalRecordings(opts.dataDir),
    log,
  });
  registerQaHandlers(registry, qaClient(client, (fn) => session.withToken(fn)));
  registerCustomerProfileHandlers(registry, customerData);
  registerAgentStateHandlers(registry, customerData, (state) => events.emit('agent.stateChanged', state));
  registerDispositionHandlers(registry, customerData, dispositions);
  registerAfterCallWorkHandlers(registry, afterCallWork);
  registerGuidanceHandlers(registry, guidance, {
    list: () => session.withToken((token) => client.guidanceScripts(token)),
    saveDraft: (script) => session.withToken((token) => client.saveScriptDraft(token, script)),
    publish: (id) => session.withToken((token) => client.publishScript(token, id)),
    create: (input) => session.withToken((token) => client.createScript(token, input)),
    retire: (id) => session.withToken((token) => client.retireScript(token, id)),
  });
  registerPolicyAdminHandlers(
    registry,
    {
      policyPack: () => session.withToken((token) => client.policyPack(token)),
      savePolicyPack: (body) => session.withToken((token) => client.savePolicyPack(token, body)),
      teamThresholds: () => session.withToken((token) => client.teamThresholds(token)),
      saveTeamThresholds: (teamId, thresholds) => session.withToken((token) => client.saveTeamThresholds(token, teamId, thresholds)),
    },
    () => void guidance.refresh({ force: true }),
  );

  const missing = registry.missing();
  if (missing.length > 0) throw new Error(`the console host has no handler for: ${missing.join(', ')}`);

  return {
    registry,
    events,
    settings,
    session,
    customerData,
    serverUrl,
    pagesOpen: (count) => presence.pageOpen(count > 0),
    close: async () => {
      probe.stop();
      await customerData.close();
      session.close();
    },
  };
}
