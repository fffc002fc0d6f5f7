/**
 * The slice of a structured logger (pino, as Fastify's `app.log`) that modules and adapters may
 * use. Passed in, never imported as a singleton. Log objects must never carry secrets.
 */
export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}
