import { describe, expect, it } from 'vitest';
import { qualityBetween, QUALITY_LIMITS, sampleOf } from '../../../renderer/src/features/phone/engine/call-quality';
import { endCauseOf } from '../../../renderer/src/features/phone/engine/end-cause';

describe('call quality from WebRTC stats', () => {
  const report = (inbound: object, extra: object[] = []) => [{ type: 'inbound-rtp', kind: 'audio', ...inbound }, ...extra] as { type: string }[];

  it('reads the inbound audio counters and the best round-trip figure', () => {
    expect(
      sampleOf(
        report({ packetsReceived: 500, packetsLost: 5, jitter: 0.012 }, [
          { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.05 },
          { type: 'remote-inbound-rtp', roundTripTime: 0.08 },
        ]),
      ),
    ).toEqual({ packetsReceived: 500, packetsLost: 5, jitter: 0.012, rtt: 0.08 });
    expect(sampleOf([{ type: 'outbound-rtp' }])).toBeNull();
  });

  it('counts loss over the interval only, so an old burst does not haunt the rest of the call', () => {
    const burst = { packetsReceived: 900, packetsLost: 100, jitter: 0.01, rtt: 0.05 };
    const calm = { packetsReceived: 1000, packetsLost: 100, jitter: 0.01, rtt: 0.05 };
    expect(qualityBetween(null, burst, 1)).toMatchObject({ lossPercent: 10, degraded: true });
    expect(qualityBetween(burst, calm, 2)).toMatchObject({ lossPercent: 0, jitterMs: 10, rttMs: 50, degraded: false });
  });

  it('warns past each limit', () => {
    const base = { packetsReceived: 1000, packetsLost: 0, jitter: 0, rtt: 0 };
    expect(qualityBetween(null, { ...base, jitter: (QUALITY_LIMITS.jitterMs + 1) / 1000 }, 0).degraded).toBe(true);
    expect(qualityBetween(null, { ...base, rtt: (QUALITY_LIMITS.rttMs + 1) / 1000 }, 0).degraded).toBe(true);
    expect(qualityBetween(null, { ...base, packetsLost: 40 }, 0).degraded).toBe(true);
    expect(qualityBetween(null, { ...base, rtt: null }, 0)).toMatchObject({ rttMs: null, degraded: false });
  });
});

describe('why a call ended, in the agent’s words', () => {
  const end = (over: Partial<Parameters<typeof endCauseOf>[0]>) =>
    endCauseOf({ originator: 'remote', cause: 'Terminated', status: null, direction: 'outbound', answered: true, ...over });

  it.each([
    [{ originator: 'local' }, 'hangup-local'],
    [{}, 'hangup-remote'],
    [{ direction: 'inbound', answered: false, cause: 'Canceled' }, 'missed'],
    [{ answered: false, cause: 'Canceled', originator: 'local' }, 'cancelled'],
    [{ direction: 'inbound', answered: false, originator: 'local', cause: 'Rejected', status: 486 }, 'rejected'],
    [{ answered: false, cause: 'Busy', status: 486 }, 'busy'],
    [{ answered: false, cause: 'Rejected', status: 603 }, 'busy'],
    [{ answered: false, cause: 'Rejected', status: 403 }, 'forbidden'],
    [{ answered: false, cause: 'Not Found', status: 404 }, 'not-found'],
    [{ answered: false, cause: 'Unavailable', status: 480 }, 'unavailable'],
    [{ answered: false, cause: 'Request Timeout', status: 408 }, 'no-answer'],
    [{ cause: 'Connection Error' }, 'connection-lost'],
    [{ cause: 'RTP Timeout' }, 'media-lost'],
    [{ answered: false, cause: 'User Denied Media Access' }, 'microphone-unavailable'],
    [{ answered: false, cause: 'Incompatible SDP', status: 488 }, 'failed'],
  ] as const)('%j → %s', (event, cause) => {
    expect(end(event)).toBe(cause);
  });
});
