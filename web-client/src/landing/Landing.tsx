import { useEffect } from "preact/hooks";
import { currentSession } from "../account/session";

/**
 * The start page sends people where they belong: a signed-in member to their interviews, anyone
 * else to sign in. (Rooms are created from the dashboard; the API key is for automation.)
 */
export default function Landing() {
  useEffect(() => {
    document.title = "Coderoom";
    currentSession().then((session) => location.replace(session ? "/dashboard" : "/signin"));
  }, []);
  return (
    <main class="landing" aria-busy="true">
      <h1>Coderoom</h1>
      <p class="tagline">Live collaborative coding interviews, self-hosted.</p>
    </main>
  );
}
