import { useState } from "preact/hooks";
import { addPasskey } from "../account/api";
import { passkeyFailure, passkeysSupported } from "../account/webauthn";

/**
 * Adding a passkey on this device to the signed-in account: a second device, or a spare before the
 * first is lost (recovery otherwise needs an administrator's one-time link).
 */
export function PasskeysSection() {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const supported = passkeysSupported();

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      await addPasskey(name.trim() || "Passkey");
      setOutcome({ ok: true, text: "Passkey added. You can sign in with it on this device." });
      setName("");
    } catch (error) {
      setOutcome({ ok: false, text: passkeyFailure(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="passkeys-title" class="settings-section">
      <h2 id="passkeys-title">Passkeys</h2>
      <p class="muted">Add a passkey on another device, or a spare, so that losing one device does not lock you out.</p>
      <form class="create" onSubmit={add}>
        <label for="passkey-name">Name</label>
        <input id="passkey-name" maxLength={80} placeholder="Work laptop" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" id="add-passkey" disabled={busy || !supported}>
          Add a passkey on this device
        </button>
      </form>
      {outcome ? (
        <p id="passkey-outcome" class={outcome.ok ? "muted" : "form-error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.text}
        </p>
      ) : null}
      {supported ? null : <p class="muted">This browser cannot create passkeys.</p>}
    </section>
  );
}
