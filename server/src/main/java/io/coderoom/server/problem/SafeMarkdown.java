package io.coderoom.server.problem;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown of problem statements and editorials rendered to HTML that is safe to put in a page:
 * CommonMark with GitHub's tables, raw HTML escaped as text, then everything cleaned again against
 * an allow-list of tags and attributes. Links go only to http, https or mailto addresses and carry
 * {@code rel="nofollow noopener noreferrer"}; images only from https addresses. No script, style,
 * event handler, frame or form survives, however it was written, and the page's strict CSP stays as
 * it is (no inline style is produced). Thread-safe.
 */
public final class SafeMarkdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          // Raw HTML in the Markdown is shown as the text it is, never as markup.
          .escapeHtml(true)
          .sanitizeUrls(true)
          .build();

  /** A fenced block's language, as CommonMark writes it: {@code language-python}. */
  private static final Pattern CODE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,30}");

  private static final Safelist ALLOWED =
      new Safelist()
          .addTags(
              "p",
              "br",
              "hr",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "blockquote",
              "pre",
              "code",
              "em",
              "strong",
              "del",
              "sub",
              "sup",
              "a",
              "img",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td")
          .addAttributes("a", "href", "title")
          .addAttributes("img", "src", "alt", "title")
          .addAttributes("ol", "start")
          .addAttributes("th", "align")
          .addAttributes("td", "align")
          .addAttributes("code", "class")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addProtocols("img", "src", "https")
          .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

  private static final Cleaner CLEANER = new Cleaner(ALLOWED);

  private SafeMarkdown() {}

  /** The Markdown as safe HTML (a fragment: block elements, no {@code html} or {@code body}). */
  public static String toHtml(String markdown) {
    return clean(markdown).body().html();
  }

  /**
   * The Markdown's text without markup, cut at a word to about {@code maxChars} characters (with an
   * ellipsis when cut): a statement's excerpt in a list.
   */
  public static String plainText(String markdown, int maxChars) {
    String text = clean(markdown).body().text().strip();
    if (text.length() <= maxChars) {
      return text;
    }
    int cut = text.lastIndexOf(' ', maxChars);
    if (cut < maxChars / 2) {
      cut = maxChars;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }

  private static Document clean(String markdown) {
    String rendered = RENDERER.render(PARSER.parse(markdown));
    Document dirty = Jsoup.parseBodyFragment(rendered, "");
    Document clean = CLEANER.clean(dirty);
    for (Element code : clean.select("code[class]")) {
      if (!CODE_CLASS.matcher(code.className()).matches()) {
        code.removeAttr("class");
      }
    }
    // A link or image whose address was refused is left as its text, not as an empty element.
    for (Element link : clean.select("a:not([href])")) {
      link.unwrap();
    }
    for (Element image : clean.select("img:not([src])")) {
      image.replaceWith(new TextNode(image.attr("alt")));
    }
    clean.outputSettings().prettyPrint(false);
    return clean;
  }
}
