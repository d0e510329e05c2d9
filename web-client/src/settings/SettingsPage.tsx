import "./settings.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso/router";
import { copyText } from "../app/clipboard";
import { useStore } from "../app/store";
import { forgetSession } from "../account/session";
import { ConfirmDialog, Dialog } from "../ui/Dialog";
import { ThemeToggle } from "../ui/ThemeToggle";
import { serverApi, type Scope, type TeamRole } from "./api";
import { PasskeysSection } from "./PasskeysSection";
import { ScorecardCriteriaSection } from "./ScorecardCriteriaSection";
import { lastUsed, SettingsState, type ShownOnce } from "./settings";

/** A question waiting in a confirmation dialog. */
interface Question {
  title: string;
  message: string;
  confirmLabel: string;
  run(): Promise<unknown>;
}

/** /settings: the member's passkeys and API tokens, their team, and signing out everywhere. */
export default function SettingsPage() {
  const state = useMemo(() => new SettingsState(serverApi), []);
  const view = useStore(state.store);
  const location = useLocation();
  const [question, setQuestion] = useState<Question | null>(null);

  useEffect(() => {
    document.title = "Settings · Coderoom";
    void state.load();
  }, [state]);

  useEffect(() => {
    if (view.signedOut) {
      forgetSession();
      location.route("/signin");
    }
  }, [view.signedOut]);

  const ask = (q: Question) => setQuestion(q);
  const team = view.team;
  return (
    <main class="landing settings">
      <header class="landing-head">
        <h1>Settings</h1>
        <nav class="settings-nav">
          <a href="/dashboard">Dashboard</a>
          <ThemeToggle />
        </nav>
      </header>
      <p id="settings-error" class="form-error" role="alert">
        {view.error}
      </p>
      {view.loading ? <p class="muted">Loading…</p> : null}
      <PasskeysSection />
      <TokensSection state={state} ask={ask} />
      {team ? <TeamSection state={state} ask={ask} /> : null}
      {team ? <ScorecardCriteriaSection /> : null}
      <section aria-labelledby="sessions-title" class="settings-section">
        <h2 id="sessions-title">Sessions</h2>
        <p class="muted">Signs you out in every browser, this one included. Your API tokens keep working.</p>
        <button
          type="button"
          id="sign-out-everywhere"
          class="danger"
          onClick={() =>
            ask({
              title: "Sign out everywhere?",
              message: "Every browser signed in as you will be signed out, this one too.",
              confirmLabel: "Sign out everywhere",
              run: () => state.signOutEverywhere(),
            })
          }
        >
          Sign out everywhere
        </button>
      </section>
      {view.shownOnce ? <ShownOnceDialog shown={view.shownOnce} onDone={() => state.dismissShownOnce()} /> : null}
      {question ? (
        <ConfirmDialog
          id="settings-confirm"
          title={question.title}
          message={question.message}
          confirmLabel={question.confirmLabel}
          danger
          onCancel={() => setQuestion(null)}
          onConfirm={() => {
            const run = question.run;
            setQuestion(null);
            void run();
          }}
        />
      ) : null}
    </main>
  );
}

function TokensSection(props: { state: SettingsState; ask(q: Question): void }) {
  const { state, ask } = props;
  const view = useStore(state.store);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["rooms:create"]);
  const toggle = (scope: Scope, on: boolean) => setScopes((now) => (on ? [...now.filter((s) => s !== scope), scope] : now.filter((s) => s !== scope)));
  return (
    <section aria-labelledby="tokens-title" class="settings-section">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted">For integrations such as an applicant tracking system. A token acts for you in your team, only within its scopes, and is shown once.</p>
      <form
        class="create token-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await state.createToken(name, scopes)) setName("");
        }}
      >
        <label for="token-name">Name</label>
        <input id="token-name" maxLength={80} value={name} placeholder="ATS integration" onInput={(e) => setName(e.currentTarget.value)} />
        <fieldset class="scopes">
          <legend>Scopes</legend>
          <label>
            <input type="checkbox" id="scope-rooms-create" checked={scopes.includes("rooms:create")} onChange={(e) => toggle("rooms:create", e.currentTarget.checked)} /> Create rooms
          </label>
          <label>
            <input type="checkbox" id="scope-reports-read" checked={scopes.includes("reports:read")} onChange={(e) => toggle("reports:read", e.currentTarget.checked)} /> Read reports (runs and history)
          </label>
        </fieldset>
        <button type="submit" id="create-token" class="primary" disabled={view.busy}>
          Create token
        </button>
      </form>
      {view.tokens.length === 0 ? (
        <p class="muted" id="no-tokens">
          You have no API tokens.
        </p>
      ) : (
        <ul id="token-list" class="settings-list">
          {view.tokens.map((token) => (
            <li key={token.id} data-token-id={token.id}>
              <span class="item-name">{token.name}</span>
              <span class="muted">{token.scopes.join(", ")}</span>
              <span class="muted token-used">{lastUsed(token.lastUsedAt)}</span>
              <button
                type="button"
                class="danger"
                aria-label={`Revoke ${token.name}`}
                onClick={() =>
                  ask({
                    title: `Revoke ${token.name}?`,
                    message: "Integrations using this token are refused from their next request.",
                    confirmLabel: "Revoke",
                    run: () => state.revokeToken(token.id),
                  })
                }
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TeamSection(props: { state: SettingsState; ask(q: Question): void }) {
  const { state, ask } = props;
  const view = useStore(state.store);
  const [role, setRole] = useState<TeamRole>("interviewer");
  const [email, setEmail] = useState("");
  const team = view.team!;
  const manages = state.manages;
  return (
    <section aria-labelledby="team-title" class="settings-section">
      <h2 id="team-title">Team: {team.team.name}</h2>
      <p class="muted" id="my-role">Your role: {team.team.role}.</p>
      <ul id="member-list" class="settings-list">
        {team.members.map((member) => (
          <li key={member.user.id} data-user-id={member.user.id}>
            <span class="item-name">{member.user.name}</span>
            <span class="muted">{member.user.email ?? ""}</span>
            {manages ? (
              <>
                <label class="visually-hidden" for={`role-${member.user.id}`}>
                  Role of {member.user.name}
                </label>
                <select
                  id={`role-${member.user.id}`}
                  value={member.role}
                  onChange={(e) => void state.changeRole(member.user.id, e.currentTarget.value as TeamRole)}
                >
                  <option value="owner">owner</option>
                  <option value="admin">admin</option>
                  <option value="interviewer">interviewer</option>
                </select>
                <button
                  type="button"
                  class="danger"
                  aria-label={`Remove ${member.user.name}`}
                  onClick={() =>
                    ask({
                      title: `Remove ${member.user.name}?`,
                      message: "They are signed out everywhere at once, and their API tokens stop working.",
                      confirmLabel: "Remove",
                      run: () => state.removeMember(member.user.id),
                    })
                  }
                >
                  Remove
                </button>
              </>
            ) : (
              <span class="role-badge member-role">{member.role}</span>
            )}
          </li>
        ))}
      </ul>
      {manages ? (
        <>
          <h3>Invite</h3>
          <form
            class="create invite-form"
            onSubmit={async (event) => {
              event.preventDefault();
              if (await state.invite(role, email)) setEmail("");
            }}
          >
            <label for="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as TeamRole)}>
              <option value="interviewer">interviewer</option>
              <option value="admin">admin</option>
            </select>
            <label for="invite-email">Email (optional)</label>
            <input id="invite-email" type="email" maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            <button type="submit" id="invite" class="primary" disabled={view.busy}>
              Create invitation link
            </button>
          </form>
          <h3>Pending invitations</h3>
          {team.invitations.length === 0 ? (
            <p class="muted" id="no-invitations">
              No pending invitations.
            </p>
          ) : (
            <ul id="invitation-list" class="settings-list">
              {team.invitations.map((invitation) => (
                <li key={invitation.id} data-invitation-id={invitation.id}>
                  <span class="item-name">{invitation.email ?? "anyone with the link"}</span>
                  <span class="muted">{invitation.role}</span>
                  <span class="muted">expires {new Date(invitation.expiresAt).toLocaleString()}</span>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Revoke the invitation for ${invitation.email ?? invitation.role}`}
                    onClick={() =>
                      ask({
                        title: "Revoke this invitation?",
                        message: "Its link stops working at once.",
                        confirmLabel: "Revoke",
                        run: () => state.revokeInvitation(invitation),
                      })
                    }
                  >
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function ShownOnceDialog(props: { shown: ShownOnce; onDone(): void }) {
  const { shown } = props;
  const [copied, setCopied] = useState(false);
  const what = shown.kind === "token" ? "API token" : "invitation link";
  return (
    <Dialog id="shown-once" labelledBy="shown-once-title" describedBy="shown-once-message" onCancel={props.onDone}>
      <h2 id="shown-once-title">Copy the {what} now</h2>
      <p id="shown-once-message">
        {shown.kind === "token"
          ? `Your token "${shown.label}" is shown only this once: Coderoom keeps only a fingerprint of it.`
          : `This one-time link (${shown.label}) is shown only this once; send it to the person you invite.`}
        {shown.expiresAt ? ` It expires ${new Date(shown.expiresAt).toLocaleString()}.` : ""}
      </p>
      <label class="visually-hidden" for="shown-once-secret">
        The {what}
      </label>
      <input id="shown-once-secret" class="secret" readOnly value={shown.secret} onFocus={(e) => e.currentTarget.select()} />
      <div class="dialog-actions">
        <span class="muted" role="status">
          {copied ? "Copied." : ""}
        </span>
        <button
          type="button"
          id="shown-once-copy"
          class="primary"
          onClick={async () => {
            await copyText(shown.secret);
            setCopied(true);
          }}
        >
          Copy
        </button>
        <button type="button" id="shown-once-done" onClick={props.onDone}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
