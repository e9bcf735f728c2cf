import type { AudioDevice } from '../../../../../shared/phone/phone-protocol';

/**
 * The microphones and speakers the browser offers. Labels stay empty until the page has used the
 * microphone once; the engine lists again after each call starts and on `devicechange`.
 */
export async function listAudioDevices(): Promise<{ inputs: AudioDevice[]; outputs: AudioDevice[] }> {
  if (!navigator.mediaDevices?.enumerateDevices) return { inputs: [], outputs: [] };
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const pick = (kind: MediaDeviceKind): AudioDevice[] =>
      devices
        .filter((device) => device.kind === kind && device.deviceId !== '')
        .map((device) => ({ id: device.deviceId, label: device.label }));
    return { inputs: pick('audioinput'), outputs: pick('audiooutput') };
  } catch {
    return { inputs: [], outputs: [] };
  }
}
