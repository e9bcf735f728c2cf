import { describe, expect, it } from 'vitest';
import { checkDtmf, DtmfTones, MAX_DTMF_LENGTH } from '../../../shared/phone/dtmf';

describe('keypad tones', () => {
  it('accepts keypad keys, pauses and A–D, reading separators away and letters as capitals', () => {
    expect(checkDtmf('1234-5678 #')).toEqual({ ok: true, tones: '12345678#' });
    expect(checkDtmf('*0,,9')).toEqual({ ok: true, tones: '*0,,9' });
    expect(checkDtmf('abcd')).toEqual({ ok: true, tones: 'ABCD' });
  });

  it('refuses anything else and says where', () => {
    expect(checkDtmf('12x4')).toEqual({ ok: false, problem: 'bad-key', at: 2 });
    expect(checkDtmf('+63')).toEqual({ ok: false, problem: 'bad-key', at: 0 });
    expect(checkDtmf('E')).toEqual({ ok: false, problem: 'bad-key', at: 0 });
    expect(checkDtmf('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkDtmf(',,,')).toEqual({ ok: false, problem: 'empty' });
    expect(checkDtmf('1'.repeat(MAX_DTMF_LENGTH + 1))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('is what the engine command schema enforces', () => {
    expect(DtmfTones.parse('1 2 3')).toBe('123');
    expect(DtmfTones.safeParse('1;DROP').success).toBe(false);
  });
});
