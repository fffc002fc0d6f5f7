/**
 * The API's Diff, read defensively into parts the DiffView can draw. Accepted forms: a list of
 * { op|type|kind, text|value } parts (equal/insert/delete, added/removed, …), diff-match-patch
 * tuples [op, text], an object wrapping such a list (changes, parts, ops, diff, blocks), a
 * { before, after } pair, or unified-diff text. Anything else → null (shown as raw JSON).
 */
export type PartKind = 'same' | 'added' | 'removed';
export interface DiffPart {
  kind: PartKind;
  text: string;
}

const KINDS: Record<string, PartKind> = {
  equal: 'same',
  same: 'same',
  unchanged: 'same',
  keep: 'same',
  context: 'same',
  '=': 'same',
  ' ': 'same',
  '0': 'same',
  insert: 'added',
  inserted: 'added',
  add: 'added',
  added: 'added',
  ins: 'added',
  '+': 'added',
  '1': 'added',
  delete: 'removed',
  deleted: 'removed',
  remove: 'removed',
  removed: 'removed',
  del: 'removed',
  '-': 'removed',
  '-1': 'removed',
};

function kindOf(value: unknown): PartKind | null {
  if (typeof value === 'boolean') return null;
  return KINDS[String(value).toLowerCase()] ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\n');
  return null;
}

function part(item: unknown): DiffPart | null {
  if (Array.isArray(item) && item.length === 2) {
    const kind = kindOf(item[0]);
    const text = textOf(item[1]);
    return kind && text !== null ? { kind, text } : null;
  }
  if (!isRecord(item)) return null;
  if (item.added === true || item.removed === true) {
    const text = textOf(item.value ?? item.text);
    return text === null ? null : { kind: item.added === true ? 'added' : 'removed', text };
  }
  const kind = kindOf(
    item.op ??
      item.type ??
      item.kind ??
      item.operation ??
      item.change ??
      (item.added === false && item.removed === false ? 'same' : undefined),
  );
  const text = textOf(item.text ?? item.value ?? item.content ?? item.line);
  return kind && text !== null ? { kind, text } : null;
}

export function diffParts(diff: unknown): DiffPart[] | null {
  if (diff === null || diff === undefined) return [];
  if (typeof diff === 'string') return unified(diff);
  if (Array.isArray(diff)) {
    const parts = diff.map(part);
    return parts.every((p): p is DiffPart => p !== null) ? parts : null;
  }
  if (!isRecord(diff)) return null;
  for (const key of ['changes', 'parts', 'ops', 'diff', 'blocks', 'lines', 'items']) {
    if (Array.isArray(diff[key])) return diffParts(diff[key]);
  }
  const before = textOf(diff.before ?? diff.from ?? diff.old ?? diff.previous);
  const after = textOf(diff.after ?? diff.to ?? diff.new ?? diff.current);
  if (before !== null || after !== null) {
    if (before === after) return [{ kind: 'same', text: after ?? '' }];
    const parts: DiffPart[] = [];
    if (before) parts.push({ kind: 'removed', text: before });
    if (after) parts.push({ kind: 'added', text: after });
    return parts;
  }
  if (diff.changed === false || diff.unchanged === true) return [];
  return null;
}

function unified(text: string): DiffPart[] {
  return text.split('\n').map((line): DiffPart => {
    if (line.startsWith('+')) return { kind: 'added', text: line.slice(1) };
    if (line.startsWith('-')) return { kind: 'removed', text: line.slice(1) };
    return { kind: 'same', text: line.startsWith(' ') ? line.slice(1) : line };
  });
}
