/**
 * Whether a program reads its standard input, by the usual ways each of the room's languages does
 * it (Python's input() and sys.stdin, Node's file descriptor 0, Java's System.in, C++'s cin and
 * scanf, Go's os.Stdin and fmt.Scan, C#'s Console.ReadLine). A guess from the text, good enough to
 * point at the Input tab; a program that reads stdin some other way simply gets no hint.
 */
const READS_STDIN =
  /\binput\s*\(|\bsys\.stdin\b|\bfileinput\b|readFileSync\s*\(\s*(?:0\b|["']\/dev\/stdin["'])|\bprocess\.stdin\b|\bSystem\.in\b|\bstd::cin\b|\bcin\s*>>|\b(?:scanf|getchar|getline)\s*\(|\bstdin\b|\bos\.Stdin\b|\bfmt\.Scan|\bConsole\.(?:ReadLine|Read|In)\b/;

export function readsStdin(code: string): boolean {
  return READS_STDIN.test(code);
}
