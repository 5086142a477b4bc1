/**
 * Apply config phrase changes (`phrases.<rule>.add/remove`) to a rule's
 * phrase groups. Unknown group names are errors, so typos do not silently
 * do nothing.
 */
import type {PhraseChanges} from '../engine/rule.js'
import {compilePhrases, type Lexicons} from './phrases.js'

export function applyPhraseChanges(
  data: Record<string, unknown>,
  groups: string[],
  changes: PhraseChanges | undefined,
  lexicons?: Lexicons
): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const group of groups) {
    const list = data[group]
    result[group] = Array.isArray(list) ? [...(list as string[])] : []
  }

  if (!changes) return result
  for (const [group, phrases] of Object.entries(changes.add ?? {})) {
    if (!groups.includes(group)) {
      throw new Error(`unknown phrase group \`${group}\`; groups: ${groups.join(', ')}`)
    }

    for (const phrase of phrases) {
      // Compile alone first so a bad phrase is reported by itself.
      compilePhrases([phrase], lexicons)
    }

    result[group].push(...phrases)
  }

  if (changes.remove && changes.remove.length > 0) {
    const remove = new Set(changes.remove.map((phrase) => phrase.trim().toLowerCase()))
    for (const group of groups) {
      result[group] = result[group].filter((phrase) => !remove.has(phrase.trim().toLowerCase()))
    }
  }

  return result
}
