/**
 * Compiled patterns over the shared word lists (rules/lexicon.yml), built
 * once on first use.
 */
import {sharedLexicons} from '../../rules/lexicon.js'
import {compilePhrases, type PhraseMatcher} from './phrases.js'

const cache = new Map<string, PhraseMatcher>()

/** A regular expression matching any entry of the shared list `name`. */
export function listPattern(name: string, flags = 'iu'): PhraseMatcher {
  const key = name + '/' + flags
  let re = cache.get(key)
  if (!re) {
    re = compilePhrases([`{${name}}`], sharedLexicons(), flags)
    cache.set(key, re)
  }

  return re
}

/** Compile phrases against the shared lists, cached by their text. */
export function phrasesPattern(phrases: string[], flags = 'iu'): PhraseMatcher {
  const key = phrases.join('\u0000') + '/' + flags
  let re = cache.get(key)
  if (!re) {
    re = compilePhrases(phrases, sharedLexicons(), flags)
    cache.set(key, re)
  }

  return re
}
