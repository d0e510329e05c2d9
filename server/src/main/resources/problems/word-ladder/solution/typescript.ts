function ladderLength(beginWord: string, endWord: string, wordList: string[]): number {
  if (!wordList.includes(endWord)) return 0;
  // Words that differ in one position share the pattern with '*' at that position.
  const byPattern = new Map<string, string[]>();
  for (const word of wordList) {
    for (let i = 0; i < word.length; i++) {
      const pattern = word.slice(0, i) + '*' + word.slice(i + 1);
      const group = byPattern.get(pattern);
      if (group) group.push(word);
      else byPattern.set(pattern, [word]);
    }
  }
  const seen = new Set<string>([beginWord]);
  let level: string[] = [beginWord];
  for (let length = 1; level.length > 0; length++) {
    const next: string[] = [];
    for (const word of level) {
      for (let i = 0; i < word.length; i++) {
        const pattern = word.slice(0, i) + '*' + word.slice(i + 1);
        const group = byPattern.get(pattern);
        if (!group) continue;
        // Every word of this group is queued now, so the group is never read again.
        byPattern.delete(pattern);
        for (const neighbour of group) {
          if (neighbour === endWord) return length + 1;
          if (!seen.has(neighbour)) {
            seen.add(neighbour);
            next.push(neighbour);
          }
        }
      }
    }
    level = next;
  }
  return 0;
}
