import { z } from 'zod';
import { call } from './core';
import { CallRecord } from '../phone/call-record';
import { PhoneSettings, PhoneSettingsChange } from '../phone/phone-settings';
import { PhoneProvisioning } from '../phone/provisioning-api';

export const phoneCalls = {
  /** The signed-in person's SIP identity and a fresh ephemeral credential from the central server. */
  'phone.provisioning': call({ input: z.object({}).strict(), output: PhoneProvisioning }),
  /** This machine's phone choices (devices, auto-answer, DTMF, voice processing, region). */
  'phone.settings': call({ input: z.object({}).strict(), output: PhoneSettings }),
  /** Changes some phone choices; answers all of them as saved. */
  'phone.saveSettings': call({ input: PhoneSettingsChange, output: PhoneSettings }),
  /** A call ended: the host keeps its record (synced with the agent's other writes later). */
  'calls.logEnded': call({ input: CallRecord, output: z.object({ id: z.string() }) }),
} as const;
