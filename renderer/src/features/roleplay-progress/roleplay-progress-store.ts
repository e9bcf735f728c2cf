import { create } from 'zustand';
import type { ContractError, RecordingAudio } from '../../../../shared/contract';
import type { ProgressResponse, RolePlaySession } from '../../../../shared/api/roleplay';
import type { Scenario } from '../../../../shared/roleplay/scenario';
import { callHost } from '../../host-call';
import type { SessionFilter } from './session-filter';

/**
 * Role-play after the call: the sessions a trainer reviews (their teams') or an agent reads (their
 * own), a peer session scored by a trainer listening to its recording, and progress over
 * sessions. Apart from the role-play store, which runs the live call: this pane reads and scores
 * sessions that are over, often days later, while a new call may be running beside it.
 */

export interface ProgressReplay {
  sessionId: string;
  audio: RecordingAudio | null;
  loading: boolean;
  error: ContractError | null;
}

export interface RolePlayProgressState {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  sessions: RolePlaySession[];
  /** For criterion and level names; sessions carry their own titles. */
  scenarios: Scenario[];
  progress: ProgressResponse | null;
  filter: SessionFilter;
  /** The session being read or reviewed. */
  opened: RolePlaySession | null;
  replay: ProgressReplay | null;
  /** Feedback on its way to the server. */
  finishing: boolean;
  /** Why the list could not be loaded. */
  problem: ContractError | null;
  /** Why progress could not be loaded (the list still shows). */
  progressProblem: ContractError | null;
  /** Why opening, marking or finishing a session failed. */
  sessionProblem: ContractError | null;

  load(): Promise<void>;
  setFilter(filter: SessionFilter): void;
  open(sessionId: string): Promise<void>;
  close(): void;
  /** A trainer's mark on a peer session, at the replay's current time. */
  mark(criterionId: string, levelId: string, atMs: number): Promise<void>;
  finish(feedback: string): Promise<boolean>;
}

const initial = {
  status: 'idle' as RolePlayProgressState['status'],
  sessions: [] as RolePlaySession[],
  scenarios: [] as Scenario[],
  progress: null as ProgressResponse | null,
  filter: 'to-review' as SessionFilter,
  opened: null as RolePlaySession | null,
  replay: null as ProgressReplay | null,
  finishing: false,
  problem: null as ContractError | null,
  progressProblem: null as ContractError | null,
  sessionProblem: null as ContractError | null,
};

/** The session last asked to open; an answer for an older one (or after closing) is dropped. */
let opening: string | null = null;

export const useRolePlayProgressStore = create<RolePlayProgressState>()((set, get) => {
  /** The server's newer copy of a session, in the list and in the open view. */
  const keep = (session: RolePlaySession) =>
    set((s) => ({
      sessions: s.sessions.map((each) => (each.id === session.id ? session : each)),
      opened: s.opened?.id === session.id ? session : s.opened,
    }));

  const loadProgress = async () => {
    const read = await callHost('roleplay.progress', {});
    set(read.ok ? { progress: read.value, progressProblem: null } : { progressProblem: read.error });
  };

  const loadReplay = async (session: RolePlaySession) => {
    if (!session.recording) {
      set({ replay: { sessionId: session.id, audio: null, loading: false, error: null } });
      return;
    }
    if (get().replay?.sessionId === session.id && (get().replay?.audio || get().replay?.loading)) return;
    set({ replay: { sessionId: session.id, audio: null, loading: true, error: null } });
    const read = await callHost('roleplay.recording', { sessionId: session.id });
    if (get().replay?.sessionId !== session.id) return;
    set({ replay: { sessionId: session.id, audio: read.ok ? read.value : null, loading: false, error: read.ok ? null : read.error } });
  };

  return {
    ...initial,

    async load() {
      if (get().status === 'loading') return;
      set({ status: 'loading', problem: null });
      const [sessions, scenarios] = await Promise.all([callHost('roleplay.sessions', {}), callHost('roleplay.scenarios', {}), loadProgress()]);
      if (!sessions.ok) {
        set({ status: 'failed', problem: sessions.error });
        return;
      }
      // Without scenarios the list still reads; criteria show by their ids.
      set({ status: 'loaded', sessions: sessions.value, scenarios: scenarios.ok ? scenarios.value : get().scenarios });
    },

    setFilter(filter) {
      set({ filter });
    },

    async open(sessionId) {
      opening = sessionId;
      set({ opened: get().sessions.find((s) => s.id === sessionId) ?? null, sessionProblem: null });
      // The list may be minutes old: a peer session may have been scored by another trainer since.
      const read = await callHost('roleplay.session', { sessionId });
      if (opening !== sessionId) return;
      if (!read.ok) {
        set({ sessionProblem: read.error });
        return;
      }
      set({ opened: read.value });
      keep(read.value);
      void loadReplay(read.value);
    },

    close() {
      opening = null;
      set({ opened: null, replay: null, sessionProblem: null });
    },

    async mark(criterionId, levelId, atMs) {
      const opened = get().opened;
      if (!opened || opened.status === 'scored') return;
      const mark = { criterionId, levelId, atMs: Math.max(0, Math.round(atMs)) };
      const saved = await callHost('roleplay.mark', { sessionId: opened.id, mark });
      if (!saved.ok) set({ sessionProblem: saved.error });
      else {
        set({ sessionProblem: null });
        keep(saved.value);
      }
    },

    async finish(feedback) {
      const opened = get().opened;
      if (!opened || opened.status === 'scored' || get().finishing || feedback.trim() === '') return false;
      set({ finishing: true, sessionProblem: null });
      const finished = await callHost('roleplay.finish', { sessionId: opened.id, feedback: feedback.trim() });
      set({ finishing: false });
      if (!finished.ok) {
        set({ sessionProblem: finished.error });
        return false;
      }
      keep(finished.value);
      // The new score moves the trainee's lines and the team's weakest criteria.
      void loadProgress();
      return true;
    },
  };
});

/** For tests: forget everything. */
export function resetRolePlayProgressStore(): void {
  opening = null;
  useRolePlayProgressStore.setState(initial);
}
