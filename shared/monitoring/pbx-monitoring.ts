import { z } from 'zod';
import { MONITOR_MODES, MonitorMode } from './grant';

/**
 * PBX mode: sites whose PBX does its own monitoring (Asterisk ChanSpy, FreeSWITCH eavesdrop) give
 * the server a feature code per mode; the supervisor's console dials code + the agent's extension
 * and the PBX joins the call. Mode changes on the same leg are DTMF digits when the PBX takes them
 * (ChanSpy with its `d` option: 4 listen, 5 whisper, 6 barge; eavesdrop: 0 listen, 2 whisper to
 * the agent, 3 barge), otherwise a new leg with the other code. The server still decides who may
 * monitor whom and audits it; the PBX must allow the codes from supervisors' extensions only.
 *
 * Asterisk (extensions.conf), with the defaults below:
 *   exten => _*222X.,1,ChanSpy(PJSIP/${EXTEN:4},qdE)
 *   exten => _*223X.,1,ChanSpy(PJSIP/${EXTEN:4},qdwE)
 *   exten => _*224X.,1,ChanSpy(PJSIP/${EXTEN:4},qdBE)
 */

const FeatureCode = z.string().regex(/^[*#0-9]{1,10}$/, 'a feature code of digits, * and #, like *222');
const Digit = z.string().regex(/^[0-9*#]$/, 'one DTMF digit');

export const PbxMonitoring = z
  .object({
    codes: z.object({ listen: FeatureCode, whisper: FeatureCode.optional(), barge: FeatureCode.optional() }).strict(),
    /** DTMF digit per mode to switch on the same leg; absent: each mode is its own leg. */
    switchDigits: z.object({ listen: Digit, whisper: Digit, barge: Digit }).strict().nullable(),
  })
  .strict();
export type PbxMonitoring = z.infer<typeof PbxMonitoring>;

/** An extension the PBX knows the agent by: SIP user parts as Kalma provisions them. */
const Extension = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an extension or SIP user');

/** The modes a PBX configuration offers (listen always; whisper and barge when their codes are set). */
export function pbxModes(config: PbxMonitoring): MonitorMode[] {
  return MONITOR_MODES.filter((mode) => config.codes[mode] !== undefined);
}

/**
 * What the supervisor's phone dials for a mode on an agent: the feature code, then the agent's
 * extension, as a SIP URI in the PBX's domain. Throws for a mode the site has no code for.
 */
export function pbxDialString(config: PbxMonitoring, mode: MonitorMode, agentExtension: string, domain: string): string {
  const code = config.codes[mode];
  if (code === undefined) throw new Error(`this PBX has no feature code for ${mode}`);
  const extension = Extension.parse(agentExtension);
  // '#' and '*' are legal in a SIP user part but '#' must be escaped; '*' is sent as is.
  return `sip:${code.replace(/#/g, '%23')}${extension}@${domain}`;
}

/**
 * Reads `KALMA_PBX_MONITOR_CODES` ("listen=*222,whisper=*223,barge=*224") and
 * `KALMA_PBX_MONITOR_SWITCH` ("listen=4,whisper=5,barge=6", or empty): null when no codes are set.
 */
export function parsePbxMonitoring(codes: string | undefined, switchDigits: string | undefined): PbxMonitoring | null {
  if (codes === undefined || codes.trim() === '') return null;
  return PbxMonitoring.parse({
    codes: pairs(codes, 'KALMA_PBX_MONITOR_CODES'),
    switchDigits: switchDigits === undefined || switchDigits.trim() === '' ? null : pairs(switchDigits, 'KALMA_PBX_MONITOR_SWITCH'),
  });
}

function pairs(text: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [mode, value, extra] = part.split('=').map((p) => p.trim());
    if (!mode || value === undefined || extra !== undefined || !MonitorMode.safeParse(mode).success) {
      throw new Error(`${name}: "${part}" is not mode=value with a mode of ${MONITOR_MODES.join(', ')}`);
    }
    if (mode in out) throw new Error(`${name}: ${mode} is given twice`);
    out[mode] = value;
  }
  return out;
}
