import "./dashboard.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { languages, problems, type Language, type ProblemListing } from "../api";
import { copyText } from "../app/clipboard";
import { useStore } from "../app/store";
import { ConfirmDialog, Dialog } from "../ui/Dialog";
import { ThemeToggle } from "../ui/ThemeToggle";
import {
  createRoom,
  deleteRoom,
  editRoom,
  endRoom,
  issueLink,
  reissueCandidateLink,
  signOut,
  type CreatedRoom,
  type DashboardRoom,
  type RoomStatus,
} from "./api";
import { Dashboard, GROUPS } from "./dashboard";
import { dateTime, duration, outcome, validity } from "./format";
import { RoomForm } from "./RoomForm";
import { currentSession, forgetSession } from "../account/session";

type Pending =
  | { kind: "create" }
  | { kind: "edit"; room: DashboardRoom }
  | { kind: "reissue"; room: DashboardRoom }
  | { kind: "end"; room: DashboardRoom }
  | { kind: "delete"; room: DashboardRoom }
  | { kind: "created"; room: CreatedRoom }
  | null;

const ROLE_NAMES = { candidate: "candidate", observer: "observer", interviewer: "interviewer" } as const;

/** /dashboard: a signed-in member's upcoming, live and past interviews, and what to do with them. */
export default function DashboardPage() {
  const dashboard = useMemo(() => new Dashboard(), []);
  const state = useStore(dashboard.store);
  const [me, setMe] = useState<{ name: string; team: string } | null>(null);
  const [languageList, setLanguages] = useState<Language[]>([]);
  const [problemList, setProblems] = useState<ProblemListing[]>([]);
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    document.title = "Interviews · Coderoom";
    currentSession().then((session) => {
      if (!session) {
        location.replace("/signin");
        return;
      }
      setMe({ name: session.user.name, team: session.team.name });
      dashboard.start();
    });
    languages().then(setLanguages, () => undefined);
    problems().then(setProblems);
    return () => dashboard.stop();
  }, [dashboard]);

  const asked =
    pending?.kind === "reissue" || pending?.kind === "end" || pending?.kind === "delete" ? confirmation(pending.kind, pending.room) : null;
  const act = async (work: () => Promise<string>) => {
    try {
      setNotice(await work());
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
    void dashboard.refresh();
  };
  const copyLink = (room: DashboardRoom, role: keyof typeof ROLE_NAMES) =>
    act(async () => {
      const link = await issueLink(room.id, role);
      await copyText(link.url);
      return `A new ${ROLE_NAMES[role]} link for “${room.title}” is copied; it is valid until ${dateTime(link.expiresAt)}.`;
    });

  const { filters } = state;
  return (
    <main class="dashboard">
      <header class="dashboard-head">
        <h1>Interviews</h1>
        <span class="muted">{me ? `${me.name} · ${me.team}` : ""}</span>
        <button type="button" id="new-interview" class="primary" onClick={() => setPending({ kind: "create" })}>
          New interview
        </button>
        <a class="button" id="library-link" href="/problems">
          Problems
        </a>
        <a class="button" id="settings-link" href="/settings">
          Settings
        </a>
        <ThemeToggle />
        <button
          type="button"
          id="sign-out"
          onClick={() => {
            forgetSession();
            void signOut().finally(() => location.assign("/signin"));
          }}
        >
          Sign out
        </button>
      </header>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search">Search</label>
        <input
          id="search"
          type="search"
          placeholder="Candidate, title or problem"
          value={filters.q ?? ""}
          onInput={(e) => dashboard.setFilters({ q: e.currentTarget.value })}
        />
        <label for="filter-status">Status</label>
        <select id="filter-status" value={filters.status ?? ""} onChange={(e) => dashboard.setFilters({ status: (e.currentTarget.value || undefined) as RoomStatus | undefined })}>
          <option value="">All</option>
          {GROUPS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        <label for="filter-interviewer">Interviewer</label>
        <select id="filter-interviewer" value={filters.interviewer ?? "all"} onChange={(e) => dashboard.setFilters({ interviewer: e.currentTarget.value as "me" | "all" })}>
          <option value="all">Everyone</option>
          <option value="me">Mine</option>
        </select>
        <label for="filter-language">Language</label>
        <select id="filter-language" value={filters.language ?? ""} onChange={(e) => dashboard.setFilters({ language: e.currentTarget.value || undefined })}>
          <option value="">Any</option>
          {languageList.map((l) => (
            <option key={l.id} value={l.id}>
              {l.displayName}
            </option>
          ))}
        </select>
      </form>
      <p id="dashboard-notice" class="dashboard-notice" role="status">
        {notice || state.error}
      </p>
      {GROUPS.filter(([id]) => !filters.status || filters.status === id).map(([id, label]) => (
        <RoomGroup
          key={id}
          id={id}
          label={label}
          rooms={Dashboard.group(state.rooms, id)}
          loading={state.loading && state.rooms.length === 0}
          onCopy={copyLink}
          onAction={(kind, room) => setPending({ kind, room } as Pending)}
        />
      ))}
      {pending?.kind === "create" || pending?.kind === "edit" ? (
        <RoomForm
          room={pending.kind === "edit" ? pending.room : undefined}
          languages={languageList}
          problems={problemList}
          onCancel={() => setPending(null)}
          onSave={async (plan) => {
            if (pending.kind === "edit") {
              await editRoom(pending.room.id, plan);
              setPending(null);
              setNotice(`“${plan.title}” is saved.`);
            } else {
              setPending({ kind: "created", room: await createRoom(plan) });
            }
            void dashboard.refresh();
          }}
        />
      ) : null}
      {pending?.kind === "created" ? <CreatedDialog room={pending.room} onClose={() => setPending(null)} /> : null}
      {asked ? (
        <ConfirmDialog
          id={asked.id}
          title={asked.title}
          message={asked.message}
          confirmLabel={asked.confirmLabel}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            void act(asked.run);
          }}
        />
      ) : null}
    </main>
  );
}

/** What each irreversible action asks before it runs, and what it says once done. */
function confirmation(kind: "reissue" | "end" | "delete", room: DashboardRoom) {
  switch (kind) {
    case "reissue":
      return {
        id: "reissue-dialog",
        title: "Issue a new candidate link?",
        message:
          "Every earlier candidate link stops working at once, and a candidate connected with one is disconnected. The new link is copied for you to send.",
        confirmLabel: "Issue new link",
        run: async () => {
          const { link, candidateLink } = await reissueCandidateLink(room.id);
          await copyText(link.url);
          return `The old candidate links of “${room.title}” stopped working. The new one is copied. ${validity(candidateLink)}`;
        },
      };
    case "end":
      return {
        id: "end-dialog",
        title: `End “${room.title}”?`,
        message:
          "Every link of the room stops working, and everyone in it sees that the interview has ended. Its code, runs and notes stay for review.",
        confirmLabel: "End interview",
        run: async () => {
          await endRoom(room.id);
          return `“${room.title}” has ended.`;
        },
      };
    case "delete":
      return {
        id: "delete-dialog",
        title: `Delete “${room.title}” for good?`,
        message:
          "This erases everything stored about it: the code and its history, runs, notes, chat, the candidate's details and the room's log. Anyone connected is disconnected. It cannot be undone.",
        confirmLabel: "Delete everything",
        run: async () => {
          await deleteRoom(room.id);
          return `“${room.title}” is deleted.`;
        },
      };
  }
}

function RoomGroup(props: {
  id: RoomStatus;
  label: string;
  rooms: DashboardRoom[];
  loading: boolean;
  onCopy(room: DashboardRoom, role: keyof typeof ROLE_NAMES): void;
  onAction(kind: "edit" | "reissue" | "end" | "delete", room: DashboardRoom): void;
}) {
  return (
    <section class="room-group" id={`group-${props.id}`} aria-labelledby={`group-${props.id}-title`}>
      <h2 id={`group-${props.id}-title`}>
        {props.label} <span class="muted">({props.rooms.length})</span>
      </h2>
      {props.rooms.length === 0 ? (
        <p class="muted">{props.loading ? "Loading…" : "None."}</p>
      ) : (
        <table class="rooms">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Interview</th>
              <th scope="col">Interviewer</th>
              <th scope="col">When</th>
              <th scope="col">{props.id === "past" ? "Outcome" : "Connected"}</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rooms.map((room) => (
              <RoomRow key={room.id} room={room} onCopy={props.onCopy} onAction={props.onAction} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RoomRow(props: {
  room: DashboardRoom;
  onCopy(room: DashboardRoom, role: keyof typeof ROLE_NAMES): void;
  onAction(kind: "edit" | "reissue" | "end" | "delete", room: DashboardRoom): void;
}) {
  const { room } = props;
  const when =
    room.status === "past"
      ? `Ended ${dateTime(room.endedAt)}`
      : room.status === "live"
        ? `Started ${dateTime(room.startedAt)}`
        : room.scheduledAt
          ? dateTime(room.scheduledAt)
          : "Not scheduled";
  return (
    <tr class="room-row" data-room={room.id} data-mine={room.mine ? "true" : undefined}>
      <td data-label="Candidate">
        <strong>{room.candidateName ?? "—"}</strong>
        {room.hasPassword ? <span class="muted"> · password</span> : null}
      </td>
      <td data-label="Interview">
        <a href={`/rooms/${encodeURIComponent(room.id)}`} class="room-title">
          {room.title}
        </a>
        <div class="muted">
          {[room.problem?.title ?? "Free coding", room.language].join(" · ")}
        </div>
      </td>
      <td data-label="Interviewer">{room.interviewer?.name ?? "API"}</td>
      <td data-label="When">
        {when}
        {room.durationMinutes ? <div class="muted">{duration(room.durationMinutes)}</div> : null}
      </td>
      <td data-label={room.status === "past" ? "Outcome" : "Connected"} class="live-cell">
        {room.status === "past" ? (
          <span class="outcome">{outcome(room)}</span>
        ) : room.connected.length > 0 ? (
          <span class="live-indicator" title="Connected now">
            <span class="live-dot" aria-hidden="true" />
            {room.connected.map((p) => `${p.name} (${p.role})`).join(", ")}
          </span>
        ) : (
          <span class="muted">Nobody connected</span>
        )}
        {room.status === "live" && room.outcome ? <div class="muted">{outcome(room)}</div> : null}
      </td>
      <td class="row-actions">
        {room.status !== "past" ? (
          <>
            <a class="button" href={`/rooms/${encodeURIComponent(room.id)}`}>
              Open
            </a>
            <details class="menu">
              <summary>Copy link</summary>
              <div class="menu-items" onClick={closeMenu}>
                <button type="button" class="copy-candidate" onClick={() => props.onCopy(room, "candidate")}>
                  Candidate link
                </button>
                <button type="button" class="copy-observer" onClick={() => props.onCopy(room, "observer")}>
                  Observer link
                </button>
                <button type="button" class="copy-interviewer" onClick={() => props.onCopy(room, "interviewer")}>
                  Interviewer link
                </button>
              </div>
            </details>
            <details class="menu">
              <summary>More</summary>
              <div class="menu-items" onClick={closeMenu}>
                {room.status === "upcoming" ? (
                  <button type="button" class="edit" onClick={() => props.onAction("edit", room)}>
                    Edit
                  </button>
                ) : null}
                {room.status === "live" ? (
                  <a class="button timeline-link" href={`/rooms/${encodeURIComponent(room.id)}/playback`}>
                    Timeline so far
                  </a>
                ) : null}
                <button type="button" class="reissue" onClick={() => props.onAction("reissue", room)}>
                  New candidate link
                </button>
                <button type="button" class="end danger" onClick={() => props.onAction("end", room)}>
                  End
                </button>
                <button type="button" class="delete danger" onClick={() => props.onAction("delete", room)}>
                  Delete
                </button>
              </div>
            </details>
          </>
        ) : (
          <>
            <a class="button report-link" href={`/rooms/${encodeURIComponent(room.id)}/report`}>
              Report
            </a>
            <a class="button timeline-link" href={`/rooms/${encodeURIComponent(room.id)}/playback`}>
              Timeline
            </a>
            <button type="button" class="delete danger" onClick={() => props.onAction("delete", room)}>
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

/** A menu closes once one of its items is chosen. */
function closeMenu(event: MouseEvent) {
  const menu = (event.currentTarget as HTMLElement).closest("details");
  if (menu && (event.target as HTMLElement).closest("button")) menu.open = false;
}

/** A new interview's links, copied on demand; they can be copied again later from the dashboard. */
function CreatedDialog({ room, onClose }: { room: CreatedRoom; onClose(): void }) {
  const [copied, setCopied] = useState("");
  const roles = ["candidate", "observer", "interviewer"].filter((role) => room.links[role]);
  return (
    <Dialog id="created-dialog" labelledBy="created-title" describedBy="created-validity" onCancel={onClose}>
      <h2 id="created-title">“{room.title}” is ready</h2>
      <p id="created-validity" class="muted">
        {validity(room.candidateLink)} You can copy fresh links from the dashboard at any time.
      </p>
      {roles.map((role) => (
        <div class="link-row" key={role}>
          <span class={`role-badge role-${role}`}>{role[0].toUpperCase() + role.slice(1)}</span>
          <input type="text" readOnly class="link-url" data-role={role} value={room.links[role].url} aria-label={`${role} link`} />
          <button
            type="button"
            class="copy"
            data-role={role}
            onClick={() => copyText(room.links[role].url).then(() => setCopied(`The ${role} link is copied.`), () => setCopied("Select the link and copy it."))}
          >
            Copy
          </button>
        </div>
      ))}
      <p role="status" class="muted">
        {copied}
      </p>
      <div class="dialog-actions">
        <a class="button open-room" href={`/rooms/${encodeURIComponent(room.id)}`}>
          Open the room
        </a>
        <button type="button" class="primary" id="created-done" autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
