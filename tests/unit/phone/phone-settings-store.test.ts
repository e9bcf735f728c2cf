import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PHONE_SETTINGS } from '../../../shared/phone/phone-settings';
import { CallLog } from '../../../electron/services/phone/call-log';
import { PHONE_SETTINGS_FILE, PhoneSettingsStore } from '../../../electron/services/phone/phone-settings-store';
import { silentLog } from '../../../electron/services/host-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kalma-phone-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('phone settings on this machine', () => {
  it('start at the defaults and remember a change across restarts', () => {
    expect(new PhoneSettingsStore(dir).get()).toEqual(DEFAULT_PHONE_SETTINGS);
    new PhoneSettingsStore(dir).update({ outputDeviceId: 'headset-1', autoAnswer: true });
    expect(new PhoneSettingsStore(dir).get()).toEqual({ ...DEFAULT_PHONE_SETTINGS, outputDeviceId: 'headset-1', autoAnswer: true });
  });

  it('set a damaged file aside and carry on with the defaults', () => {
    writeFileSync(join(dir, PHONE_SETTINGS_FILE), '{"outputDeviceId": ');
    expect(new PhoneSettingsStore(dir, silentLog()).get()).toEqual(DEFAULT_PHONE_SETTINGS);
    expect(readdirSync(dir).some((name) => name.startsWith(`${PHONE_SETTINGS_FILE}.corrupt-`))).toBe(true);
  });

  it('set aside a file with values out of range', () => {
    writeFileSync(join(dir, PHONE_SETTINGS_FILE), JSON.stringify({ region: 'XX', dtmfTransport: 'smoke-signals' }));
    expect(new PhoneSettingsStore(dir, silentLog()).get()).toEqual(DEFAULT_PHONE_SETTINGS);
  });

  it('write the whole file each time (never half a file)', () => {
    const store = new PhoneSettingsStore(dir);
    store.update({ dtmfTransport: 'info' });
    expect(JSON.parse(readFileSync(join(dir, PHONE_SETTINGS_FILE), 'utf8'))).toEqual({ ...DEFAULT_PHONE_SETTINGS, dtmfTransport: 'info' });
    expect(readdirSync(dir)).toEqual([PHONE_SETTINGS_FILE]);
  });
});

describe('the call log on the host', () => {
  it('keeps each ended call once, even when the console sends it twice', () => {
    const log = new CallLog(silentLog());
    const record = {
      id: 'call-1',
      direction: 'outbound' as const,
      number: '0917 123 4567',
      remoteUri: 'sip:+639171234567@kalma.local',
      customerId: null,
      line: 1 as const,
      startedAt: '2026-03-02T01:00:00.000Z',
      answeredAt: null,
      endedAt: '2026-03-02T01:00:20.000Z',
      endCause: 'no-answer' as const,
      transfers: [],
    };
    log.add(record);
    log.add(record);
    expect(log.list()).toEqual([record]);
  });
});
