/** Any address that is neither the start page nor a room. */
export function NotFound() {
  return (
    <main class="landing">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <a href="/">Go to the start page</a>.
      </p>
    </main>
  );
}
