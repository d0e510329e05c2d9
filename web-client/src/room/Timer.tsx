import { useEffect, useState } from "preact/hooks";

/** Time since this tab first joined the room (kept across reloads of the tab). */
export function Timer({ roomId }: { roomId: string }) {
  const [since] = useState(() => {
    const key = `coderoom.joined.${roomId}`;
    const stored = Number(sessionStorage.getItem(key)) || Date.now();
    sessionStorage.setItem(key, String(stored));
    return stored;
  });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const hours = Math.floor(seconds / 3600);
  const mmss = `${String(Math.floor(seconds / 60) % 60).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <span id="timer" class="timer" title="Time since you joined">
      {hours > 0 ? `${hours}:${mmss}` : mmss}
    </span>
  );
}
