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
