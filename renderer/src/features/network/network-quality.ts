import type { ServerLink } from '../../../../shared/contract/network';
import type { RegistrationState } from '../../../../shared/phone/phone-protocol';

/**
 * "Network: good / poor / offline" from measured facts, with the reasons a person can check.
 *
 * POOR_ROUND_TRIP_MS: above it the link counts as poor. A round trip of 300 ms is about 150 ms
 * each way, the one-way delay ITU-T G.114 gives as the limit for a comfortable conversation; the
 * site's link to the central server usually shares its path with the calls, so a slower server
 * round trip warns of choppy, talk-over calls before the customer complains. The figure is an
 * HTTP request to the server's health check (a trivial database query included), so it is a few
 * milliseconds above the bare network delay: a little strict, never lenient.
 */
export const POOR_ROUND_TRIP_MS = 300;

export type NetworkLevel = 'good' | 'poor' | 'offline' | 'checking';

export type NetworkReason = { kind: 'roundTrip'; ms: number } | { kind: 'noConnection' } | { kind: 'unreachable' } | { kind: 'phoneDown' } | { kind: 'notMeasured' };

export interface NetworkFacts {
  /** navigator.onLine: false means this computer has no network at all. */
  browserOnline: boolean;
  /** The host's measure of its link to the server; null before the host answered. */
  server: ServerLink | null;
  /** The phone's registration, when the phone is set up here (null: no phone on this console). */
  phone: RegistrationState | null;
}

export interface NetworkAssessment {
  level: NetworkLevel;
  /** What the level rests on, most telling first. */
  reasons: NetworkReason[];
}

/** A registration lost to the network (not a refused credential, which no network fixes). */
function phoneLost(phone: RegistrationState | null): boolean {
  if (!phone) return false;
  if (phone.status === 'unregistered') return true;
  return phone.status === 'failed' && (phone.problem === 'timeout' || phone.problem === 'connection');
}

export function assessNetwork({ browserOnline, server, phone }: NetworkFacts): NetworkAssessment {
  if (!browserOnline) return { level: 'offline', reasons: [{ kind: 'noConnection' }] };
  if (!server || server.measuredAt === null) return { level: 'checking', reasons: [{ kind: 'notMeasured' }] };
  if (!server.reachable) return { level: 'offline', reasons: [{ kind: 'unreachable' }, ...(phoneLost(phone) ? [{ kind: 'phoneDown' } as const] : [])] };
  const reasons: NetworkReason[] = [];
  const slow = server.roundTripMs !== null && server.roundTripMs > POOR_ROUND_TRIP_MS;
  if (phoneLost(phone)) reasons.push({ kind: 'phoneDown' });
  if (server.roundTripMs !== null) reasons.push({ kind: 'roundTrip', ms: server.roundTripMs });
  return { level: slow || phoneLost(phone) ? 'poor' : 'good', reasons };
}
