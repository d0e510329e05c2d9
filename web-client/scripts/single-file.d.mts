import type { Plugin } from "vite";

export function singleFile(options: { fileName: string; title: string }): Plugin;
