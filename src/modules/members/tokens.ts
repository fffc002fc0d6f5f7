/** Whether a value could be one of our tokens (`randomToken()` of src/shared/tokens.ts), so junk never reaches the database. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{43}$/.test(value);
}
