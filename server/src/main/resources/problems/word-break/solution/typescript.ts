function wordBreak(s: string, words: string[]): boolean {
  const dictionary = new Set(words);
  const longest = Math.max(...words.map((w) => w.length));
  const n = s.length;
  const ok: boolean[] = new Array(n + 1).fill(false); // ok[i]: the first i letters can be split
  ok[0] = true;
  for (let i = 1; i <= n; i++) {
    for (let length = 1; length <= Math.min(longest, i); length++) {
      if (ok[i - length] && dictionary.has(s.slice(i - length, i))) {
        ok[i] = true;
        break;
      }
    }
  }
  return ok[n];
}
