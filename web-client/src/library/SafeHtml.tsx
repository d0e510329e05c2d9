import "./problem.css";
/**
 * HTML the server rendered from Markdown and sanitized to an allow-list (its SafeMarkdown): the
 * only markup a page inserts that it did not build itself. It never comes from anything else, and
 * the page's Content-Security-Policy still forbids inline scripts and styles should any slip by.
 */
export function SafeHtml(props: { html: string; id?: string; class?: string }) {
  return <div id={props.id} class={`markdown ${props.class ?? ""}`} dangerouslySetInnerHTML={{ __html: props.html }} />;
}
