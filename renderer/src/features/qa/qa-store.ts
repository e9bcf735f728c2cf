import { create } from 'zustand';
import type { QaCall, QaEvaluation } from '../../../../shared/api/qa';
import type { ContractError } from '../../../../shared/contract';
import type { RubricMark } from '../../../../shared/roleplay/scoring';
import { callHost } from '../../host-call';

/**
 * Quality evaluations on the console. The supervisor's side: the agent and call picked, the marks
 * given (the latest per criterion counts, as the server scores it) and the feedback. The agent's
 * side: their evaluations, the one open, and acknowledging it. The server decides who may do what.
 */
export interface QaState {
  agentId: string | null;
  calls: QaCall[];
  callsStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  callId: string | null;
  marks: RubricMark[];
  feedback: string;
  saving: boolean;
  /** The evaluation just saved, shown until another call is picked. */
  saved: QaEvaluation | null;
  /** The picked agent's evaluations, newest first, with whether they acknowledged them. */
  agentEvaluations: QaEvaluation[];

  evaluations: QaEvaluation[];
  evaluationsStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  openId: string | null;
  acknowledging: boolean;
  problem: ContractError | null;

  pickAgent(agentId: string | null): Promise<void>;
  pickCall(callId: string | null): void;
  mark(criterionId: string, levelId: string): void;
  setFeedback(text: string): void;
  save(): Promise<boolean>;
  loadEvaluations(): Promise<void>;
  open(id: string | null): void;
  acknowledge(id: string, comment: string): Promise<boolean>;
}

const initial = {
  agentId: null as string | null,
  calls: [] as QaCall[],
  callsStatus: 'idle' as QaState['callsStatus'],
  callId: null as string | null,
  marks: [] as RubricMark[],
  feedback: '',
  saving: false,
  saved: null as QaEvaluation | null,
  agentEvaluations: [] as QaEvaluation[],
  evaluations: [] as QaEvaluation[],
  evaluationsStatus: 'idle' as QaState['evaluationsStatus'],
  openId: null as string | null,
  acknowledging: false,
  problem: null as ContractError | null,
};

const fresh = { callId: null, marks: [], feedback: '', saved: null, problem: null };

export const useQaStore = create<QaState>()((set, get) => ({
  ...initial,

  async pickAgent(agentId) {
    set({ agentId, calls: [], agentEvaluations: [], callsStatus: agentId ? 'loading' : 'idle', ...fresh });
    if (!agentId) return;
    const [read, history] = await Promise.all([callHost('qa.calls', { agentId }), callHost('qa.evaluations', { agentId })]);
    if (get().agentId !== agentId) return;
    set(read.ok ? { calls: read.value, callsStatus: 'loaded' } : { callsStatus: 'failed', problem: read.error });
    if (history.ok) set({ agentEvaluations: history.value });
  },

  pickCall(callId) {
    set({ ...fresh, callId });
  },

  mark(criterionId, levelId) {
    // Marked after the call, not during it: every mark at 0 ms, the one given last counts.
    set((s) => ({ marks: [...s.marks.filter((m) => m.criterionId !== criterionId), { criterionId, levelId, atMs: 0 }] }));
  },

  setFeedback(text) {
    set({ feedback: text });
  },

  async save() {
    const { agentId, callId, marks, feedback } = get();
    if (!agentId || !callId || marks.length === 0 || feedback.trim() === '') return false;
    set({ saving: true, problem: null });
    const saved = await callHost('qa.evaluate', {
      agentId,
      callId,
      marks: marks.map(({ criterionId, levelId }) => ({ criterionId, levelId })),
      feedback,
    });
    if (!saved.ok) {
      set({ saving: false, problem: saved.error });
      return false;
    }
    set((s) => ({
      saving: false,
      saved: saved.value,
      marks: [],
      feedback: '',
      calls: s.calls.map((c) => (c.callId === callId ? { ...c, evaluations: c.evaluations + 1 } : c)),
      agentEvaluations: [saved.value, ...s.agentEvaluations],
    }));
    return true;
  },

  async loadEvaluations() {
    set({ evaluationsStatus: 'loading', problem: null });
    const read = await callHost('qa.evaluations', {});
    set(read.ok ? { evaluations: read.value, evaluationsStatus: 'loaded' } : { evaluationsStatus: 'failed', problem: read.error });
  },

  open(id) {
    set({ openId: id, problem: null });
  },

  async acknowledge(id, comment) {
    set({ acknowledging: true, problem: null });
    const done = await callHost('qa.acknowledge', { evaluationId: id, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    if (!done.ok) {
      set({ acknowledging: false, problem: done.error });
      return false;
    }
    set((s) => ({ acknowledging: false, evaluations: s.evaluations.map((e) => (e.id === id ? done.value : e)) }));
    return true;
  },
}));

/** Tests start each case from a clean store. */
export const resetQaStore = () => useQaStore.setState(initial);
