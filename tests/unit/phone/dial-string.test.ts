import { describe, expect, it } from 'vitest';
import { checkDialString, dialUri, domainOf } from '../../../shared/phone/dial-string';

const uriOf = (text: string, region: 'PH' | 'BR' | 'US') => {
  const checked = checkDialString(text, region);
  if (!checked.ok) throw new Error(`${text}: ${checked.problem}`);
  return dialUri(checked.target, 'kalma.local');
};

describe('dialling numbers as agents type them', () => {
  it.each([
    ['0917 123 4567', 'PH', 'sip:+639171234567@kalma.local'],
    ['09171234567', 'PH', 'sip:+639171234567@kalma.local'],
    ['(02) 8123 4567', 'PH', 'sip:+63281234567@kalma.local'],
    ['+63 917 123 4567', 'BR', 'sip:+639171234567@kalma.local'],
    ['(11) 91234-5678', 'BR', 'sip:+5511912345678@kalma.local'],
    ['011 91234 5678', 'BR', 'sip:+5511912345678@kalma.local'],
    ['(212) 555-0123', 'US', 'sip:+12125550123@kalma.local'],
    ['1-212-555-0123', 'US', 'sip:+12125550123@kalma.local'],
  ] as const)('%s under %s dials %s', (text, region, uri) => {
    expect(uriOf(text, region)).toBe(uri);
  });

  it('shows local numbers the local way and foreign ones in full', () => {
    expect(checkDialString('09171234567', 'PH')).toMatchObject({ ok: true, target: { kind: 'phone', display: '0917 123 4567' } });
    expect(checkDialString('+5511912345678', 'PH')).toMatchObject({ ok: true, target: { kind: 'phone', display: '+5511912345678' } });
  });

  it('reads short digit runs as extensions, words as colleagues, and SIP addresses as written', () => {
    expect(checkDialString('1001', 'PH')).toMatchObject({ ok: true, target: { kind: 'extension', user: '1001' } });
    expect(checkDialString('091712', 'PH')).toMatchObject({ ok: false });
    expect(uriOf('maria.santos', 'PH')).toBe('sip:maria.santos@kalma.local');
    expect(uriOf('sip:queue-7@pbx.example.com', 'PH')).toBe('sip:queue-7@pbx.example.com');
    expect(uriOf('sip:+639171234567@10.0.0.5:5060', 'PH')).toBe('sip:+639171234567@10.0.0.5:5060');
    expect(uriOf('agent2@kalma.local', 'PH')).toBe('sip:agent2@kalma.local');
  });
});

describe('refusing what cannot be dialled, with a reason the agent can act on', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0917', 'too-short'],
    ['0917 1234', 'no-such-number'],
    ['1', 'too-short'],
    ['0917 123 4567 8901 2345', 'too-long'],
    ['+999 123 456 789', 'unknown-country'],
  ] as const)('%j → %s', (text, problem) => {
    expect(checkDialString(text, 'PH')).toMatchObject({ ok: false, problem });
  });

  it.each([
    ['sip:bob@x;transport=tcp', ';'],
    ['"Bob" <sip:bob@kalma.local>', '"'],
    ['sip:bo b@kalma.local', ' '],
    ['sip:bob@kalma.local?subject=hi', '?'],
    ['sip:bob%40evil@kalma.local', '%'],
    ['sip:bob@exa_mple.com', '_'],
    ['sip:bob@@kalma.local', '@'],
    ['maria<script>', '<'],
    ['ñame', 'ñ'],
  ])('%s is refused, naming %j', (text, char) => {
    expect(checkDialString(text, 'PH')).toEqual({ ok: false, problem: 'odd-characters', char });
  });

  it('dials an unknown range when the agent writes it with its country code', () => {
    expect(uriOf('+63 917 123', 'PH')).toBe('sip:+63917123@kalma.local');
  });

  it('refuses a pasted page instead of reading it', () => {
    expect(checkDialString('9'.repeat(500), 'PH')).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('the phone domain', () => {
  it('comes from the phone’s own address', () => {
    expect(domainOf('sip:alice@kalma.local')).toBe('kalma.local');
    expect(domainOf('not a uri')).toBeNull();
  });
});
