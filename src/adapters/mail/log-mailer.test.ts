import { describe, expect, it } from 'vitest';
import type { Logger } from '../../shared/logger.js';
import { LogMailer, NO_SMTP_NOTE } from './log-mailer.js';

function recordingLogger() {
  const lines: Array<{ level: string; object: object; message: string | undefined }> = [];
  const log = (level: string) => (object: object, message?: string) => lines.push({ level, object, message });
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

const MAIL = { to: 'ada@example.org', subject: 'Reset', text: 'Open https://news.example.org/admin/reset-password?token=abc' };

describe('mail without SMTP', () => {
  it('logs the whole message at warn level in development, saying it was not sent', async () => {
    const { logger, lines } = recordingLogger();
    await new LogMailer(logger, { production: false }).send(MAIL);
    expect(lines).toEqual([{ level: 'warn', object: { mail: MAIL }, message: expect.stringContaining(NO_SMTP_NOTE) }]);
  });

  it('keeps the text (and its link) out of a production log', async () => {
    const { logger, lines } = recordingLogger();
    await new LogMailer(logger, { production: true }).send(MAIL);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(JSON.stringify(lines)).not.toContain('token=abc');
  });
});
