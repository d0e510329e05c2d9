import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { Dialog } from "../ui/Dialog";
import { NAME_MAX } from "./displayName";
import { EndedRoom } from "../report/EndedRoom";
import { FatalScreen } from "./FatalScreen";
import { CloseCode } from "./protocol";
import { Joining, type Gate } from "./joining";

/**
 * What comes before the room: the password form, the candidate's recording notice, and the name
 * to show when the link carries none. The room (and its sockets) is rendered only once all are
 * settled.
 */
export function JoinGate(props: { roomId: string; token: string | null; children(token: string): ComponentChildren }) {
  const joining = useMemo(() => new Joining(props.roomId, props.token), [props.roomId, props.token]);
  const [gate, setGate] = useState<Gate>({ step: "checking" });
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  useEffect(() => {
    joining.check().then(setGate, () => setGate({ step: "ready", token: props.token ?? "" }));
  }, [joining]);
  const run = async (step: () => Promise<Gate>) => {
    setBusy(true);
    setError("");
    try {
      setGate(await step());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  switch (gate.step) {
    case "checking":
      return <main class="join-gate" aria-busy="true" />;
    case "no-token":
      return <FatalScreen code={CloseCode.UNAUTHORIZED} reason="token_missing" />;
    case "ready":
      return <>{props.children(gate.token)}</>;
    case "ended":
      return <EndedRoom roomId={props.roomId} token={gate.token} />;
    case "password":
      return (
        <Dialog id="password-dialog" class="join-dialog" labelledBy="password-title" describedBy="password-detail">
          <h1 id="password-title">This interview has a password</h1>
          <p id="password-detail">Enter the password the interviewer gave you. You are asked once.</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => joining.givePassword(password));
            }}
          >
            <label for="join-password">Password</label>
            <input id="join-password" type="password" autocomplete="off" required autofocus maxLength={128} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            <p class="form-error" role="alert">
              {gate.error || error}
            </p>
            <div class="dialog-actions">
              <button type="submit" id="password-submit" class="primary" disabled={busy}>
                Continue
              </button>
            </div>
          </form>
        </Dialog>
      );
    case "notice":
      return (
        <Dialog id="candidate-notice" class="join-dialog" labelledBy="notice-title" describedBy="notice-detail">
          <h1 id="notice-title">Before you join</h1>
          <div id="notice-detail">
            <p>This interview is recorded. Your code and every edit to it, the programs you run and their output, and the chat are kept for the hiring team.</p>
            <p>
              {gate.retentionDays
                ? `They are deleted ${gate.retentionDays} days after the interview's last activity, or earlier if the team deletes the interview.`
                : "They are kept until the hiring team deletes the interview."}
            </p>
            <p>If you do not agree, close this page and tell the interviewer.</p>
          </div>
          <p class="form-error" role="alert">
            {error}
          </p>
          <div class="dialog-actions">
            <button type="button" id="notice-continue" class="primary" autofocus disabled={busy} onClick={() => void run(() => joining.consent())}>
              I understand, continue
            </button>
          </div>
        </Dialog>
      );
    case "name":
      return (
        <Dialog id="name-dialog" class="join-dialog" labelledBy="name-title" describedBy="name-detail" data-role={gate.role}>
          <h1 id="name-title">What is your name?</h1>
          <p id="name-detail">You join as the {gate.role}. Everyone in the room sees this name beside your cursor, in the list of people and in the chat. This browser remembers it.</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => joining.chooseName(name));
            }}
          >
            <label for="join-name">Your name</label>
            <input id="join-name" type="text" autocomplete="name" required autofocus maxLength={NAME_MAX} value={name} onInput={(e) => setName(e.currentTarget.value)} />
            <p class="form-error" role="alert">
              {gate.error || error}
            </p>
            <div class="dialog-actions">
              <button type="submit" id="name-submit" class="primary" disabled={busy}>
                Join
              </button>
            </div>
          </form>
        </Dialog>
      );
  }
}
