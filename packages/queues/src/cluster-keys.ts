/**
 * Redis Cluster keeps a key in the slot of its hash tag (the part between the first `{` and `}`),
 * and rejects scripts and transactions whose keys sit in different slots. BullMQ's scripts touch
 * several keys of a queue at once, and the crawler's frontier updates its seen-set and URL states
 * in one transaction, so every provnews key is built from a prefix that carries one hash tag:
 * `provnews` becomes `{provnews}`, giving `{provnews}:crawl:wait`, `{provnews}:crawler:seen`,
 * `{provnews}:crawler:host:<host>`, `{provnews}:crawler:robots:<origin>`.
 */

/** The hash tag of `key` as Redis Cluster reads it, or null when the whole key is hashed. */
export function hashTagOf(key: string): string | null {
  const open = key.indexOf('{');
  if (open < 0) return null;
  const close = key.indexOf('}', open + 1);
  if (close < 0 || close === open + 1) return null;
  return key.slice(open + 1, close);
}

/** `prefix` itself when it already has a hash tag, else the whole prefix as one: `provnews` → `{provnews}`. */
export function clusterPrefix(prefix: string): string {
  return hashTagOf(prefix) === null ? `{${prefix.replace(/[{}]/g, '')}}` : prefix;
}
