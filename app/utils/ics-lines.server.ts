// RFC 5545 §3.1: content lines are folded at 75 *octets* (not characters), never inside a UTF-8
// sequence. The `ics` package folds at 75 characters, so "é", "€" or emoji made lines of up to
// 194 octets; we unfold its output and fold it again by octets.

const MAX_OCTETS = 75;

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " "; // a continuation line starts with one space, which counts as an octet
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

/** The calendar text with every content line folded at 75 octets. */
export function foldIcsByOctets(ics: string): string {
  const unfolded = ics.replace(/\r?\n[ \t]/g, "");
  return unfolded
    .split(/\r?\n/)
    .map((line) => (line === "" ? line : foldLine(line)))
    .join("\r\n");
}
