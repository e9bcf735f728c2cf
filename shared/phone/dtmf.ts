import { z } from 'zod';

/**
 * DTMF: the keypad tones an agent sends into an IVR or a bank's phone menu. RFC 4733 (RTP
 * telephone events, what JsSIP calls 'RFC2833') is the default because it travels with the audio
 * and every PBX understands it; SIP INFO is the option for PBXs that want it in signalling.
 */
export const DtmfTransport = z.enum(['rfc4733', 'info']);
export type DtmfTransport = z.infer<typeof DtmfTransport>;

/** One keypad key. A–D exist on the standard keypad and some IVRs use them. */
export const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export const DTMF_TONE = /^[0-9A-D*#]$/;

/** Longest sequence sent at once: an account number plus a PIN, with room to spare. */
export const MAX_DTMF_LENGTH = 40;

export const DtmfProblem = z.enum(['empty', 'too-long', 'bad-key']);
export type DtmfProblem = z.infer<typeof DtmfProblem>;

export type DtmfCheck = { ok: true; tones: string } | { ok: false; problem: DtmfProblem; at?: number };

/**
 * Checks a typed or pasted sequence: spaces and dashes are dropped ("1234-5678"), letters a–d are
 * read as A–D, a comma is a pause (JsSIP waits between tones). Anything else is refused with the
 * position of the first bad character, so the keypad can say which one.
 */
export function checkDtmf(text: string): DtmfCheck {
  const tones = text.replace(/[\s-]/g, '').toUpperCase();
  if (tones === '') return { ok: false, problem: 'empty' };
  if (tones.length > MAX_DTMF_LENGTH) return { ok: false, problem: 'too-long' };
  for (let i = 0; i < tones.length; i += 1) {
    const key = tones[i] ?? '';
    if (key !== ',' && !DTMF_TONE.test(key)) return { ok: false, problem: 'bad-key', at: i };
  }
  if (/^,+$/.test(tones)) return { ok: false, problem: 'empty' };
  return { ok: true, tones };
}

/** The schema a DTMF command carries across the engine boundary. */
export const DtmfTones = z.string().transform((text, ctx) => {
  const checked = checkDtmf(text);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: `not DTMF: ${checked.problem}` });
    return z.NEVER;
  }
  return checked.tones;
});
