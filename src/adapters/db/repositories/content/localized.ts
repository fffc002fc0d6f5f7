/** Picks the row written in the most preferred locale, else the first row there is. */
export function pickLocalized<T extends { locale: string }>(rows: readonly T[], preference: readonly string[]): T | undefined {
  let best: T | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const index = preference.indexOf(row.locale);
    const rank = index === -1 ? preference.length : index;
    if (rank < bestRank) {
      best = row;
      bestRank = rank;
    }
  }
  return best;
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
