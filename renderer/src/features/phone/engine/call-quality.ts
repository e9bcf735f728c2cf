import type { CallQuality } from '../../../../../shared/phone/phone-protocol';

/**
 * Call quality from WebRTC statistics, reduced to the three figures a supervisor asks about:
 * packet loss, jitter and round-trip time. A call is "degraded" past the limits below, which are
 * where listeners start to notice (ITU-T G.114 puts the comfortable one-way delay under 150 ms).
 */
export const QUALITY_LIMITS = { lossPercent: 3, jitterMs: 30, rttMs: 300 } as const;

/** Cumulative counters from one getStats() report. */
export interface StatsSample {
  packetsReceived: number;
  packetsLost: number;
  /** Seconds, as the stats report it. */
  jitter: number;
  /** Seconds, when known. */
  rtt: number | null;
}

type StatsEntry = Record<string, unknown> & { type: string };

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The inbound audio counters and the best round-trip figure a report offers. */
export function sampleOf(report: Iterable<StatsEntry>): StatsSample | null {
  let inbound: StatsEntry | null = null;
  let rtt: number | null = null;
  for (const entry of report) {
    if (entry.type === 'inbound-rtp' && (entry.kind === 'audio' || entry.mediaType === 'audio')) inbound = entry;
    if (entry.type === 'remote-inbound-rtp' && num(entry.roundTripTime) !== null) rtt = num(entry.roundTripTime);
    if (entry.type === 'candidate-pair' && entry.nominated === true && entry.state === 'succeeded' && rtt === null) {
      rtt = num(entry.currentRoundTripTime);
    }
  }
  if (!inbound) return null;
  return {
    packetsReceived: num(inbound.packetsReceived) ?? 0,
    packetsLost: Math.max(0, num(inbound.packetsLost) ?? 0),
    jitter: num(inbound.jitter) ?? 0,
    rtt,
  };
}

/** Quality over the interval between two samples (loss counts only what happened in between). */
export function qualityBetween(previous: StatsSample | null, next: StatsSample, at: number): CallQuality {
  const received = next.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = next.packetsLost - (previous?.packetsLost ?? 0);
  const expected = received + lost;
  const lossPercent = expected > 0 ? Math.min(100, Math.max(0, (lost / expected) * 100)) : 0;
  const jitterMs = next.jitter * 1000;
  const rttMs = next.rtt === null ? null : next.rtt * 1000;
  const degraded =
    lossPercent > QUALITY_LIMITS.lossPercent || jitterMs > QUALITY_LIMITS.jitterMs || (rttMs !== null && rttMs > QUALITY_LIMITS.rttMs);
  return { lossPercent: round(lossPercent), jitterMs: round(jitterMs), rttMs: rttMs === null ? null : round(rttMs), degraded, at };
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** Reads one peer connection's stats; null when the browser has none yet. */
export async function readSample(connection: RTCPeerConnection): Promise<StatsSample | null> {
  const report = await connection.getStats();
  return sampleOf(report.values() as Iterable<StatsEntry>);
}
