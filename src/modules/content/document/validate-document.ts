/**
 * Validates untrusted story bodies against the document schema and reports every problem with a
 * readable path to the offending node, e.g. `content[3].content[0].marks[1].attrs.href`.
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { DOCUMENT_LIMITS } from './document-limits.js';
import { NODE_TYPES, StoryDocumentSchema, type StoryDocument } from './document-schema.js';

export interface DocumentIssue {
  /** Dotted path with [index] segments; '' for the document itself. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; doc: StoryDocument } | { ok: false; issues: DocumentIssue[] };

/** At most this many issues are returned; a final issue says how many more there were. */
const MAX_REPORTED_ISSUES = 50;

/** Formats `['content', 3, 'attrs', 'href']` as `content[3].attrs.href`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out === '' ? '' : '.') + String(seg);
  }
  return out;
}

export function validateDocument(input: unknown): ValidationResult {
  // Bound nesting and size before the recursive schema runs, so hostile input cannot exhaust the stack.
  const shapeIssue = checkShape(input);
  if (shapeIssue) return { ok: false, issues: [shapeIssue] };

  const parsed = StoryDocumentSchema.safeParse(input, { reportInput: true });
  const issues = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  // The schema's one-paywall rule only runs on otherwise valid documents; check it here as well.
  for (const issue of paywallIssues(input)) {
    if (!issues.some((i) => i.path === issue.path && i.message === issue.message)) issues.push(issue);
  }
  if (parsed.success && issues.length === 0) return { ok: true, doc: parsed.data };
  if (issues.length > MAX_REPORTED_ISSUES) {
    const more = issues.length - MAX_REPORTED_ISSUES;
    issues.length = MAX_REPORTED_ISSUES;
    issues.push({ path: '', message: `…and ${more} more issues` });
  }
  return { ok: false, issues };
}

/** Returns the validated document or throws `AppError('invalid_document')` with `details.issues`. */
export function assertValidDocument(input: unknown): StoryDocument {
  const result = validateDocument(input);
  if (result.ok) return result.doc;
  throw new AppError('invalid_document', 'The story body is not a valid document', { issues: result.issues });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Depth and node-count limits, checked over `content` arrays (the only recursive field). */
function checkShape(input: unknown): DocumentIssue | null {
  let nodes = 0;
  const visit = (node: unknown, depth: number, path: string): DocumentIssue | null => {
    if (++nodes > DOCUMENT_LIMITS.maxNodes) {
      return { path, message: `The document has more than ${DOCUMENT_LIMITS.maxNodes} nodes` };
    }
    if (!isRecord(node) || !Array.isArray(node.content)) return null;
    if (depth >= DOCUMENT_LIMITS.maxDepth) {
      return { path, message: `Content is nested more than ${DOCUMENT_LIMITS.maxDepth} levels deep` };
    }
    const children = node.content;
    for (let i = 0; i < children.length; i++) {
      const issue = visit(children[i], depth + 1, `${path === '' ? '' : path + '.'}content[${i}]`);
      if (issue) return issue;
    }
    return null;
  };
  return visit(input, 0, '');
}

function paywallIssues(input: unknown): DocumentIssue[] {
  if (!isRecord(input) || !Array.isArray(input.content)) return [];
  const issues: DocumentIssue[] = [];
  let seen = false;
  input.content.forEach((block: unknown, i) => {
    if (!isRecord(block) || block.type !== 'paywallBreak') return;
    if (seen) issues.push({ path: `content[${i}]`, message: 'Only one paywall break is allowed' });
    seen = true;
  });
  return issues;
}

function describeIssue(issue: z.core.$ZodIssue): DocumentIssue {
  const path = [...issue.path];
  switch (issue.code) {
    case 'invalid_union': {
      const extra = issue as { note?: unknown; options?: unknown };
      if (extra.note !== 'No matching discriminator') break;
      // Report the node itself (`content[3]`), not its `type` field.
      if (path[path.length - 1] === 'type') path.pop();
      return { path: formatPath(path), message: describeWrongType(path, issue.input, extra.options) };
    }
    case 'unrecognized_keys': {
      const [first] = issue.keys;
      const where = formatPath(issue.keys.length === 1 && first !== undefined ? [...path, first] : path);
      const what = issue.keys.length === 1 ? 'attribute' : 'attributes';
      return { path: where, message: `Unknown ${what}: ${issue.keys.join(', ')}` };
    }
    case 'too_big': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      return { path: formatPath(path), message: `Too large: at most ${String(issue.maximum)}${unit}` };
    }
    case 'too_small': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      return { path: formatPath(path), message: `Too small: at least ${String(issue.minimum)}${unit}` };
    }
    case 'invalid_type':
      return {
        path: formatPath(path),
        message: issue.input === undefined ? `Required (${issue.expected})` : `Expected ${issue.expected}`,
      };
    case 'invalid_value':
      return {
        path: formatPath(path),
        message: `Expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`,
      };
    default:
      break;
  }
  return { path: formatPath(path), message: issue.message };
}

function describeWrongType(path: readonly PropertyKey[], input: unknown, allowed: unknown): string {
  const type = isRecord(input) ? input.type : undefined;
  const isMark = path[path.length - 2] === 'marks';
  const options = Array.isArray(allowed) ? allowed.map(String).join(', ') : '';
  const expected = options ? `; expected one of: ${options}` : '';
  if (typeof type !== 'string') return `Missing ${isMark ? 'mark' : 'node'} type${expected}`;
  if (isMark) return `Unknown mark type "${type}"${expected}`;
  if (type === 'paywallBreak') return 'A paywall break is only allowed at the top level of the document';
  if (NODE_TYPES.has(type)) return `Node type "${type}" is not allowed here${expected}`;
  return `Unknown node type "${type}"${expected}`;
}
