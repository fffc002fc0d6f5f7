/**
 * The outgoing-mail port. Modules hand over a finished message; the adapter (src/adapters/mail/)
 * delivers it over SMTP, or logs it in development when no SMTP server is configured.
 */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text body. */
  text: string;
}

export interface Mailer {
  /** Resolves once the message is accepted for delivery; rejects when it could not be. */
  send(message: MailMessage): Promise<void>;
}
