/**
 * Claim detection: does a sentence state an empirical health fact a careful
 * reader would want evidence for? The phrase data is in rules/lexicon.yml:
 *
 * - `researchAppeal`: "studies show", "a 2019 study found", "clinically proven";
 * - `statistic`: a number with %, "times", "in half", "twice as", a share of
 *   people — counted only in a sentence about the body or a population;
 * - `effectVerb` + `bodyObject`: a cause acting on the body ("Citrulline
 *   increases nitric oxide", "cut your risk of a tear"), and `effectPhrase`
 *   for word orders where the body comes first ("LDL usually goes up").
 *
 * This module finds the evidence; rules decide what it means in context.
 */
import {listPattern, phrasesPattern} from './lexicon-patterns.js'
import {firstMatch, type PhraseMatch} from './phrases.js'

/** Effect verb then (within six words) a body object, or a whole effect phrase. */
export function effectClaim(text: string): PhraseMatch | undefined {
  return firstMatch(phrasesPattern(['{effectVerb} ~6 {bodyObject}', '{effectPhrase}']), text)
}

export function statisticClaim(text: string): PhraseMatch | undefined {
  return firstMatch(listPattern('statistic'), text)
}

/** A body or health object anywhere in the text. */
export function bodyMention(text: string): PhraseMatch | undefined {
  return firstMatch(listPattern('bodyObject'), text)
}

/** An appeal to research: "studies show", "one study of 486 participants". */
export function researchAppeal(text: string): PhraseMatch | undefined {
  return firstMatch(listPattern('researchAppeal'), text)
}

const POPULATION = /\b(?:people|runners|lifters|athletes|women|men|kids|children|teens|adults|patients|participants|injur\w*)\b/i

/** A statistic in a sentence about the body or a population. */
export function quantifiedClaim(text: string): PhraseMatch | undefined {
  const statistic = statisticClaim(text)
  if (!statistic) return undefined
  return bodyMention(text) || POPULATION.test(text) ? statistic : undefined
}

/**
 * A generalisation about a group, opening the sentence or a clause: "Most
 * cases clear up on their own", but not "for most people" or "most of my
 * clients".
 */
export function generalization(text: string): PhraseMatch | undefined {
  const re = listPattern('generalization', 'giu')
  re.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(text))) {
    const before = text.slice(0, match.index)
    const after = text.slice(match.index + match[0].length)
    if (/(?:^|[,;:—–]\s*|\b(?:and|but|so|because|while)\s+)\W*$/.test(before) && !/^\s+(?:of\s+(?:my|our|your)|who\b)/i.test(after) && !/\bof\s+(?:my|our|your)\b/i.test(match[0])) {
      return {start: match.index, end: match.index + match[0].length, text: match[0]}
    }
  }

  return undefined
}

/** Any sign that the sentence states an empirical health claim. */
export function claimEvidence(text: string): PhraseMatch | undefined {
  return researchAppeal(text) ?? effectClaim(text) ?? quantifiedClaim(text) ?? generalization(text)
}
