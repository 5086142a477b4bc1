/**
 * Negation and debunking.
 *
 * - `negatedBefore`: a negation cue ("not", "never", "no evidence", "myth",
 *   "instead of"...) in the same clause before a trigger ("Don't push
 *   through pain", "No tea melts belly fat").
 * - `debunkFrame`: the sentence rejects or distances itself from a claim or
 *   advice ("… is a myth", "belongs on a T-shirt", "you'll still hear that",
 *   "influencers claim").
 */
import {clauseAt, type Clause} from './clauses.js'
import {listPattern} from './lexicon-patterns.js'
import {allMatches, firstMatch, type PhraseMatch} from './phrases.js'

export function negatedBefore(text: string, clauses: Clause[], start: number): PhraseMatch | undefined {
  const clause = clauseAt(clauses, start)
  const from = clause ? clause.start : 0
  const before = text.slice(from, start)
  for (const match of allMatches(listPattern('negation'), before)) {
    // "Don't worry if…" reassures; it does not negate what follows.
    if (/^(?:don't|do not|never)$/i.test(match.text) && REASSURE.test(before.slice(match.end))) continue
    // "eat nothing after 10 p.m. and keep it to 800 calories", "the nights
    // you don't need them and skip them": the negation belongs to the first
    // of two joined verb phrases. An order that opens the clause ("Don't
    // fast and skip water") still covers both.
    if (/\s(?:and|then)\s/i.test(before.slice(match.end)) && !/^\W*(?:(?:so|and|but|just|please)\s+)?(?:don't|do not|never|avoid)\b/i.test(before.slice(0, match.end))) continue
    return match
  }

  return undefined
}

const REASSURE = /^\s+(?:worry|panic|fret|stress|be (?:alarmed|scared|afraid)|freak out|be put off)\b/i

/**
 * A plain negation ("not", "never", "no", "-n't", "without") within the few
 * words right before `start`: for verbs like "see a doctor", where "stop"
 * or a negation earlier in the clause ("…won't straighten, needs to be
 * looked at") is not about them.
 */
export function negatedJustBefore(text: string, start: number, words = 4): PhraseMatch | undefined {
  // Only within the clause: in "…or that locks and won't straighten, needs
  // to be looked at", the "won't" is about straightening.
  const head = text.slice(0, start)
  const boundary = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':'), head.lastIndexOf('—'), head.lastIndexOf('–'))
  const before = head.slice(boundary + 1).split(/\s+/).slice(-words - 1).join(' ')
  return firstMatch(CLOSE_NEGATION, before)
}

const CLOSE_NEGATION = /(?<![\p{L}])(?:not|never|no|nothing|without|nor|[a-z]+n['’]t|cannot|skip|avoid|instead of)(?![\p{L}])/iu

export function debunkFrame(text: string): PhraseMatch | undefined {
  const label = MYTH_LABEL.exec(text)
  if (label) return {start: label.index, end: label.index + label[0].length, text: label[0]}
  return firstMatch(listPattern('debunkFrame'), text)
}

/**
 * A statement labelled as the myth it is about to bust: "Myth #4: Ibuprofen
 * before the start protects your legs.", "MYTH: sweat is fat crying".
 */
const MYTH_LABEL = /^\W{0,3}(?:the\s+)?(?:myths?|misconceptions?|fiction|false|busted|debunked|mistake)(?:\s*(?:#|no\.?|number)?\s*\d{1,3})?\s*[:—–]/i

/** Ranges of `text` inside quotation marks (straight quotes after normalising). */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const re = /"([^"]{2,400})"|(?<![\p{L}\p{N}])'([^']{2,200})'(?![\p{L}\p{N}])/gu
  let match: RegExpExecArray | null
  while ((match = re.exec(text))) {
    ranges.push([match.index, match.index + match[0].length])
  }

  return ranges
}

export function inRanges(ranges: Array<[number, number]>, start: number, end: number): boolean {
  return ranges.some(([from, to]) => start >= from && end <= to)
}
