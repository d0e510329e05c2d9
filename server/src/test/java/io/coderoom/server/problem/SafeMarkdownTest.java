package io.coderoom.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements are rendered from Markdown to HTML in which nothing runs, however it is written. */
class SafeMarkdownTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> there",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](java&#x0A;script:alert(1))",
        "[click](  javascript:alert(1) \"t\")",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](http://example.org/tracker.png)",
        "<javascript:alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<style>body{display:none}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<svg onload=alert(1)>",
        "<object data=\"x\"></object><embed src=\"x\">",
        "<form action=\"https://example.org\"><input name=a></form>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "[a](<javascript:alert(1)>)",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "<details open ontoggle=alert(1)>",
        "`<script>` stays code, but <b onmouseover=alert(1)>bold</b>",
        "> quote <script>alert(1)</script>\n> - [x](javascript:alert(1))",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "```python\" onmouseover=\"alert(1)\nx\n```",
        "<!-- <script>alert(1)</script> -->",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=x>",
      })
  void nothingThatRunsOrLoadsSurvives(String hostile) {
    String html = SafeMarkdown.toHtml(hostile);
    Document doc = Jsoup.parseBodyFragment(html);

    assertThat(
            doc.body()
                .select(
                    "script, style, iframe, object, embed, svg, form, input, meta, base, link,"
                        + " details, div, b"))
        .as(html)
        .isEmpty();
    for (Element element : doc.body().getAllElements()) {
      element
          .attributes()
          .forEach(
              attribute -> {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).strip();
                assertThat(name).as(html).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(value)
                    .as(html)
                    .doesNotStartWith("javascript:")
                    .doesNotStartWith("vbscript:")
                    .doesNotStartWith("data:");
              });
    }
    for (Element image : doc.select("img")) {
      assertThat(image.attr("src")).as(html).startsWith("https://");
    }
    for (Element link : doc.select("a")) {
      assertThat(link.attr("href")).as(html).matches("(https?|mailto):.*");
      assertThat(link.attr("rel")).isEqualTo("nofollow noopener noreferrer");
    }
    // Nothing written as raw HTML becomes markup: it stays visible as text, or goes.
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe");
  }

  @Test
  void everydayMarkdownRendersAsIntended() {
    String markdown =
        """
        # Two Sum

        Given an array `nums`, return *indices* of **two** numbers.

        ## Examples

        1. first
        2. second

        - a
        - b

        ```python
        def two_sum(nums, target):
            return [0, 1]
        ```

        | n | answer |
        |---|:------:|
        | 1 | 2 |

        > Note: ~~not~~ exactly one answer.

        See [the guide](https://example.org/guide "Guide") or <https://example.org/auto>.

        ![diagram](https://example.org/d.png)
        """;

    String html = SafeMarkdown.toHtml(markdown);
    Document doc = Jsoup.parseBodyFragment(html);

    assertThat(doc.select("h1").text()).isEqualTo("Two Sum");
    assertThat(doc.select("h2").text()).isEqualTo("Examples");
    assertThat(doc.select("p code").text()).isEqualTo("nums");
    assertThat(doc.select("em").text()).isEqualTo("indices");
    assertThat(doc.select("strong").text()).isEqualTo("two");
    assertThat(doc.select("ol li")).hasSize(2);
    assertThat(doc.select("ul li")).hasSize(2);
    assertThat(doc.select("pre code.language-python").first().wholeText())
        .isEqualTo("def two_sum(nums, target):\n    return [0, 1]\n");
    assertThat(doc.select("table thead th"))
        .extracting(Element::text)
        .containsExactly("n", "answer");
    assertThat(doc.select("table tbody td")).extracting(Element::text).containsExactly("1", "2");
    assertThat(doc.select("blockquote").text()).contains("exactly one answer");
    Element guide = doc.select("a[title=Guide]").first();
    assertThat(guide.attr("href")).isEqualTo("https://example.org/guide");
    assertThat(guide.attr("rel")).isEqualTo("nofollow noopener noreferrer");
    assertThat(doc.select("a[href=https://example.org/auto]")).hasSize(1);
    assertThat(doc.select("img").attr("src")).isEqualTo("https://example.org/d.png");
    assertThat(doc.select("img").attr("alt")).isEqualTo("diagram");
  }

  @Test
  void rawHtmlIsShownAsTextNotDropped() {
    Document doc = Jsoup.parseBodyFragment(SafeMarkdown.toHtml("Use <b>x</b> here."));

    assertThat(doc.select("b")).isEmpty();
    assertThat(doc.text()).isEqualTo("Use <b>x</b> here.");
  }

  @Test
  void anExcerptIsPlainTextCutAtAWord() {
    String markdown = "# Title\n\nSome **bold** words <script>x</script> " + "and more ".repeat(40);

    String excerpt = SafeMarkdown.plainText(markdown, 60);

    assertThat(excerpt).startsWith("Title Some bold words <script>x</script> and");
    assertThat(excerpt).endsWith("…").doesNotContain("**");
    assertThat(excerpt.length()).isLessThanOrEqualTo(61);
    assertThat(SafeMarkdown.plainText("short", 60)).isEqualTo("short");
  }
}
