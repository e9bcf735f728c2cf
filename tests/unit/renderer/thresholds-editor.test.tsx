// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamThresholds } from '../../../shared/api/policy-admin';
import { DEFAULT_GUIDANCE_THRESHOLDS, type GuidanceThresholds } from '../../../shared/guidance/triggers';
import { ThresholdsEditor } from '../../../renderer/src/features/team-guidance/ThresholdsEditor';
import { thresholdsInitialState, useThresholdsStore } from '../../../renderer/src/features/team-guidance/thresholds-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const team = (thresholds: GuidanceThresholds = DEFAULT_GUIDANCE_THRESHOLDS): TeamThresholds => ({
  teamId: 'team-ph-1',
  teamName: 'Manila Day',
  thresholds,
  custom: false,
  updatedAt: null,
  updatedBy: null,
});

const field = (root: HTMLElement, label: string) => {
  const input = [...root.querySelectorAll('label')].find((l) => l.textContent === label)?.control;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return input;
};

beforeEach(async () => {
  resetFakeHost();
  useThresholdsStore.setState(thresholdsInitialState);
  await switchUiLanguage('en');
});
afterEach(() => cleanup());

describe("a team's guidance thresholds", () => {
  it('shows the audio cues in seconds and decibels, and saves them with everything else the team had', async () => {
    const own = { ...DEFAULT_GUIDANCE_THRESHOLDS, reasonSituations: { ...DEFAULT_GUIDANCE_THRESHOLDS.reasonSituations }, triggers: { 'long-hold': { enabled: false } } };
    reply('thresholds.list', success([team(own)]));
    reply('thresholds.save', (input) => success({ ...team((input as { thresholds: GuidanceThresholds }).thresholds), custom: true, updatedAt: new Date().toISOString() }));
    const root = await render(<ThresholdsEditor />);
    const form = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="thresholds-team"]'), 'the team');
    expect(field(form, 'Customer louder than at the start by (dB)').value).toBe('10');
    expect(field(form, 'Talking over each other for (seconds)').value).toBe('2');
    expect(field(form, 'Silence on the line for (seconds)').value).toBe('10');

    await typeInto(field(form, 'Talking over each other for (seconds)'), '3.5');
    await typeInto(field(form, 'Silence on the line for (seconds)'), '15');
    await typeInto(field(form, 'Long hold after (seconds)'), '90');
    await click(byTestId(root, 'thresholds-team').querySelector('button')!);

    await waitFor(() => root.textContent?.includes("Saved. Your team's consoles pick it up on their next sync."), 'saved');
    const [saved] = callsTo('thresholds.save') as { teamId: string; thresholds: GuidanceThresholds }[];
    expect(saved!.teamId).toBe('team-ph-1');
    expect(saved!.thresholds).toEqual({
      ...own,
      longHoldSeconds: 90,
      audio: { ...own.audio, overtalkMs: 3_500, silenceMs: 15_000 },
    });
  });

  it('says a number is out of range when the server refuses it, and keeps what was typed', async () => {
    reply('thresholds.list', success([team()]));
    reply('thresholds.save', failure('INVALID_INPUT', 'audio.riseDb: too big'));
    const root = await render(<ThresholdsEditor />);
    const form = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="thresholds-team"]'), 'the team');
    await typeInto(field(form, 'Customer louder than at the start by (dB)'), '99');
    await click(form.querySelector('button')!);
    await waitFor(() => root.querySelector('[role="alert"]'), 'the error');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('A number is out of range. Check the fields and try again.');
    expect(field(form, 'Customer louder than at the start by (dB)').value).toBe('99');
  });
});
