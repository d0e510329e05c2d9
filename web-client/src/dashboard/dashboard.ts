import { Store } from "../app/store";
import { listRooms, type DashboardRoom, type Filters, type RoomStatus } from "./api";

export interface DashboardState {
  filters: Filters;
  rooms: DashboardRoom[];
  loading: boolean;
  error: string;
}

export const GROUPS: [RoomStatus, string][] = [
  ["live", "Live"],
  ["upcoming", "Upcoming"],
  ["past", "Past"],
];

/** How often the list (and who is connected) is asked for again while the page is visible. */
export const REFRESH_MS = 10_000;

/**
 * The dashboard's state: the filters, the rooms they select (grouped by the view), and a light
 * poll that keeps the live indicator current. Answers to an older query are dropped.
 */
export class Dashboard {
  readonly store = new Store<DashboardState>({ filters: { interviewer: "all" }, rooms: [], loading: true, error: "" });
  private query = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly list: typeof listRooms = listRooms) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => {
      if (document.visibilityState === "visible") void this.refresh();
    }, REFRESH_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  setFilters(changes: Partial<Filters>): void {
    this.store.update({ filters: { ...this.store.value.filters, ...changes } });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const query = ++this.query;
    this.store.update({ loading: true });
    try {
      const rooms = await this.list(this.store.value.filters);
      if (query === this.query) this.store.update({ rooms, loading: false, error: "" });
    } catch (e) {
      if (query === this.query) this.store.update({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The rooms of one group, in the server's order (the viewer's own first). */
  static group(rooms: DashboardRoom[], status: RoomStatus): DashboardRoom[] {
    return rooms.filter((r) => r.status === status);
  }
}
