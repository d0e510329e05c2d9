/**
 * CodeMirror writes its themes through style-mod, which puts them in a <style> element when the
 * editor lives in a document (it uses constructable stylesheets only in shadow roots). The server's
 * Content-Security-Policy (style-src 'self', no inline styles) blocks that element, which would
 * leave the editor unstyled. Handing style-mod a stand-in root without `head` makes it build a
 * constructable stylesheet and adopt it into the document instead: CSSOM rules, which the policy
 * allows. Import this before any editor is created.
 */
import { StyleModule } from "style-mod";

const documentRoot = {
  ownerDocument: document,
  get adoptedStyleSheets(): CSSStyleSheet[] {
    return [...document.adoptedStyleSheets];
  },
  set adoptedStyleSheets(sheets: CSSStyleSheet[]) {
    document.adoptedStyleSheets = sheets;
  },
};

const mount = StyleModule.mount;
StyleModule.mount = (root, modules, options) =>
  mount.call(StyleModule, root === document ? (documentRoot as unknown as Document) : root, modules, options);
