/**
 * Static checks the catalog test relies on: which message keys the source uses, and which
 * arguments a message takes. Keys are found by a regex over the source, so only literal keys
 * count: call the translator with a string literal, never a computed key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IntlMessageFormat } from 'intl-messageformat';

/** A translator call with a literal key: `t(` then a quoted key of [a-zA-Z0-9_.-]. */
const KEY_CALL = /(?<![\w$])t\(\s*(['"])([a-zA-Z0-9_.-]+)\1/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.ts') && !/\.(test|d)\.ts$/.test(entry.name)) yield path;
  }
}

/** Every literal key used in `.ts` files under `sourceDir` (tests excluded) → the files using it. */
export function findKeyUsages(sourceDir: string): Map<string, string[]> {
  const usages = new Map<string, string[]>();
  for (const file of sourceFiles(sourceDir)) {
    const name = relative(sourceDir, file);
    for (const match of readFileSync(file, 'utf8').matchAll(KEY_CALL)) {
      const key = match[2] as string;
      const files = usages.get(key) ?? [];
      if (!files.includes(name)) files.push(name);
      usages.set(key, files);
    }
  }
  return usages;
}

/** The set of literal keys used in `.ts` files under `sourceDir` (recursively, tests excluded). */
export function findUsedKeys(sourceDir: string): Set<string> {
  return new Set(findKeyUsages(sourceDir).keys());
}

type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

// Element types of the ICU AST (@formatjs/icu-messageformat-parser TYPE) that name an argument.
const ARGUMENT = 1;
const PLURAL = 6;
const SELECT = 5;

/** Names of the arguments a compiled message reads, including those inside plural/select. */
export function messageArguments(message: IntlMessageFormat): Set<string> {
  const names = new Set<string>();
  const visit = (elements: readonly MessageElement[]): void => {
    for (const element of elements) {
      const type = element.type as number;
      if (type >= ARGUMENT && type <= PLURAL && 'value' in element) names.add(element.value);
      if ((type === SELECT || type === PLURAL) && 'options' in element) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if ('children' in element) visit(element.children);
    }
  };
  visit(message.getAst());
  return names;
}

/**
 * Why a message would not read as written, or null: ICU treats `'` before `{`, `}` or `#` (and
 * `''`) as quoting and drops it, and a stray brace is syntax. Formatted with every argument set
 * to 2, the text must keep each apostrophe of the source and show no brace.
 */
export function literalTextProblem(source: string, message: IntlMessageFormat): string | null {
  const values = Object.fromEntries([...messageArguments(message)].map((name) => [name, 2]));
  const output = String(message.format(values));
  const apostrophes = (text: string) => text.split("'").length - 1;
  if (apostrophes(output) !== apostrophes(source)) {
    return `an apostrophe is taken as ICU quoting (${JSON.stringify(output)}); write ’ or avoid ' before { } #`;
  }
  if (/[{}]/.test(output)) return `a brace is shown literally (${JSON.stringify(output)})`;
  return null;
}
