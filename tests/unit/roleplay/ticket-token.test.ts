import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SigningKey } from '../../../shared/api/monitoring';
import type { MonitoringGrant } from '../../../shared/monitoring/grant';
import { checkTicket, type RolePlayTicket } from '../../../shared/roleplay/session-ticket';
import { readGrantToken, readRolePlayTicket } from '../../../electron/services/monitoring/grant-verifier';
import { signGrant } from '../../../server/monitoring/grant-token';

/**
 * A role-play ticket travels like a monitoring grant (server/monitoring/grant-token.ts, the same
 * keys); the trainee's console reads it with readRolePlayTicket. Neither kind passes for the other.
 */

function keyPair(id: string) {
  const pair = generateKeyPairSync('ed25519');
  const key: SigningKey = { id, publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), retired: false };
  return { key, signer: { keyId: id, sign: (data: Buffer) => sign(null, data, pair.privateKey) } };
}

const server = keyPair('server-key');
const now = new Date('2026-12-02T10:00:00Z');

function ticket(over: Partial<RolePlayTicket> = {}): RolePlayTicket {
  return {
    v: 1,
    kind: 'role-play',
    id: randomUUID(),
    keyId: 'server-key',
    scenarioId: 'irate-customer',
    scenarioVersion: 1,
    language: 'fil',
    callerId: 'trainer-1',
    callerName: 'Ana Lima',
    traineeId: 'agent-1',
    peer: false,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 300_000).toISOString(),
    ...over,
  };
}

describe('reading a role-play ticket token', () => {
  it('accepts a ticket the server signed and gives its claims back', () => {
    const issued = ticket();
    const reading = readRolePlayTicket(signGrant(issued, server.signer), [server.key]);
    expect(reading).toEqual({ ok: true, value: issued });
    if (reading.ok) expect(checkTicket(reading.value, { now, userId: 'agent-1' })).toBeNull();
  });

  it('refuses a ticket signed by another key under the server key’s name, and one naming an unknown key', () => {
    expect(readRolePlayTicket(signGrant(ticket(), keyPair('server-key').signer), [server.key])).toEqual({ ok: false, refusal: 'bad-signature' });
    const stranger = keyPair('stranger');
    expect(readRolePlayTicket(signGrant(ticket({ keyId: 'stranger' }), stranger.signer), [server.key])).toEqual({ ok: false, refusal: 'unknown-key', keyId: 'stranger' });
  });

  it('refuses a tampered payload and a token that is not one', () => {
    const [, signature] = signGrant(ticket(), server.signer).split('.');
    const forged = Buffer.from(JSON.stringify(ticket({ traineeId: 'agent-2' })), 'utf8').toString('base64url');
    expect(readRolePlayTicket(`${forged}.${signature}`, [server.key])).toEqual({ ok: false, refusal: 'bad-signature' });
    expect(readRolePlayTicket('not a token', [server.key])).toEqual({ ok: false, refusal: 'malformed' });
  });

  it('never reads a monitoring grant as a ticket, nor a ticket as a grant', () => {
    const grant: MonitoringGrant = {
      v: 1,
      id: randomUUID(),
      keyId: 'server-key',
      supervisorId: 'sup-1',
      supervisorName: 'Jose Reyes',
      agentId: 'agent-1',
      callId: 'call-abc',
      modes: ['listen'],
      showListening: true,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    };
    expect(readRolePlayTicket(signGrant(grant, server.signer), [server.key])).toEqual({ ok: false, refusal: 'malformed' });
    expect(readGrantToken(signGrant(ticket(), server.signer), [server.key])).toEqual({ ok: false, refusal: 'malformed' });
  });
});
