import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioDevice } from '../../../../shared/phone/phone-protocol';
import { DtmfTransport } from '../../../../shared/phone/dtmf';
import { AwayRefusal } from '../../../../shared/phone/phone-settings';
import { usePhoneStore } from './phone-store';

/**
 * Headset and speaker choice (remembered on this machine), keypad tones, how calls are turned away
 * while the agent is away, auto-answer, voice processing.
 */
export function PhoneSettingsPanel() {
  const { t } = useTranslation();
  const settings = usePhoneStore((s) => s.settings);
  const devices = usePhoneStore((s) => s.devices);
  const save = usePhoneStore((s) => s.saveSettings);

  return (
    <div className="phone-settings">
      <DeviceSelect
        label={t('phone.settings.input')}
        testId="phone-input-device"
        devices={devices.inputs}
        value={settings.inputDeviceId}
        onChange={(deviceId) => void save({ inputDeviceId: deviceId })}
      />
      <DeviceSelect
        label={t('phone.settings.output')}
        testId="phone-output-device"
        devices={devices.outputs}
        value={settings.outputDeviceId}
        onChange={(deviceId) => void save({ outputDeviceId: deviceId })}
      />
      <label className="phone-setting-field">
        <span>{t('phone.settings.dtmf')}</span>
        <select
          className="phone-input"
          data-testid="phone-dtmf-transport"
          value={settings.dtmfTransport}
          onChange={(event) => {
            const transport = DtmfTransport.safeParse(event.target.value);
            if (transport.success) void save({ dtmfTransport: transport.data });
          }}
        >
          <option value="rfc4733">{t('phone.settings.dtmfRfc4733')}</option>
          <option value="info">{t('phone.settings.dtmfInfo')}</option>
        </select>
      </label>
      <label className="phone-setting-field">
        <span>{t('phone.settings.whenAway')}</span>
        <select
          className="phone-input"
          data-testid="phone-when-away"
          value={settings.whenAway}
          onChange={(event) => {
            const refusal = AwayRefusal.safeParse(event.target.value);
            if (refusal.success) void save({ whenAway: refusal.data });
          }}
        >
          <option value="busy">{t('phone.settings.whenAwayBusy')}</option>
          <option value="decline">{t('phone.settings.whenAwayDecline')}</option>
        </select>
      </label>
      <Check
        testId="phone-auto-answer"
        label={t('phone.settings.autoAnswer')}
        checked={settings.autoAnswer}
        onChange={(autoAnswer) => void save({ autoAnswer })}
      />
      <Check
        testId="phone-voice-processing"
        label={t('phone.settings.voiceProcessing')}
        checked={settings.voiceProcessing}
        onChange={(voiceProcessing) => void save({ voiceProcessing })}
      />
    </div>
  );
}

function Check({ testId, label, checked, onChange }: { testId: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="phone-check">
      <input id={id} type="checkbox" data-testid={testId} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function DeviceSelect(props: { label: string; testId: string; devices: AudioDevice[]; value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation();
  const { label, testId, devices, value, onChange } = props;
  // A remembered device that is unplugged still shows, so the choice is not silently lost.
  const known = value === null || devices.some((device) => device.id === value);
  return (
    <label className="phone-setting-field">
      <span>{label}</span>
      <select className="phone-input" data-testid={testId} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
        <option value="">{t('phone.settings.systemDefault')}</option>
        {devices
          .filter((device) => device.id !== 'default')
          .map((device, index) => (
            <option key={device.id} value={device.id}>
              {device.label || t('phone.settings.deviceUnnamed', { number: index + 1 })}
            </option>
          ))}
        {!known && value !== null && <option value={value}>{t('phone.settings.deviceUnnamed', { number: devices.length + 1 })}</option>}
      </select>
    </label>
  );
}
