import { z } from 'zod';
import { invalidInput } from '../../shared/errors.js';
import type { NewJob } from './job-queue.js';

/** What a handler knows about the run it is in. */
export interface JobContext {
  jobId: string;
  type: string;
  /** 1 on the first attempt. A value above 1 means an earlier attempt may have had its effect. */
  attempt: number;
  maxAttempts: number;
  /** The payload schema version the job was enqueued with: a handler reading old payloads branches on it. */
  version: number;
  idempotencyKey: string | null;
  /** Aborted when this worker lost the job's lease (another worker may now run it): stop between steps. */
  signal: AbortSignal;
}

/**
 * Runs one job type. Delivery is at least once, so `run` must be idempotent: take ids, check the
 * current state, and make a second run a no-op (see README.md, "Exactly once").
 */
export interface JobHandler<S extends z.ZodType = z.ZodType> {
  schema: S;
  run(payload: z.output<S>, ctx: JobContext): Promise<void>;
}

/** Handlers by job type. A worker claims only the types it has a handler for. */
export type Handlers = Record<string, JobHandler>;

/** Types `run`'s payload from the schema. */
export function jobHandler<S extends z.ZodType>(schema: S, run: (payload: z.output<S>, ctx: JobContext) => Promise<void>): JobHandler<S> {
  return { schema, run };
}

/** Thrown by a handler when retrying cannot help (the job is dead at once, with this message). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobDefinition<S extends z.ZodType> {
  type: string;
  version: number;
  schema: S;
  /** A job of this type, its payload checked now so that a bad one fails the caller, not the worker. */
  create(payload: z.input<S>, options?: Omit<NewJob, 'type' | 'payload' | 'version'>): NewJob;
}

/** One job type's name, payload schema and version, shared by the code that enqueues and the handler. */
export function defineJob<S extends z.ZodType>(type: string, schema: S, options: { version?: number } = {}): JobDefinition<S> {
  const version = options.version ?? 1;
  return {
    type,
    version,
    schema,
    create(payload, jobOptions = {}) {
      const checked = schema.safeParse(payload);
      if (!checked.success) {
        throw invalidInput(`Invalid ${type} job payload: ${z.prettifyError(checked.error)}`, { type });
      }
      return { ...jobOptions, type, payload, version };
    },
  };
}
