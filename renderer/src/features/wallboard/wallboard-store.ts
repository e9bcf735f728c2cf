import { create } from 'zustand';
import type { TeamFigures, Wallboard } from '../../../../shared/api/wallboard';
import type { WallboardFilter, WallboardSort } from '../../../../shared/wallboard/wallboard-view';
import { callHost } from '../../host-call';
import { host } from '../../host/client';

/**
 * The supervisor's wallboard: the board the host sends (`wallboard.snapshot`, then every
 * `wallboard.changed`), the supervisor's sort and filter, and today's figures. The figures come
 * from synced records and change slowly: read on open, on "refresh" and every few minutes.
 */

export interface WallboardState {
  board: Wallboard | null;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  /** When the host's last board arrived (ms): the page shows "live" from it. */
  receivedAt: number | null;
  sort: WallboardSort;
  filter: WallboardFilter;
  teamId: string | null;
  text: string;
  figures: TeamFigures | null;
  figuresStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** Follows the host's board and refreshes the figures; answers the stop. */
  start(): () => void;
  load(): Promise<void>;
  loadFigures(now?: Date): Promise<void>;
  setSort(sort: WallboardSort): void;
  setFilter(filter: WallboardFilter): void;
  setTeam(teamId: string | null): void;
  setText(text: string): void;
}

const FIGURES_EVERY_MS = 5 * 60_000;
const RETRY_MS = 5_000;

/** The supervisor's midnight today, as the start of "today's figures". */
export function midnight(now: Date): string {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}

export const wallboardInitialState = {
  board: null as Wallboard | null,
  status: 'idle' as WallboardState['status'],
  receivedAt: null as number | null,
  sort: 'status' as WallboardSort,
  filter: 'all' as WallboardFilter,
  teamId: null as string | null,
  text: '',
  figures: null as TeamFigures | null,
  figuresStatus: 'idle' as WallboardState['figuresStatus'],
};

export const useWallboardStore = create<WallboardState>()((set, get) => ({
  ...wallboardInitialState,

  start() {
    const stopEvents = host.on('wallboard.changed', (board) => set({ board, status: 'loaded', receivedAt: Date.now() }));
    void get().load();
    void get().loadFigures();
    const figures = setInterval(() => void get().loadFigures(), FIGURES_EVERY_MS);
    // A failed first read (the server restarting) is tried again; after that the host's events carry it.
    const retry = setInterval(() => {
      if (get().status === 'failed') void get().load();
    }, RETRY_MS);
    return () => {
      stopEvents();
      clearInterval(figures);
      clearInterval(retry);
    };
  },

  async load() {
    if (get().board === null) set({ status: 'loading' });
    const result = await callHost('wallboard.snapshot', {});
    if (result.ok) set({ board: result.value, status: 'loaded', receivedAt: Date.now() });
    else set({ status: get().board === null ? 'failed' : get().status });
  },

  async loadFigures(now = new Date()) {
    set({ figuresStatus: 'loading' });
    const result = await callHost('wallboard.figures', { since: midnight(now) });
    if (result.ok) set({ figures: result.value, figuresStatus: 'loaded' });
    else set({ figuresStatus: 'failed' });
  },

  setSort: (sort) => set({ sort }),
  setFilter: (filter) => set({ filter }),
  setTeam: (teamId) => set({ teamId }),
  setText: (text) => set({ text }),
}));
