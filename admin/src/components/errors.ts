import { ApiError } from '../api/client';
import type { I18n } from '../i18n/i18n';

/** A sentence for the person at the keyboard, in their language, for anything a request threw. */
export function describeError(t: I18n['t'], error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unexpected', { message: error instanceof Error ? error.message : String(error) });
  switch (error.code) {
    case 'network':
      return t('error.network');
    case 'unauthorized':
      return t('error.unauthorized');
    case 'forbidden':
      return t('error.forbidden');
    case 'not_found':
      return t('error.notFound');
    case 'conflict':
      return t('error.conflict', { message: error.message });
    case 'payload_too_large':
      return t('error.tooLarge');
    case 'unsupported_media_type':
      return t('error.unsupportedMedia');
    case 'rate_limited':
      return error.retryAfter ? t('error.rateLimitedFor', { seconds: error.retryAfter }) : t('error.rateLimited');
    case 'invalid_document':
      return t('error.invalidDocument', { issues: documentIssues(error) });
    case 'invalid_input':
      return t('error.invalidInput', { message: error.message });
    default: {
      const requestId = typeof error.details.requestId === 'string' ? error.details.requestId : '';
      return requestId ? t('error.internalWithId', { requestId }) : t('error.internal');
    }
  }
}

function documentIssues(error: ApiError): string {
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as { path?: string; message?: string }[]) : [];
  return issues
    .slice(0, 5)
    .map((i) => `${i.path || 'body'}: ${i.message ?? ''}`)
    .join('; ');
}
