import type { CallRecord } from '../../../shared/phone/call-record';
import type { HandlerRegistry } from '../contract/registry';
import type { HostLogger } from '../host-log';
import type { SessionService } from '../session-service';
import { CallLog } from './call-log';
import { PhoneClient } from './phone-client';
import { PhoneSettingsStore } from './phone-settings-store';

export interface PhoneHostOptions {
  session: SessionService;
  serverUrl: string;
  dataDir: string;
  log: HostLogger;
  requestTimeoutMs?: number;
  /** Keeps an ended call's record for good (the cache and its outbox); throws to have it resent. */
  keepCallRecord(record: CallRecord): void;
}

export interface PhoneHost {
  settings: PhoneSettingsStore;
  callLog: CallLog;
}

/** The host's side of the phone: provisioning from the central server, machine settings, call records. */
export function registerPhoneHandlers(registry: HandlerRegistry, opts: PhoneHostOptions): PhoneHost {
  const client = new PhoneClient({ serverUrl: opts.serverUrl, timeoutMs: opts.requestTimeoutMs });
  const settings = new PhoneSettingsStore(opts.dataDir, opts.log);
  const callLog = new CallLog(opts.log);

  registry
    .handle('phone.provisioning', () => opts.session.withToken((token) => client.provisioning(token)))
    .handle('phone.settings', () => settings.get())
    .handle('phone.saveSettings', (change) => settings.update(change))
    .handle('calls.logEnded', (record) => {
      opts.keepCallRecord(record);
      callLog.add(record);
      return { id: record.id };
    });
  return { settings, callLog };
}
