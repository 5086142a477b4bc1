/**
 * Phrase groups: rule data organised as named groups of patterns, each entry
 * a phrase or `{all: [phrase, phrase]}` (every phrase somewhere in the same
 * sentence). Config `phrases.<rule>.add.<group>` appends phrases to a group;
 * `remove` drops phrases by their text.
 */
import type {PhraseChanges} from '../engine/rule.js'
import {compilePhrases, compileTagged, firstMatch, memoByText, PhraseSyntaxError, type Lexicons, type PhraseMatch} from './phrases.js'

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

/** The groups of a rule, each compiled into its own tagged matcher. */
export interface GroupSet {
  /** The first match of each group that matches `text`. */
  matchAll(text: string): Map<string, PhraseMatch>
  /** The first match of one group. */
  match(group: string, text: string): PhraseMatch | undefined
}

/**
 * Each group is one tagged matcher (its phrases, then each phrase of its
 * `all` combinations), scanned only when a rule asks about that group: a
 * rule that stops at the first group that fires, or asks about one group in
 * a clause, does not scan the others. Results are kept with the text.
 */
export function compileGroupSet(groups: Record<string, GroupEntry[]>, lexicons: Lexicons): GroupSet {
  const compiled = new Map<string, (text: string) => PhraseMatch | null>()
  for (const [id, entries] of Object.entries(groups)) {
    const singles = entries.filter((entry): entry is string => typeof entry === 'string')
    const lists: string[][] = [singles]
    const all = entries
      .filter((entry): entry is {all: string[]} => typeof entry === 'object' && entry !== null && Array.isArray(entry.all))
      .map((entry) => entry.all.map((phrase) => lists.push([phrase]) - 1))
    const matcher = compileTagged(lists, lexicons, 'iu')
    const first = memoByText((text): PhraseMatch | null => {
      const results = matcher.firstPerTag(text)
      if (results[0]) return results[0]
      for (const combination of all) {
        const matches = combination.map((tag) => results[tag])
        if (matches.every(Boolean)) return matches[0]!
      }

      return null
    })
    // Nothing is kept for a text in which no phrase of the group can start.
    compiled.set(id, (text) => (matcher.mayMatch(text) ? first(text) : null))
  }

  const match = (group: string, text: string): PhraseMatch | undefined => compiled.get(group)?.(text) ?? undefined
  return {
    matchAll(text) {
      const found = new Map<string, PhraseMatch>()
      for (const id of compiled.keys()) {
        const result = match(id, text)
        if (result) found.set(id, result)
      }

      return found
    },
    match
  }
}

/** Matchers for each group. */
export function compileGroupMatchers(groups: Record<string, GroupEntry[]>, lexicons: Lexicons): Record<string, CompiledMatcher> {
  const set = compileGroupSet(groups, lexicons)
  return Object.fromEntries(Object.keys(groups).map((id) => [id, {match: (text: string) => set.match(id, text)}]))
}
