/**
 * Phrase groups: rule data organised as named groups of patterns, each entry
 * a phrase or `{all: [phrase, phrase]}` (every phrase somewhere in the same
 * sentence). Config `phrases.<rule>.add.<group>` appends phrases to a group;
 * `remove` drops phrases by their text.
 */
import type {PhraseChanges} from '../engine/rule.js'
import {compilePhrases, firstMatch, PhraseSyntaxError, type Lexicons, type PhraseMatch} from './phrases.js'

export type GroupEntry = string | {all: string[]}

export interface CompiledMatcher {
  /** First match in `text`, if any. */
  match(text: string): PhraseMatch | undefined
}

export function compileEntries(entries: GroupEntry[], lexicons: Lexicons): CompiledMatcher {
  const singles = entries.filter((entry): entry is string => typeof entry === 'string')
  const single = singles.length > 0 ? compilePhrases(singles, lexicons, 'iu') : undefined
  const all = entries
    .filter((entry): entry is {all: string[]} => typeof entry === 'object' && entry !== null && Array.isArray(entry.all))
    .map((entry) => entry.all.map((phrase) => compilePhrases([phrase], lexicons, 'iu')))
  return {
    match(text) {
      const found = single ? firstMatch(single, text) : undefined
      if (found) return found
      for (const combination of all) {
        const matches = combination.map((re) => firstMatch(re, text))
        if (matches.every(Boolean)) return matches[0]
      }

      return undefined
    }
  }
}

/**
 * The entries of each group after config changes. Throws for an unknown
 * group name so a typo in config is reported.
 */
export function groupEntries(
  groups: Record<string, {patterns?: GroupEntry[]}>,
  changes: PhraseChanges | undefined
): Record<string, GroupEntry[]> {
  for (const group of Object.keys(changes?.add ?? {})) {
    if (!groups[group]) {
      throw new PhraseSyntaxError(group, `unknown phrase group \`${group}\`; groups: ${Object.keys(groups).join(', ')}`)
    }
  }

  const removed = new Set((changes?.remove ?? []).map((phrase) => phrase.trim().toLowerCase()))
  const result: Record<string, GroupEntry[]> = {}
  for (const [id, group] of Object.entries(groups)) {
    result[id] = [...(group.patterns ?? []), ...(changes?.add?.[id] ?? [])].filter(
      (entry) => typeof entry !== 'string' || !removed.has(entry.trim().toLowerCase())
    )
  }

  return result
}
