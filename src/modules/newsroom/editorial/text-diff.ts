/** A word-level difference between two texts: runs of kept, removed and added words. */
export type DiffPart = { op: 'equal' | 'delete' | 'insert'; text: string };

const MAX_CELLS = 4_000_000;

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string) {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * Longest-common-subsequence diff over words and whitespace. Common prefix and suffix are trimmed
 * first (edits are usually local); past a size bound it degrades to "all removed, all added"
 * rather than using unbounded memory.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  if (start > 0) push(parts, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    if (midA.length) push(parts, 'delete', midA.join(''));
    if (midB.length) push(parts, 'insert', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] =
          midA[i] === midB[j]
            ? (table[(i + 1) * (m + 1) + j + 1] as number) + 1
            : Math.max(table[(i + 1) * (m + 1) + j] as number, table[i * (m + 1) + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(parts, 'equal', midA[i++] as string);
        j++;
      } else if ((table[(i + 1) * (m + 1) + j] as number) >= (table[i * (m + 1) + j + 1] as number)) {
        push(parts, 'delete', midA[i++] as string);
      } else {
        push(parts, 'insert', midB[j++] as string);
      }
    }
    while (i < n) push(parts, 'delete', midA[i++] as string);
    while (j < m) push(parts, 'insert', midB[j++] as string);
  }
  if (endA < a.length) push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}

export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.op !== 'equal');
}
