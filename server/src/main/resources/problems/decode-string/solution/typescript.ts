function decodeString(s: string): string {
  const stack: Array<[string[], number]> = []; // enclosing text's pieces, count before the bracket
  let pieces: string[] = []; // pieces of the text decoded so far inside the innermost open group
  let count = 0;
  for (const ch of s) {
    if (ch >= "0" && ch <= "9") {
      count = count * 10 + Number(ch);
    } else if (ch === "[") {
      stack.push([pieces, count]);
      pieces = [];
      count = 0;
    } else if (ch === "]") {
      const [outer, k] = stack.pop()!;
      outer.push(pieces.join("").repeat(k));
      pieces = outer;
    } else {
      pieces.push(ch);
    }
  }
  return pieces.join("");
}
