// The offline file's viewer: everything it shows is in the file (the timeline and the report are
// JSON data blocks the server fills in), and it asks nothing of any network.
import "../../style.css";
import { render } from "preact";
import { followTheme } from "../../app/theme";
import { ThemeToggle } from "../../ui/ThemeToggle";
import { Playback } from "../playback";
import { PlaybackView } from "../PlaybackView";
import { embeddedJson, type Timeline } from "../timeline";
import type { Report } from "../../report/types";
import { ReportSection } from "./ReportSection";

followTheme();
const timeline = embeddedJson<Timeline>("coderoom-timeline");
const report = embeddedJson<Report>("coderoom-report");
const app = document.getElementById("app")!;
if (timeline === null) {
  render(
    <main class="pb-message" id="pb-status" data-state="failed">
      <h1>Playback</h1>
      <p>This file holds no interview: export one from a room's playback page.</p>
    </main>,
    app,
  );
} else {
  document.title = `${timeline.room.title} · Coderoom playback`;
  render(
    <main>
      <PlaybackView playback={new Playback(timeline)} actions={<ThemeToggle />} />
      <ReportSection report={report} />
    </main>,
    app,
  );
}
