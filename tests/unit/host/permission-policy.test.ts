import { describe, expect, it } from 'vitest';
import { grantsCheck, grantsRequest } from '../../../electron/main/permission-policy';

const APP = 'kalma://app';

describe('what the console page may use in Electron', () => {
  it('lets the console itself use the microphone and show notifications', () => {
    expect(grantsRequest({ permission: 'media', origin: APP, mediaTypes: ['audio'] }, APP)).toBe(true);
    expect(grantsRequest({ permission: 'notifications', origin: APP }, APP)).toBe(true);
    expect(grantsCheck({ permission: 'media', origin: APP, mediaType: 'audio' }, APP)).toBe(true);
    expect(grantsCheck({ permission: 'notifications', origin: APP }, APP)).toBe(true);
  });

  it('gives another origin nothing, not even notifications or the microphone', () => {
    for (const origin of ['https://evil.example', 'kalma://other', 'file://', null]) {
      expect(grantsRequest({ permission: 'notifications', origin }, APP), String(origin)).toBe(false);
      expect(grantsRequest({ permission: 'media', origin, mediaTypes: ['audio'] }, APP), String(origin)).toBe(false);
      expect(grantsCheck({ permission: 'notifications', origin }, APP), String(origin)).toBe(false);
      expect(grantsCheck({ permission: 'media', origin, mediaType: 'audio' }, APP), String(origin)).toBe(false);
    }
  });

  it('refuses the console everything else: camera, screen, location, clipboard, devices, opening links', () => {
    expect(grantsRequest({ permission: 'media', origin: APP, mediaTypes: ['audio', 'video'] }, APP)).toBe(false);
    expect(grantsRequest({ permission: 'media', origin: APP, mediaTypes: ['video'] }, APP)).toBe(false);
    expect(grantsRequest({ permission: 'media', origin: APP, mediaTypes: [] }, APP)).toBe(false);
    expect(grantsCheck({ permission: 'media', origin: APP, mediaType: 'video' }, APP)).toBe(false);
    for (const permission of ['geolocation', 'display-capture', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'midiSysex', 'pointerLock']) {
      expect(grantsRequest({ permission, origin: APP }, APP), permission).toBe(false);
      expect(grantsCheck({ permission, origin: APP }, APP), permission).toBe(false);
    }
  });
});
