import { resolve, sep } from 'node:path';
import { parseDatabaseUrl, type Database } from './config.js';

/**
 * Start-up failures of the database or the data directory, said as configuration errors: the
 * setting, the path (or the address, without its password), and what to do. Null for anything
 * else. Kept apart from the drivers' wording so `masthead` can exit 78 like other bad settings.
 */
export function explainDatabaseStartError(error: unknown, env: NodeJS.ProcessEnv): string | null {
  const code = errorCode(error);
  if (!code) return null;
  const dataDir = resolve(env.DATA_DIR || './data');
  let database: Database;
  try {
    database = parseDatabaseUrl(env.DATABASE_URL || undefined, dataDir);
  } catch {
    return null;
  }
  const path = (error as { path?: unknown }).path;
  if (typeof path === 'string' && isWithin(resolve(path), dataDir)) {
    const dataDirProblem = explainDataDir(code, dataDir);
    if (dataDirProblem) return dataDirProblem;
  }
  if (database.kind === 'sqlite') return explainSqlite(code, database.file, env.DATABASE_URL ? 'DATABASE_URL' : 'DATA_DIR', dataDir);
  return explainPostgres(code, database.url);
}

function explainDataDir(code: string, dataDir: string): string | null {
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return `DATA_DIR: ${dataDir} is not a directory (or a part of the path is a file). Point DATA_DIR at a directory Masthead may write to, or remove the file in the way.`;
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `DATA_DIR: ${dataDir} cannot be written to (${code}). Give the user running Masthead write access to it, or point DATA_DIR elsewhere.`;
  }
  return null;
}

function explainSqlite(code: string, file: string, setting: 'DATABASE_URL' | 'DATA_DIR', dataDir: string): string | null {
  const where =
    setting === 'DATA_DIR'
      ? `DATA_DIR: the database ${file} (DATA_DIR is ${dataDir}; set DATABASE_URL to put it elsewhere)`
      : `DATABASE_URL: the database ${file}`;
  switch (code) {
    case 'SQLITE_CANTOPEN':
      return `${where} cannot be opened. Check that the path is a file (not a directory) in a directory that exists and that Masthead may write to.`;
    case 'SQLITE_NOTADB':
      return `${where} is not a SQLite database (the file holds something else). Point ${setting} at the right file, or move this one away to start with a new database.`;
    case 'SQLITE_CORRUPT':
      return `${where} is damaged (SQLITE_CORRUPT). Restore it from a backup.`;
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_DBMOVED':
      return `${where} is read-only. Masthead writes to its database: give the user running it write access to the file and its directory (SQLite writes -wal and -shm files next to it).`;
    case 'SQLITE_FULL':
      return `${where}: the disk is full. Free some space, or move ${setting} to a larger disk.`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `${where} cannot be created: a part of its path is a file, not a directory.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${where} cannot be created: its directory cannot be written to (${code}).`;
    default:
      return null;
  }
}

const POSTGRES_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection: is PostgreSQL running and listening on that host and port?',
  ENOTFOUND: 'names a host that does not resolve: check the host name.',
  EAI_AGAIN: 'names a host that could not be resolved right now: check DNS and the host name.',
  ETIMEDOUT: 'did not answer in time: check the host, the port and any firewall between them.',
  EHOSTUNREACH: 'cannot be reached: check the host and the network.',
  ECONNRESET: 'closed the connection: check the port, and whether the server requires TLS (add ?sslmode=require).',
  '28P01': 'refused the password for that user: check the user and password in DATABASE_URL.',
  '28000': 'refused that user (no matching pg_hba.conf entry or no such role): check the user, or allow it in pg_hba.conf.',
  '3D000': 'has no database by that name and it could not be created: create it, or give the user CREATEDB.',
  '42501': 'refused: the user may not create the database or its tables: grant the rights, or create the database first.',
  '57P03': 'is starting up or shutting down: try again in a moment.',
  '53300': 'has no connection slots left: raise max_connections or lower WEB_CONCURRENCY.',
};

function explainPostgres(code: string, url: string): string | null {
  const problem = POSTGRES_PROBLEMS[code];
  if (!problem) return null;
  return `DATABASE_URL: PostgreSQL at ${redactUrl(url)} ${problem}`;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of ['password', 'sslpassword']) if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return '(an unreadable URL)';
  }
}

/** The driver's code: SQLite's (`SQLITE_…`), PostgreSQL's SQLSTATE, or the system's (`ECONNREFUSED`). */
function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code) return code;
  // Node reports a refused connection to every address of a host as an AggregateError.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const e of inner) if (errorCode(e)) return errorCode(e);
  return null;
}

function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}
