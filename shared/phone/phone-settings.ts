import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js';
import { DtmfTransport } from './dtmf';

/**
 * The phone choices an agent makes once and expects the machine to remember: which headset,
 * auto-answer, how keypad tones are sent. Kept by the host (electron/services/phone), per machine,
 * because devices belong to the machine, not to the person.
 */
export const AwayRefusal = z.enum(['busy', 'decline']);
export type AwayRefusal = z.infer<typeof AwayRefusal>;

export const PhoneSettings = z.object({
  /** A microphone's deviceId; null = the system default. */
  inputDeviceId: z.string().max(300).nullable().default(null),
  /** A speaker/headset deviceId for the call audio and the ringtone; null = the system default. */
  outputDeviceId: z.string().max(300).nullable().default(null),
  /** Answer incoming calls without a click (queues that push calls to agents). */
  autoAnswer: z.boolean().default(false),
  dtmfTransport: DtmfTransport.default('rfc4733'),
  /**
   * The browser's echo cancellation, noise suppression and automatic gain. Off by default: floor
   * agents wear headsets, where these only colour the voice (and they filter test tones away).
   * An agent on laptop speakers turns it on.
   */
  voiceProcessing: z.boolean().default(false),
  /**
   * How the phone turns calls away while the agent is not available (break, wrap-up …): `busy`
   * (486: the caller hears busy, a PBX may try someone else) or `decline` (603: refused outright).
   */
  whenAway: AwayRefusal.default('busy'),
  /** The region whose numbering plan applies to numbers typed without a country code. */
  region: z
    .string()
    .length(2)
    .refine((r) => isSupportedCountry(r), 'unknown phone region')
    .default('PH'),
});
export type PhoneSettings = z.infer<typeof PhoneSettings>;

/** A change to some of the settings; unknown fields are refused, absent ones stay as they are. */
export const PhoneSettingsChange = z
  .object({
    inputDeviceId: PhoneSettings.shape.inputDeviceId.unwrap().optional(),
    outputDeviceId: PhoneSettings.shape.outputDeviceId.unwrap().optional(),
    autoAnswer: z.boolean().optional(),
    dtmfTransport: DtmfTransport.optional(),
    voiceProcessing: z.boolean().optional(),
    whenAway: AwayRefusal.optional(),
    region: PhoneSettings.shape.region.unwrap().optional(),
  })
  .strict();
export type PhoneSettingsChange = z.infer<typeof PhoneSettingsChange>;

export const DEFAULT_PHONE_SETTINGS: PhoneSettings = PhoneSettings.parse({});
