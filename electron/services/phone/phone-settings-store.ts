import { PhoneSettings, type PhoneSettingsChange } from '../../../shared/phone/phone-settings';
import type { HostLogger } from '../host-log';
import { JsonFileStore } from '../json-file-store';

export const PHONE_SETTINGS_FILE = 'phone-settings.json';

/**
 * The phone's choices on this machine (headset, auto-answer, DTMF mode), in their own file next
 * to settings.json: devices belong to the machine, and a damaged phone file must not cost the
 * agent their language or window. Validated, set aside when
 * damaged and written atomically (JsonFileStore).
 */
export class PhoneSettingsStore extends JsonFileStore<typeof PhoneSettings> {
  constructor(dataDir: string, log?: HostLogger) {
    super(dataDir, PHONE_SETTINGS_FILE, PhoneSettings, 'phone settings', log);
  }

  override update(change: PhoneSettingsChange): PhoneSettings {
    return super.update(change);
  }
}
