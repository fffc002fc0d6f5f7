import { createInterface } from 'node:readline';
import { COMMAND_LINE, newStaffInput, parseInput } from '../modules/newsroom/staff/index.js';
import { AppError } from '../shared/errors.js';
import { UsageError } from './cli-args.js';
import { configFromEnv, openServices } from './container.js';

/** What `staff:add` reads the password from: a pipe (first line) or a terminal (typed, not echoed). */
export interface PasswordInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * `masthead staff:add --email E --role R [--name N]`: adds a staff member (the first admin of an
 * install, or anyone later) with a password from stdin, never from the command line where it would
 * land in the shell history and the process list. Audited as done by the command line.
 */
export async function staffAdd(options: Record<string, string | true>, input: PasswordInput, prompt: NodeJS.WritableStream): Promise<void> {
  const email = options.email;
  const role = options.role;
  if (typeof email !== 'string') throw new UsageError('staff:add needs --email');
  if (typeof role !== 'string') throw new UsageError('staff:add needs --role (contributor, writer, translator, editor or admin)');
  if (options.name === true) throw new UsageError('--name expects a value');
  const name = options.name ?? email.split('@')[0] ?? email;
  const password = input.isTTY ? await promptHidden(input, prompt, 'Password: ') : await firstLine(input);
  let parsed;
  try {
    parsed = parseInput(newStaffInput, { email, role, name, password });
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message.replace(/^password:/, 'the password (stdin):'));
    throw error;
  }
  const services = await openServices(configFromEnv(), undefined, { migrate: true });
  try {
    const staff = services.staff.staff;
    const added = await staff.create(parsed, COMMAND_LINE);
    process.stdout.write(`Added ${added.role} ${added.name} <${added.email}> (id ${added.id}).\n`);
  } finally {
    await services.close();
  }
}

/** The first line of a pipe (without its line ending); the rest is left unread. */
function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

/** Reads a line from a terminal in raw mode, echoing nothing. */
function promptHidden(input: PasswordInput, prompt: NodeJS.WritableStream, question: string): Promise<string> {
  prompt.write(question);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      prompt.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}
