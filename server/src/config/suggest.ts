/** "Did you mean …?" for misspelt rule IDs, option names and values. */

/** Edit distance (insertions, deletions, substitutions), capped so long inputs stay cheap. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `input`: same text in another case, else the
 * nearest within about a third of its length, else one it is a prefix of.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = input.toLowerCase();
  const sameCase = list.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const cap = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of list) {
    const distance = editDistance(lower, candidate.toLowerCase(), cap);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  // A shortened or lengthened name: 'warn' for 'warning', 'maximum' for 'max'.
  return list.find((c) => Math.min(c.length, lower.length) >= 3 && (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())));
}

/** " (did you mean 'x'?)" or ""; `prefix` goes before the suggestion ("quiz." for a template setting). */
export function didYouMean(input: string, candidates: Iterable<string>, prefix = ''): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : ` (did you mean '${prefix}${match}'?)`;
}
