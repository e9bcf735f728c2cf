import { describe, expect, it } from 'vitest';
import { openTestCache, tempFile } from './cache-fixtures';

describe('the agent state log', () => {
  it('keeps each change with its time and queues it for the server in the same transaction', () => {
    let clock = Date.parse('2025-03-01T01:00:00Z');
    const cache = openTestCache(tempFile(), { now: () => new Date(clock) });
    expect(cache.agentStates.current()).toBeNull();

    cache.agentStates.change('available');
    clock += 90 * 60_000;
    const lunch = cache.agentStates.change('lunch', '  kain muna  ');

    expect(lunch).toMatchObject({ state: 'lunch', reason: 'kain muna', at: '2025-03-01T02:30:00.000Z' });
    expect(cache.agentStates.current()).toEqual(lunch);
    expect(cache.agentStates.recent(10).map((c) => c.state)).toEqual(['lunch', 'available']);
    expect(cache.pendingOutbox().map((e) => [e.kind, (e.payload as { state: string }).state])).toEqual([
      ['agent.state', 'available'],
      ['agent.state', 'lunch'],
    ]);
  });

  it('records nothing when the agent picks the state they are already in', () => {
    const cache = openTestCache(tempFile());
    const first = cache.agentStates.change('break', 'CR');
    expect(cache.agentStates.change('break', 'CR')).toEqual(first);
    expect(cache.outboxCounts().pending).toBe(1);
    // Same state, new reason: that is a change worth keeping.
    expect(cache.agentStates.change('break', 'coffee').reason).toBe('coffee');
    expect(cache.outboxCounts().pending).toBe(2);
  });

  it('refuses a state that does not exist and a reason too long to be one, writing nothing', () => {
    const cache = openTestCache(tempFile());
    expect(() => cache.agentStates.change('napping' as 'break')).toThrow(/agent state/);
    expect(() => cache.agentStates.change('break', 'x'.repeat(201))).toThrow(/reason/);
    expect(cache.agentStates.current()).toBeNull();
    expect(cache.outboxCounts().pending).toBe(0);
  });

  it('survives a restart: the console resumes the state it had', () => {
    const file = tempFile();
    const first = openTestCache(file);
    first.agentStates.change('training', 'new refund policy');
    first.close();
    expect(openTestCache(file).agentStates.current()).toMatchObject({ state: 'training', reason: 'new refund policy' });
  });
});
