import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SigningKey } from '../../../shared/api/monitoring';
import { checkGrant, parseModeInfo, routing, type MonitoringGrant } from '../../../shared/monitoring/grant';
import { readGrantToken } from '../../../electron/services/monitoring/grant-verifier';
import { signGrant } from '../../../server/monitoring/grant-token';

/**
 * The agent's console lets a supervisor into a call only with a grant the server signed, for this
 * agent, for a call on this console, within its times and modes. Signed here with real Ed25519
 * keys, exactly as the server signs them (server/monitoring/grant-token.ts).
 */

function keyPair(id: string) {
  const pair = generateKeyPairSync('ed25519');
  const key: SigningKey = { id, publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), retired: false };
  return { key, signer: { keyId: id, sign: (data: Buffer) => sign(null, data, pair.privateKey) } };
}

const server = keyPair('server-key');
const now = new Date('2026-12-02T10:00:00Z');

function grant(over: Partial<MonitoringGrant> = {}): MonitoringGrant {
  return {
    v: 1,
    id: randomUUID(),
    keyId: 'server-key',
    supervisorId: 'sup-1',
    supervisorName: 'Jose Reyes',
    agentId: 'agent-1',
    callId: 'call-abc',
    modes: ['listen', 'whisper'],
    showListening: true,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    ...over,
  };
}

const onConsole = { now, agentId: 'agent-1', liveCallIds: ['call-abc'], mode: 'listen' as const };

describe('reading a grant token', () => {
  it('accepts a grant the server signed and gives its claims back', () => {
    const issued = grant();
    const reading = readGrantToken(signGrant(issued, server.signer), [server.key]);
    expect(reading).toEqual({ ok: true, grant: issued });
  });

  it('refuses a grant signed by another key under the server key’s name', () => {
    const forger = keyPair('server-key');
    expect(readGrantToken(signGrant(grant(), forger.signer), [server.key])).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('refuses a grant naming a key the console does not know, and says which', () => {
    const stranger = keyPair('stranger');
    expect(readGrantToken(signGrant(grant({ keyId: 'stranger' }), stranger.signer), [server.key])).toEqual({
      ok: false,
      refusal: 'unknown-key',
      keyId: 'stranger',
    });
  });

  it('refuses a signed grant whose claims were edited afterwards (modes widened)', () => {
    const token = signGrant(grant({ modes: ['listen'] }), server.signer);
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as MonitoringGrant;
    const widened = Buffer.from(JSON.stringify({ ...claims, modes: ['listen', 'whisper', 'barge'] })).toString('base64url');
    expect(readGrantToken(`${widened}.${signature}`, [server.key])).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('refuses what is not a token at all', () => {
    for (const junk of ['', 'abc', 'a.b.c', 'not base64!.x', `${Buffer.from('{"v":1}').toString('base64url')}.AAAA`]) {
      expect(readGrantToken(junk, [server.key]), junk).toEqual({ ok: false, refusal: 'malformed' });
    }
  });
});

describe('checking a grant on the agent’s console', () => {
  it('lets the granted supervisor in for this agent’s live call in a granted mode', () => {
    expect(checkGrant(grant(), onConsole)).toBeNull();
    expect(checkGrant(grant(), { ...onConsole, mode: 'whisper' })).toBeNull();
  });

  it('refuses an expired grant, beyond the clock skew it allows', () => {
    const old = grant({ issuedAt: '2026-12-02T09:57:00Z', expiresAt: '2026-12-02T09:58:00Z' });
    expect(checkGrant(old, onConsole)).toBe('expired');
    const justExpired = grant({ expiresAt: '2026-12-02T09:59:45Z' });
    expect(checkGrant(justExpired, onConsole)).toBeNull();
  });

  it('refuses a grant issued in the future (a clock far off, or a token made up)', () => {
    expect(checkGrant(grant({ issuedAt: '2026-12-02T10:05:00Z', expiresAt: '2026-12-02T10:06:00Z' }), onConsole)).toBe('not-yet-valid');
  });

  it('refuses a grant for another agent or for a call not on this console', () => {
    expect(checkGrant(grant({ agentId: 'agent-2' }), onConsole)).toBe('other-agent');
    expect(checkGrant(grant({ callId: 'call-old' }), onConsole)).toBe('other-call');
    expect(checkGrant(grant(), { ...onConsole, liveCallIds: [] })).toBe('other-call');
  });

  it('refuses a mode the grant does not include', () => {
    expect(checkGrant(grant({ modes: ['listen'] }), { ...onConsole, mode: 'barge' })).toBe('mode-not-granted');
  });
});

describe('modes', () => {
  it('route the supervisor’s voice: listen to nobody, whisper to the agent, barge to both', () => {
    expect(routing('listen')).toEqual({ supervisorToAgent: false, supervisorToCustomer: false });
    expect(routing('whisper')).toEqual({ supervisorToAgent: true, supervisorToCustomer: false });
    expect(routing('barge')).toEqual({ supervisorToAgent: true, supervisorToCustomer: true });
  });

  it('are read from INFO bodies only when they are one of the three', () => {
    expect(parseModeInfo('{"mode":"whisper"}')).toBe('whisper');
    expect(parseModeInfo('{"mode":"record"}')).toBeNull();
    expect(parseModeInfo('{"mode":"barge","extra":1}')).toBeNull();
    expect(parseModeInfo('not json')).toBeNull();
  });
});
