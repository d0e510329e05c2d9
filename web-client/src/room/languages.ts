import type { Extension } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";

/** Language modes, each in its own chunk, loaded when a room uses it. */
const loaders: Record<string, () => Promise<Extension>> = {
  python: async () => (await import("@codemirror/lang-python")).python(),
  javascript: async () => (await import("@codemirror/lang-javascript")).javascript(),
  typescript: async () => (await import("@codemirror/lang-javascript")).javascript({ typescript: true }),
  java: async () => (await import("@codemirror/lang-java")).java(),
  cpp: async () => (await import("@codemirror/lang-cpp")).cpp(),
  go: async () => (await import("@codemirror/lang-go")).go(),
  // The legacy clike mode brings its own language data (// and /* */ comments, re-indenting a
  // typed brace) and indents by the editor's indent unit.
  csharp: async () => {
    const { csharp } = await import("@codemirror/legacy-modes/mode/clike");
    return StreamLanguage.define(csharp);
  },
};

export async function languageMode(id: string): Promise<Extension> {
  const load = loaders[id];
  return load ? load() : [];
}

export const LANGUAGE_NAMES: Record<string, string> = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  java: "Java",
  cpp: "C++",
  go: "Go",
  csharp: "C#",
};

/**
 * What one level of indentation is in each language, by its convention: what Enter, Tab and
 * Shift+Tab add and take away. The server's starters and the runners' templates are written in
 * these units (the server's IndentUnitsTest reads this table and checks them), so that code a
 * candidate types lines up with the code that was there; a Python block indented by 2 spaces
 * inside one indented by 4 does not compile.
 */
export const INDENT_UNITS: Record<string, string> = {
  python: "    ",
  javascript: "  ",
  typescript: "  ",
  java: "  ",
  cpp: "  ",
  go: "\t",
  csharp: "    ",
};

/** The indent unit of text that is in no language of the table (notes, a language not yet set). */
export const DEFAULT_INDENT_UNIT = "  ";

export function indentUnitOf(id: string): string {
  return INDENT_UNITS[id] ?? DEFAULT_INDENT_UNIT;
}
