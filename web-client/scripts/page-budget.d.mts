import type { Plugin } from "vite";

export function pageBudget(pages: Record<string, { module: string; limitKb: number }>): Plugin;
