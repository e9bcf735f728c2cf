import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createScheduler, PromptLogEntry, type SchedulerState, type SchedulerStep } from '../../../shared/guidance/triggers-scheduler';
import {
  agentFiring,
  audioCueFiring,
  clockFirings,
  DEFAULT_GUIDANCE_THRESHOLDS,
  GuidanceThresholds,
  historyFirings,
  reasonFiring,
  TriggerFiring,
  type TriggerId,
} from '../../../shared/guidance/triggers';

const S = 1_000;
const DAY = 86_400_000;
const fire = (trigger: TriggerId, at: number, extra: Partial<TriggerFiring> = {}): TriggerFiring => TriggerFiring.parse({ trigger, at, ...extra });

/** A call, driven the way the store will: each action at a time, the state carried along. */
function call(thresholds = DEFAULT_GUIDANCE_THRESHOLDS) {
  const scheduler = createScheduler({ thresholds });
  let state: SchedulerState = scheduler.initial();
  const run = (next: SchedulerStep) => {
    state = next.state;
    return next;
  };
  return {
    offer: (firing: TriggerFiring, now = firing.at) => run(scheduler.offer(state, firing, now)),
    follow: (now: number) => run(scheduler.follow(state, state.showing!.id, now)),
    dismiss: (now: number) => run(scheduler.dismiss(state, state.showing!.id, now)),
    tick: (now: number) => run(scheduler.tick(state, now)),
    end: (now: number) => run(scheduler.endCall(state, now)),
    get showing() {
      return state.showing?.trigger ?? null;
    },
    get state() {
      return state;
    },
  };
}

describe('what the agent sees', () => {
  it('shows the first prompt at once, and never hides one the agent is reading', () => {
    const c = call();
    expect(c.offer(fire('vip-customer', 0)).outcome).toBe('shown');
    expect(c.offer(fire('customer-level-rise', 5 * S)).outcome).toBe('queued');
    expect(c.showing).toBe('vip-customer');
  });

  it('takes waiting prompts highest priority first, then the oldest', () => {
    const c = call();
    c.offer(fire('call-over-target', 0));
    c.offer(fire('vip-customer', 1 * S));
    c.offer(fire('repeat-complaint', 2 * S));
    c.offer(fire('at-risk-customer', 3 * S));
    c.offer(fire('open-case', 4 * S, { situation: 'defective-product' }));
    const order: (TriggerId | null)[] = [];
    for (let now = 70 * S; order.length < 4; now += 70 * S) order.push(c.dismiss(now).showing?.trigger ?? null);
    expect(order).toEqual(['repeat-complaint', 'open-case', 'at-risk-customer', 'vip-customer']);
  });

  it('shows the next prompt only when the agent followed or dismissed the current one', () => {
    const c = call();
    c.offer(fire('repeat-complaint', 0));
    c.offer(fire('vip-customer', 1 * S));
    expect(c.tick(50 * S).showing?.trigger).toBe('repeat-complaint');
    expect(c.follow(51 * S).showing?.trigger).toBe('vip-customer');
  });

  it('does not offer a script already on screen or waiting', () => {
    const c = call();
    c.offer(fire('customer-level-rise', 0));
    expect(c.offer(fire('overtalk', 1 * S)).outcome).toBe('duplicate');
    c.offer(fire('vip-customer', 2 * S));
    expect(c.offer(fire('vip-customer', 3 * S, { situation: 'cross-sell-eligible' })).outcome).toBe('call-limit');
    expect(c.offer(fire('call-reason', 4 * S, { situation: 'cross-sell-eligible' })).outcome).toBe('duplicate');
  });
});

describe('cooldowns, limits and the cap', () => {
  it('ignores a trigger within its cooldown and takes it again after', () => {
    const c = call();
    c.offer(fire('customer-level-rise', 0));
    c.dismiss(10 * S);
    expect(c.offer(fire('customer-level-rise', 60 * S)).outcome).toBe('cooldown');
    expect(c.offer(fire('customer-level-rise', 121 * S)).outcome).toBe('shown');
    expect(c.state.tally['customer-level-rise']).toEqual({ shown: 2, cooldown: 1 });
  });

  it('takes a history trigger once per call, however often it is checked', () => {
    const c = call();
    c.offer(fire('vip-customer', 0));
    c.dismiss(1 * S);
    expect(c.offer(fire('vip-customer', 300 * S)).outcome).toBe('call-limit');
  });

  it('shows at most three unrequested prompts a minute; the fourth waits for the minute to pass', () => {
    const c = call();
    const triggers: TriggerId[] = ['repeat-complaint', 'vip-customer', 'at-risk-customer'];
    triggers.forEach((trigger, i) => {
      expect(c.offer(fire(trigger, i * 10 * S)).outcome).toBe('shown');
      c.follow(i * 10 * S + 5 * S);
    });
    expect(c.offer(fire('call-over-target', 30 * S)).outcome).toBe('queued');
    expect(c.showing).toBeNull();
    expect(c.tick(59 * S).showing).toBeNull();
    expect(c.tick(60 * S).showing?.trigger).toBe('call-over-target');
  });

  it('lets the agent’s own request through the cap, and it does not use up the minute', () => {
    const c = call(GuidanceThresholds.parse({ maxPromptsPerMinute: 1 }));
    c.offer(fire('repeat-complaint', 0));
    c.dismiss(1 * S);
    expect(c.offer(agentFiring('hotkey', 2 * S)).outcome).toBe('shown');
    c.dismiss(3 * S);
    expect(c.offer(fire('vip-customer', 4 * S)).outcome).toBe('queued');
    expect(c.tick(61 * S).showing?.trigger).toBe('vip-customer');
  });

  it('drops an audio prompt that waited past its moment; history prompts wait all call', () => {
    const c = call();
    c.offer(fire('repeat-complaint', 0));
    c.offer(fire('overtalk', 5 * S));
    c.offer(fire('vip-customer', 6 * S));
    expect(c.dismiss(40 * S).showing?.trigger).toBe('vip-customer');
    expect(c.state.log.filter((e) => e.event === 'expired').map((e) => e.trigger)).toEqual(['overtalk']);
  });
});

describe('the agent asking for help', () => {
  it('the hotkey opens the customer-upset script at once; what it covered comes back after', () => {
    const c = call();
    c.offer(fire('vip-customer', 0));
    const step = c.offer(agentFiring('hotkey', 2 * S));
    expect(step.outcome).toBe('shown');
    expect(step.showing).toMatchObject({ trigger: 'customer-upset', situation: 'customer-upset', via: 'hotkey' });
    expect(c.dismiss(20 * S).showing?.trigger).toBe('vip-customer');
  });

  it('the hotkey while that script already shows changes nothing; a waiting one is brought forward', () => {
    const c = call();
    c.offer(fire('customer-level-rise', 0));
    expect(c.offer(agentFiring('button', 1 * S)).outcome).toBe('duplicate');

    const d = call();
    d.offer(fire('repeat-complaint', 0));
    d.offer(fire('long-hold', 1 * S));
    expect(d.offer(agentFiring('button', 2 * S)).showing?.trigger).toBe('customer-upset');
    expect(d.state.queue.map((p) => p.trigger)).toEqual(['repeat-complaint']);
  });
});

describe('the log kept for coaching', () => {
  it('records every prompt taken, shown, followed, dismissed, set aside, dropped or left open', () => {
    const c = call();
    c.offer(fire('customer-level-rise', 0, { detail: { baselineDb: -36, levelDb: -15 } }));
    c.offer(fire('repeat-complaint', 10 * S));
    c.follow(12 * S);
    c.offer(fire('overtalk', 13 * S));
    c.offer(agentFiring('hotkey', 40 * S));
    c.offer(fire('vip-customer', 41 * S));
    c.end(50 * S);
    expect(c.state.log.map((e) => [e.at / S, e.event, e.trigger])).toEqual([
      [0, 'queued', 'customer-level-rise'],
      [0, 'shown', 'customer-level-rise'],
      [10, 'queued', 'repeat-complaint'],
      [12, 'followed', 'customer-level-rise'],
      [12, 'shown', 'repeat-complaint'],
      [13, 'queued', 'overtalk'],
      // The agent asked for the script overtalk was waiting to open: theirs replaces it.
      [40, 'merged', 'overtalk'],
      [40, 'set-aside', 'repeat-complaint'],
      [40, 'shown', 'customer-upset'],
      [41, 'queued', 'vip-customer'],
      [50, 'closed', 'customer-upset'],
      [50, 'closed', 'repeat-complaint'],
      [50, 'closed', 'vip-customer'],
    ]);
    // The log crosses to the call record as it is: it passes the schema the host will check it with.
    expect(z.array(PromptLogEntry).parse(c.state.log)).toEqual(c.state.log);
    expect(c.state.tally).toEqual({
      'customer-level-rise': { shown: 1 },
      'repeat-complaint': { queued: 1 },
      overtalk: { queued: 1 },
      'customer-upset': { shown: 1 },
      'vip-customer': { queued: 1 },
    });
    expect(c.showing).toBeNull();
  });

  it('is the same log for the same firings: the scheduler holds no clock of its own', () => {
    const replay = () => {
      const c = call();
      c.offer(fire('overtalk', 0));
      c.offer(fire('long-silence', 1 * S));
      c.dismiss(2 * S);
      return c.state;
    };
    expect(replay()).toEqual(replay());
  });
});

describe('team thresholds', () => {
  it('has defaults for everything, and refuses nonsense', () => {
    expect(DEFAULT_GUIDANCE_THRESHOLDS).toMatchObject({ maxPromptsPerMinute: 3, repeatComplaintDays: 30, longHoldSeconds: 60, audio: { speechDb: -45, riseDb: 10 } });
    expect(GuidanceThresholds.safeParse({ audio: { speechDb: 5 } }).success).toBe(false);
    expect(GuidanceThresholds.safeParse({ triggers: { 'made-up': { enabled: false } } }).success).toBe(false);
    expect(GuidanceThresholds.safeParse({ maxPromptsPerMinute: 0 }).success).toBe(false);
    expect(GuidanceThresholds.safeParse({ triggers: { 'vip-customer': { opens: 'no-such-script' } } }).success).toBe(false);
  });

  it('a team can switch a trigger off or change what it opens', () => {
    const c = call(GuidanceThresholds.parse({ triggers: { 'long-silence': { enabled: false }, 'vip-customer': { opens: 'customer-upset', priority: 90 } } }));
    expect(c.offer(fire('long-silence', 0)).outcome).toBe('disabled');
    expect(c.offer(fire('vip-customer', 1 * S)).showing).toMatchObject({ situation: 'customer-upset', priority: 90 });
  });
});

describe('turning what is known into firings', () => {
  const now = 100 * DAY;
  const history = { tags: [] as string[], complaintTimes: [] as number[], openCases: 0, openEscalations: 0 };

  it('a complaint in the last 30 days is a repeat complaint; one from 31 days ago is not', () => {
    expect(historyFirings({ ...history, complaintTimes: [now - 29 * DAY] }, now, DEFAULT_GUIDANCE_THRESHOLDS).map((f) => f.trigger)).toEqual(['repeat-complaint']);
    expect(historyFirings({ ...history, complaintTimes: [now - 31 * DAY] }, now, DEFAULT_GUIDANCE_THRESHOLDS)).toEqual([]);
  });

  it('an open case or escalation, a VIP or an at-risk tag each fire', () => {
    const firings = historyFirings({ ...history, tags: ['vip', 'at-risk', 'new'], openEscalations: 1 }, now, DEFAULT_GUIDANCE_THRESHOLDS);
    expect(firings.map((f) => f.trigger)).toEqual(['open-case', 'vip-customer', 'at-risk-customer']);
  });

  it('a call past its call type’s target, and a hold past the limit', () => {
    const thresholds = GuidanceThresholds.parse({ callTargetSeconds: { default: 300, 'tech-support': 900 } });
    const clock = { callType: 'tech-support', answeredAt: 0, heldSince: null };
    expect(clockFirings(clock, 600 * S, thresholds)).toEqual([]);
    expect(clockFirings({ ...clock, callType: 'billing' }, 600 * S, thresholds).map((f) => f.trigger)).toEqual(['call-over-target']);
    expect(clockFirings({ ...clock, heldSince: 530 * S }, 600 * S, thresholds).map((f) => f.detail)).toEqual([{ heldSeconds: 70 }]);
  });

  it('a call reason opens its script; a reason without one opens nothing', () => {
    expect(reasonFiring('refund_initiated', 0, DEFAULT_GUIDANCE_THRESHOLDS)).toMatchObject({ trigger: 'call-reason', situation: 'refund-outside-window' });
    expect(reasonFiring('order_status', 0, DEFAULT_GUIDANCE_THRESHOLDS)).toBeNull();
    expect(reasonFiring('constructor', 0, DEFAULT_GUIDANCE_THRESHOLDS)).toBeNull();
  });

  it('an audio cue keeps what was measured', () => {
    const firing = audioCueFiring({ kind: 'customer-level-rise', at: 5, durationMs: 1_100, baselineDb: -36, levelDb: -15.5 });
    expect(firing).toEqual({ trigger: 'customer-level-rise', at: 5, via: 'audio', situation: null, detail: { durationMs: 1_100, baselineDb: -36, levelDb: -15.5 } });
  });
});
