/**
 * Hedges ("may", "probably", "one of the best", "for some people") and
 * opinion/experience frames ("In my experience", "I'd rather", "we like").
 */
import {listPattern} from './lexicon-patterns.js'
import {firstMatch, type PhraseMatch} from './phrases.js'

export function hedge(text: string): PhraseMatch | undefined {
  return firstMatch(listPattern('hedge'), text)
}

export function opinion(text: string): PhraseMatch | undefined {
  return firstMatch(listPattern('opinion'), text)
}
