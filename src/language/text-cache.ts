/**
 * Caches of results per text (tokens, phrase matches). Every rule asks about
 * the same sentences, so results are kept while one article is linted. When
 * the next article starts (`startArticle`) the results move to a second
 * generation and anything not asked for again is dropped at the start after
 * that: memory stays flat over a 10,000-article run, and re-linting a
 * document after an edit (the editor, on every keystroke) reuses the results
 * for every sentence that did not change. A cap bounds one huge article.
 */

interface Generations {
  current: Map<unknown, unknown>
  previous: Map<unknown, unknown>
}

const caches: Generations[] = []

/** Safety cap for one cache within one article. */
const LIMIT = 50_000

export interface TextCache<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
}

export function textCache<K, V>(): TextCache<K, V> {
  const cache: Generations = {current: new Map(), previous: new Map()}
  caches.push(cache)
  const set = (key: K, value: V) => {
    if (cache.current.size >= LIMIT) cache.current.clear()
    cache.current.set(key, value)
  }

  return {
    get(key) {
      const value = cache.current.get(key) as V | undefined
      if (value !== undefined || cache.previous.size === 0) return value
      const kept = cache.previous.get(key) as V | undefined
      if (kept !== undefined) set(key, kept)
      return kept
    },
    set
  }
}

/** A new article starts: the last one's results become the old generation. */
export function startArticle(): void {
  for (const cache of caches) {
    if (cache.current.size === 0 && cache.previous.size === 0) continue
    const old = cache.previous
    old.clear()
    cache.previous = cache.current
    cache.current = old
  }
}

/** Drop every cached result (the CLI's startup snapshot keeps none of its sample run's). */
export function clearTextCaches(): void {
  for (const cache of caches) {
    cache.current.clear()
    cache.previous.clear()
  }
}
