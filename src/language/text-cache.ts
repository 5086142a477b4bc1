/**
 * Caches of results per text (tokens, phrase matches). Every rule asks about
 * the same sentences, so results are kept while one article is linted and
 * dropped when the next one starts (`startArticle`): memory stays flat over
 * a 10,000-article run. A cap bounds a single huge article.
 */

const caches: Array<Map<unknown, unknown>> = []

/** Safety cap for one cache within one article. */
const LIMIT = 50_000

export interface TextCache<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
}

export function textCache<K, V>(): TextCache<K, V> {
  const map = new Map<K, V>()
  caches.push(map as Map<unknown, unknown>)
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= LIMIT) map.clear()
      map.set(key, value)
    }
  }
}

/** Forget cached results: called when linting of a new article starts. */
export function startArticle(): void {
  for (const cache of caches) if (cache.size > 0) cache.clear()
}
