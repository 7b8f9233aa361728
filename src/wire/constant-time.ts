/**
 * String comparison whose time does not reveal how much of a secret matched: a webhook signature
 * or a subscription token. Every character is compared, differences accumulate by bitwise or, and
 * no branch depends on them; only the lengths (not secret) decide how long it runs.
 */

/** Whether `a` and `b` are the same text, compared without an early exit. */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  // Past the shorter string charCodeAt gives NaN, read as 0: the loop still runs to the longer length.
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
