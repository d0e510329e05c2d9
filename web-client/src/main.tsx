import "./style.css";
import { render } from "preact";
import { LocationProvider, Route, Router } from "preact-iso/router";
import lazy, { ErrorBoundary } from "preact-iso/lazy";
import { followTheme } from "./app/theme";
import { NotFound } from "./app/NotFound";

// Each page loads only its own code.
const Landing = lazy(() => import("./landing/Landing"));
const Room = lazy(() => import("./room/RoomPage"));
const Dashboard = lazy(() => import("./dashboard/DashboardPage"));
const SignIn = lazy(() => import("./account/SignIn"));
const ClaimLink = lazy(() => import("./account/ClaimLink"));
const Settings = lazy(() => import("./settings/SettingsPage"));
const Report = lazy(() => import("./report/ReportPage"));
const Playback = lazy(() => import("./playback/PlaybackPage"));
const Library = lazy(() => import("./library/LibraryPage"));
const Authoring = lazy(() => import("./authoring/AuthoringPage"));

// Links into the server's API (such as the identity provider's sign-in start, which redirects) are
// page loads for the browser, not routes of this app.
const APP_LINKS = /^(?!(https?:\/\/[^/]+)?\/api\/)/;

followTheme();
render(
  <LocationProvider scope={APP_LINKS}>
    <ErrorBoundary>
      <Router>
        <Route path="/" component={Landing} />
        <Route path="/rooms/:id" component={Room} />
        <Route path="/rooms/:id/report" component={Report} />
        <Route path="/rooms/:id/playback" component={Playback} />
        <Route path="/dashboard" component={Dashboard} />
        <Route path="/signin" component={SignIn} />
        <Route path="/account/link" component={ClaimLink} />
        <Route path="/settings" component={Settings} />
        <Route path="/problems" component={Library} />
        <Route path="/problems/new" component={Authoring} />
        <Route path="/problems/:id/edit" component={Authoring} />
        <Route default component={NotFound} />
      </Router>
    </ErrorBoundary>
  </LocationProvider>,
  document.getElementById("app")!,
);
