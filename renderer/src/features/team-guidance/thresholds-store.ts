import { create } from 'zustand';
import type { TeamThresholds } from '../../../../shared/api/policy-admin';
import type { ContractError } from '../../../../shared/contract';
import type { GuidanceThresholds } from '../../../../shared/guidance/triggers';
import { callHost } from '../../host-call';

export interface ThresholdsState {
  teams: TeamThresholds[];
  status: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'failed';
  error: ContractError | null;
  load(): Promise<void>;
  save(teamId: string, thresholds: GuidanceThresholds): Promise<void>;
}

export const thresholdsInitialState = { teams: [] as TeamThresholds[], status: 'idle' as ThresholdsState['status'], error: null };

/** The trigger thresholds of the teams the signed-in supervisor (or admin) may tune; saved on the server. */
export const useThresholdsStore = create<ThresholdsState>()((set, get) => ({
  ...thresholdsInitialState,

  async load() {
    set({ status: 'loading', error: null });
    const result = await callHost('thresholds.list', {});
    if (result.ok) set({ teams: result.value, status: 'ready' });
    else set({ status: 'failed', error: result.error });
  },

  async save(teamId, thresholds) {
    set({ status: 'saving', error: null });
    const result = await callHost('thresholds.save', { teamId, thresholds });
    if (!result.ok) {
      set({ status: 'failed', error: result.error });
      return;
    }
    set({ teams: get().teams.map((team) => (team.teamId === teamId ? result.value : team)), status: 'saved' });
  },
}));
