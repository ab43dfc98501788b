// Live overview updates: while anyone listens, the hub checks a cheap fingerprint every pollMs and,
// when it moved, recomputes the overview once (one query for everyone) and sends each listener the
// rows that changed and that it may see. Listeners never make the database work per connection.
import type { OverviewDeps, OverviewItem } from './overview.ts';
import { buildOverview } from './overview.ts';
import { overviewVersion } from '../../db/store/dashboard-overview.ts';

export type Listener = { agencyId: number | null; send: (changed: OverviewItem[]) => void; end: () => void };

export type LiveHub = {
  /** Adds a listener once the hub has a baseline and returns that baseline (the rows the listener
   *  may see): every later change reaches the listener, in order, on the same stream. */
  subscribe(l: Listener): Promise<{ snapshot: OverviewItem[]; unsubscribe: () => void }>;
  close(): void;
  pollOnce(): Promise<void>;
};

/** lingerMs: how long the hub keeps its overview warm after the last listener left (a reload or
 *  the next operator then gets the snapshot without waiting for the query). */
export function startLiveHub(deps: OverviewDeps & { pollMs: number; lingerMs?: number; onError: (err: unknown) => void }): LiveHub {
  const listeners = new Set<Listener>();
  let last = new Map<string, string>();
  let current: OverviewItem[] = [];
  let version = '';
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> | null = null;
  let idleSince: number | null = null;
  const lingerMs = deps.lingerMs ?? 5 * 60_000;
  const running = () => listeners.size > 0 || (idleSince !== null && deps.now() - idleSince < lingerMs);

  const poll = async () => {
    const v = `${await overviewVersion(deps.db)}/${Math.floor(deps.now() / 60_000)}`;
    if (v === version) return;
    const { items } = await buildOverview(deps, null);
    version = v;
    const next = new Map(items.map((i) => [i.id, JSON.stringify(i)]));
    const changed = items.filter((i) => last.get(i.id) !== next.get(i.id));
    last = next;
    current = items;
    if (changed.length === 0) return;
    for (const l of listeners) {
      const mine = l.agencyId === null ? changed : changed.filter((i) => i.agencyId === l.agencyId);
      if (mine.length) l.send(mine);
    }
  };
  const pollOnce = () => (busy ??= poll().catch(deps.onError).finally(() => { busy = null; }));
  let looping = false;
  const loop = () => {
    looping = true;
    clearTimeout(timer);
    timer = setTimeout(() => void pollOnce().then(() => {
      if (running()) return loop();
      looping = false; version = ''; idleSince = null;
    }), deps.pollMs);
  };

  return {
    async subscribe(l) {
      if (!looping) version = ''; // a stopped hub recomputes; a running one only checks the fingerprint
      await (busy ?? pollOnce());
      listeners.add(l);
      idleSince = null;
      if (!looping) loop(); // (re)start: the loop may have stopped while this awaited
      const snapshot = l.agencyId === null ? current : current.filter((i) => i.agencyId === l.agencyId);
      return { snapshot, unsubscribe: () => { listeners.delete(l); if (listeners.size === 0) idleSince = deps.now(); } };
    },
    /** Ends every listener's stream (a process shutting down must not wait on open streams). */
    close() { for (const l of listeners) l.end(); listeners.clear(); idleSince = null; looping = false; clearTimeout(timer); },
    pollOnce,
  };
}
