import { create } from 'zustand';
import type { MyShift, TeamWeek } from '../../../../shared/api/schedules';
import type { ContractError } from '../../../../shared/contract';
import type { AgentSchedule, Shift, Weekday } from '../../../../shared/schedules/shift';
import { callHost } from '../../host-call';

/**
 * Schedules on the console: the supervisor's team week being edited (a draft of every agent's
 * pattern, saved in one request), and the agent's own shift today. The server decides who may read
 * or write a team's week; this store only keeps what the screen shows.
 */

/** What "add a shift" starts from: nine to six, a break mid-morning and mid-afternoon, lunch at noon. */
export const DEFAULT_SHIFT: Shift = {
  start: '09:00',
  end: '18:00',
  breaks: [
    { start: '10:30', minutes: 15 },
    { start: '15:30', minutes: 15 },
  ],
  meal: { start: '12:00', minutes: 60 },
};

export interface SchedulesState {
  teamId: string | null;
  week: TeamWeek | null;
  /** The agents' weeks as edited, in the team's order. */
  draft: AgentSchedule[];
  timeZone: string;
  graceMinutes: number;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  saving: boolean;
  dirty: boolean;
  /** When the last save went through (console time). */
  savedAt: number | null;
  problem: ContractError | null;

  myShift: MyShift | null;

  load(teamId: string): Promise<void>;
  setShift(agentId: string, day: Weekday, shift: Shift | null): void;
  /** One agent's shift on a weekday, for every agent of the team. */
  copyToAll(agentId: string, day: Weekday): void;
  setTimeZone(zone: string): void;
  setGrace(minutes: number): void;
  save(): Promise<boolean>;
  loadMyShift(): Promise<void>;
}

const initial = {
  teamId: null as string | null,
  week: null as TeamWeek | null,
  draft: [] as AgentSchedule[],
  timeZone: 'Asia/Manila',
  graceMinutes: 5,
  status: 'idle' as SchedulesState['status'],
  saving: false,
  dirty: false,
  savedAt: null as number | null,
  problem: null as ContractError | null,
  myShift: null as MyShift | null,
};

const fromWeek = (week: TeamWeek) => ({
  week,
  draft: week.schedule.agents,
  timeZone: week.schedule.timeZone,
  graceMinutes: week.schedule.graceMinutes,
  dirty: false,
});

export const useSchedulesStore = create<SchedulesState>()((set, get) => {
  const edit = (change: (draft: AgentSchedule[]) => AgentSchedule[]) => set((s) => ({ draft: change(s.draft), dirty: true }));
  return {
    ...initial,

    async load(teamId) {
      set({ teamId, status: 'loading', problem: null });
      const read = await callHost('schedules.teamWeek', { teamId });
      if (get().teamId !== teamId) return;
      set(read.ok ? { status: 'loaded', ...fromWeek(read.value) } : { status: 'failed', problem: read.error });
    },

    setShift(agentId, day, shift) {
      edit((draft) => draft.map((agent) => (agent.agentId === agentId ? { ...agent, pattern: { ...agent.pattern, [day]: shift } } : agent)));
    },

    copyToAll(agentId, day) {
      const shift = get().draft.find((agent) => agent.agentId === agentId)?.pattern[day] ?? null;
      edit((draft) => draft.map((agent) => ({ ...agent, pattern: { ...agent.pattern, [day]: shift } })));
    },

    setTimeZone(zone) {
      set({ timeZone: zone, dirty: true });
    },

    setGrace(minutes) {
      set({ graceMinutes: minutes, dirty: true });
    },

    async save() {
      const { teamId, draft, timeZone, graceMinutes, saving } = get();
      if (!teamId || saving) return false;
      set({ saving: true, problem: null });
      const saved = await callHost('schedules.saveTeamWeek', { teamId, week: { timeZone, graceMinutes, agents: draft } });
      if (!saved.ok) {
        set({ saving: false, problem: saved.error });
        return false;
      }
      set({ saving: false, savedAt: Date.now(), ...fromWeek(saved.value) });
      return true;
    },

    async loadMyShift() {
      const read = await callHost('schedules.myShift', {});
      // Offline, the shift read earlier today stays on screen.
      if (read.ok) set({ myShift: read.value });
    },
  };
});

export function resetSchedulesStore(): void {
  useSchedulesStore.setState(initial);
}
