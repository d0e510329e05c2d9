import { useEffect, useState } from "preact/hooks";
import { ThemeToggle } from "../ui/ThemeToggle";
import { roomToken } from "../room/roomToken";
import { Playback } from "./playback";
import { PlaybackView } from "./PlaybackView";
import { fetchTimeline, TimelineError } from "./timeline";

type PageState = { step: "loading" } | { step: "failed"; message: string } | { step: "ready"; playback: Playback };

/** Why the record cannot be shown, in words for the person at the page. */
function explain(error: Error): string {
  if (error instanceof TimelineError && error.status === 401) {
    return "Open this page from the room with your interviewer link, or sign in as a member of the room's team.";
  }
  return error.message;
}

/** Downloads the offline file: fetched with the page's credentials, saved through a link to it. */
async function downloadExport(roomId: string, token: string | null): Promise<void> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/export`, {
    credentials: "same-origin",
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `coderoom-${roomId}.html`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** /rooms/:id/playback: the interview replayed from the server's record, for its interviewers. */
export default function PlaybackPage({ id }: { id: string }) {
  const [state, setState] = useState<PageState>({ step: "loading" });
  const [token] = useState(() => roomToken(id));
  const [exportNote, setExportNote] = useState("");
  useEffect(() => {
    document.title = "Playback · Coderoom";
    let live = true;
    fetchTimeline(id, token)
      .then((timeline) => live && setState({ step: "ready", playback: new Playback(timeline) }))
      .catch((error: Error) => live && setState({ step: "failed", message: explain(error) }));
    return () => {
      live = false;
    };
  }, [id, token]);
  if (state.step !== "ready") {
    return (
      <main class="pb-message" id="pb-status" data-state={state.step}>
        <h1>Playback</h1>
        <p role={state.step === "failed" ? "alert" : "status"}>{state.step === "loading" ? "Reading the interview's record…" : state.message}</p>
      </main>
    );
  }
  const exportFile = () => {
    setExportNote("Preparing the file…");
    downloadExport(id, token).then(
      () => setExportNote(""),
      (error: Error) => setExportNote(`The file could not be made: ${error.message}`),
    );
  };
  return (
    <main>
      <PlaybackView
        playback={state.playback}
        actions={
          <span class="pb-controls">
            <a class="pb-button" href={`/rooms/${encodeURIComponent(id)}`}>
              Back to the room
            </a>
            <button type="button" id="pb-export" onClick={exportFile}>
              Download offline file
            </button>
            <span role="status">{exportNote}</span>
            <ThemeToggle />
          </span>
        }
      />
    </main>
  );
}
