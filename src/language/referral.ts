/**
 * Referrals: does a passage send the reader to a professional ("see a
 * doctor", "call 911", "go to A&E", "seek medical attention")? A negated
 * referral ("no need to see a doctor") does not count; telling a coach or
 * never plunging alone is not medical help.
 */
import type {Article, Sentence} from '../article/types.js'
import {listPattern} from './lexicon-patterns.js'
import {negatedJustBefore} from './negation.js'
import {allMatches, type PhraseMatch} from './phrases.js'

const cache = new WeakMap<Sentence, PhraseMatch | null>()

export function referralIn(sentence: Sentence): PhraseMatch | undefined {
  let found = cache.get(sentence)
  if (found === undefined) {
    found = null
    for (const match of allMatches(listPattern('referral', 'giu'), sentence.text)) {
      const before = sentence.text.slice(0, match.start)
      const negation = negatedJustBefore(sentence.text, match.start)
      // "Don't wait to see a doctor" is still a referral.
      if (negation && !/\b(?:wait|hesitate|delay|put off)\b/i.test(before.slice(-40))) continue
      found = match
      break
    }

    cache.set(sentence, found)
  }

  return found ?? undefined
}

/** Whether any sentence of `sentences` (indices) gives a referral. */
export function referralAmong(article: Article, sentences: number[]): boolean {
  return sentences.some((index) => referralIn(article.sentences[index]) !== undefined)
}

export type ReferralLevel = 'emergency' | 'urgent'

const EMERGENCY_WORDS = /\b(?:911|999|112|000|ambulance|emergency|ER|A&E|hospital|urgent care|immediate(?:ly)?|urgent(?:ly)?|same-day)\b/i
const RIGHT_AWAY = /^[^.;!?]{0,25}?\b(?:right away|immediately|at once|straight away|straightaway|without delay|urgently|the same day|today|now)\b/i

/**
 * How urgent a referral is: emergency care ("call 911", "go to the ER",
 * "seek immediate medical help", "see a doctor right away") or a visit to a
 * doctor ("see your GP").
 */
export function referralLevel(text: string, match: PhraseMatch): ReferralLevel {
  if (EMERGENCY_WORDS.test(match.text)) return 'emergency'
  return RIGHT_AWAY.test(text.slice(match.end)) ? 'emergency' : 'urgent'
}

/** The most urgent referral among `sentences` (indices), if any. */
export function referralLevelAmong(article: Article, sentences: number[]): ReferralLevel | undefined {
  let level: ReferralLevel | undefined
  for (const index of sentences) {
    const sentence = article.sentences[index]
    const match = referralIn(sentence)
    if (!match) continue
    if (referralLevel(sentence.text, match) === 'emergency' || emergencyReferralIn(sentence)) return 'emergency'
    level = 'urgent'
  }

  return level
}

/** Whether any referral in the sentence (not only the first) is for emergency care. */
function emergencyReferralIn(sentence: Sentence): boolean {
  for (const match of allMatches(listPattern('referral', 'giu'), sentence.text)) {
    if (negatedJustBefore(sentence.text, match.start) && !/\b(?:wait|hesitate|delay|put off)\b/i.test(sentence.text.slice(0, match.start).slice(-40))) continue
    if (referralLevel(sentence.text, match) === 'emergency') return true
  }

  return false
}

/**
 * The next passage after `passage` that is not a heading, or undefined.
 */
export function nextProsePassage(article: Article, passage: number): number | undefined {
  for (let index = passage + 1; index < article.passages.length; index++) {
    const candidate = article.passages[index]
    const isHeading = candidate.blocks.every((block) => article.blocks[block].kind === 'heading')
    if (!isHeading) return index
  }

  return undefined
}

/** Whether plain text gives a referral (for text that is not a whole sentence). */
export function referralInText(text: string): boolean {
  for (const match of allMatches(listPattern('referral', 'giu'), text)) {
    const negation = negatedJustBefore(text, match.start)
    if (negation && !/\b(?:wait|hesitate|delay|put off)\b/i.test(text.slice(0, match.start).slice(-40))) continue
    return true
  }

  return false
}
