import type { Logger } from '../../src/shared/logger.js';

/** A logger that drops everything: for tests whose subject is not what gets logged. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
