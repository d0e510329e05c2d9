/** The dashboard's REST calls: a signed-in member's session cookie is their credential. */
import { call } from "../api";

export type RoomStatus = "upcoming" | "live" | "past";

export interface Connected {
  name: string;
  role: string;
}

export interface CandidateLinkValidity {
  validUntil: string;
  /** chosen: hours picked at creation; schedule: the slot plus a margin; default: the server's. */
  basis: "chosen" | "schedule" | "default";
  hours: number | null;
  explanation: string;
}

export interface DashboardRoom {
  id: string;
  title: string;
  language: string;
  status: RoomStatus;
  problem: { id: string; title: string } | null;
  candidateName: string | null;
  candidateEmail: string | null;
  interviewer: { id: string; name: string } | null;
  mine: boolean;
  scheduledAt: string | null;
  durationMinutes: number | null;
  candidateLinkHours: number | null;
  hasPassword: boolean;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  outcome: { passed: number; total: number; at: string } | null;
  connected: Connected[];
  candidateLink: CandidateLinkValidity;
}

export interface IssuedLink {
  tokenId: string;
  role: string;
  url: string;
  expiresAt: string;
}

export interface RoomPlanInput {
  title: string;
  language: string;
  problemId?: string | null;
  starterCode?: string;
  scheduledAt?: string | null;
  durationMinutes?: number | null;
  candidateName?: string | null;
  candidateEmail?: string | null;
  /** A new password, or null to remove it; left out, it stays as it is. */
  password?: string | null;
  candidateLinkHours?: number | null;
}

export interface CreatedRoom extends DashboardRoom {
  links: Record<string, IssuedLink>;
}

export interface Filters {
  status?: RoomStatus;
  q?: string;
  interviewer?: "me" | "all";
  language?: string;
}

const room = (id: string) => `/api/rooms/${encodeURIComponent(id)}`;

export async function listRooms(filters: Filters, limit = 200): Promise<DashboardRoom[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filters.status) query.set("status", filters.status);
  if (filters.q?.trim()) query.set("q", filters.q.trim());
  if (filters.interviewer === "me") query.set("interviewer", "me");
  if (filters.language) query.set("language", filters.language);
  return (await call<{ rooms: DashboardRoom[] }>(`/api/rooms?${query}`)).rooms;
}

export function createRoom(plan: RoomPlanInput): Promise<CreatedRoom> {
  return call("/api/rooms", { method: "POST", body: JSON.stringify(plan) });
}

export function editRoom(id: string, plan: Partial<RoomPlanInput>): Promise<DashboardRoom> {
  return call(room(id), { method: "PATCH", body: JSON.stringify(plan) });
}

/** A fresh link of the role: tokens are never stored, so copying a link again issues one. */
export function issueLink(id: string, role: "candidate" | "observer" | "interviewer"): Promise<IssuedLink> {
  return call(`${room(id)}/links`, { method: "POST", body: JSON.stringify({ role }) });
}

export function reissueCandidateLink(id: string): Promise<{ link: IssuedLink; revoked: number; candidateLink: CandidateLinkValidity }> {
  return call(`${room(id)}/candidate-link`, { method: "POST", body: "{}" });
}

export function endRoom(id: string): Promise<unknown> {
  return call(`${room(id)}/end`, { method: "POST", body: "{}" });
}

export function deleteRoom(id: string): Promise<unknown> {
  return call(room(id), { method: "DELETE" });
}

/** Ends this browser's session. */
export function signOut(): Promise<unknown> {
  return call("/api/auth/signout", { method: "POST", body: "{}" });
}
