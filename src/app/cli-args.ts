/** Parses `--name value` and `--flag` options after a command; positional words are refused. */
export function parseOptions(args: readonly string[], allowed: readonly string[]): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1] as string;
    if (!allowed.includes(name))
      throw new UsageError(`unknown option --${name} (expected ${allowed.map((a) => `--${a}`).join(', ') || 'none'})`);
    if (match[2] !== undefined) options[name] = match[2];
    else if (args[i + 1] !== undefined && !(args[i + 1] as string).startsWith('--')) options[name] = args[++i] as string;
    else options[name] = true;
  }
  return options;
}

export function positiveInt(options: Record<string, string | true>, name: string, fallback: number, max: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (value === true || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} expects a whole number from 1 to ${max}`);
  }
  return Number(value);
}

export class UsageError extends Error {
  override name = 'UsageError';
}
