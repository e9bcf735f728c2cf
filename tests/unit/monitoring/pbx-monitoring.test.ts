import { describe, expect, it } from 'vitest';
import { parsePbxMonitoring, pbxDialString, pbxModes } from '../../../shared/monitoring/pbx-monitoring';

/** PBX mode: the feature codes a site's Asterisk or FreeSWITCH answers, dialled by the supervisor's phone. */
describe('PBX monitoring codes', () => {
  const asterisk = parsePbxMonitoring('listen=*222, whisper=*223, barge=*224', 'listen=4,whisper=5,barge=6')!;

  it('dial the code for the mode followed by the agent’s extension (Asterisk ChanSpy)', () => {
    expect(pbxDialString(asterisk, 'listen', 'maria.santos', 'pbx.example.ph')).toBe('sip:*222maria.santos@pbx.example.ph');
    expect(pbxDialString(asterisk, 'whisper', '2001', 'pbx.example.ph')).toBe('sip:*2232001@pbx.example.ph');
    expect(pbxDialString(asterisk, 'barge', '2001', 'pbx.example.ph')).toBe('sip:*2242001@pbx.example.ph');
    expect(asterisk.switchDigits).toEqual({ listen: '4', whisper: '5', barge: '6' });
  });

  it('escape # in a code (FreeSWITCH sites often use #-codes) and keep * as it is', () => {
    const freeswitch = parsePbxMonitoring('listen=#88', 'listen=0,whisper=2,barge=3')!;
    expect(pbxDialString(freeswitch, 'listen', '1002', 'fs.example.br')).toBe('sip:%23881002@fs.example.br');
  });

  it('offer only the modes the site has codes for, and refuse to dial another', () => {
    const listenOnly = parsePbxMonitoring('listen=*222', undefined)!;
    expect(pbxModes(listenOnly)).toEqual(['listen']);
    expect(listenOnly.switchDigits).toBeNull();
    expect(() => pbxDialString(listenOnly, 'barge', '2001', 'pbx')).toThrow(/no feature code for barge/);
  });

  it('are off when no codes are set', () => {
    expect(parsePbxMonitoring(undefined, undefined)).toBeNull();
    expect(parsePbxMonitoring('  ', 'listen=4')).toBeNull();
  });

  it('refuse settings that would dial something else: unknown modes, letters, repeats, an extension that is not one', () => {
    expect(() => parsePbxMonitoring('spy=*222', undefined)).toThrow(/mode of listen, whisper, barge/);
    expect(() => parsePbxMonitoring('listen=*22a', undefined)).toThrow(/feature code/);
    expect(() => parsePbxMonitoring('listen=*222,listen=*223', undefined)).toThrow(/given twice/);
    expect(() => parsePbxMonitoring('listen=*222', 'listen=44,whisper=5,barge=6')).toThrow(/one DTMF digit/);
    expect(() => parsePbxMonitoring('whisper=*223', undefined)).toThrow();
    expect(() => pbxDialString(asterisk, 'listen', 'x@evil.example', 'pbx')).toThrow();
  });
});
