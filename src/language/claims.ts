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
import {allMatches, firstMatch, type PhraseMatch} from './phrases.js'
import {textCache} from './text-cache.js'

/** Effect verb then (within six words) a body object, or a whole effect phrase. */
export function effectClaim(text: string): PhraseMatch | undefined {
  const match = firstMatch(phrasesPattern(['{effectVerb} ~6 {bodyObject}', '{effectPhrase}']), text)
  // "A burning feeling in your abs" describes a sensation, not an effect.
  if (match && /^(?:burning|aching|stinging|tingling)\s+(?:feeling|sensation)/i.test(match.text)) return undefined
  return match
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

/** A statistic in a sentence about the body or a population. */
export function quantifiedClaim(text: string): PhraseMatch | undefined {
  const statistic = statisticClaim(text)
  if (!statistic) return undefined
  // "feels twice as steep": a perception, not a statistic.
  if (/\b(?:feels?|felt|looks?|looked|seems?|seemed|sounds?)\s+(?:\w+\s+)?$/i.test(text.slice(0, statistic.start))) return undefined
  return bodyMention(text) || firstMatch(listPattern('population'), text) || /\binjur/i.test(text) ? statistic : undefined
}

/**
 * A generalisation about a group, opening the sentence or a clause: "Most
 * cases clear up on their own", but not "for most people" or "most of my
 * clients".
 */
export function generalization(text: string): PhraseMatch | undefined {
  for (const match of allMatches(listPattern('generalization'), text)) {
    const before = text.slice(0, match.start)
    const after = text.slice(match.end)
    if (
      /(?:^|[,;:—–]\s*|\b(?:and|but|so|because|while)\s+)\W*$/.test(before) &&
      !/^\s+(?:of\s+(?:my|our|your)|who\b|(?:I|we)\s+(?:coach|see|train|work with|meet|know|treat|teach)\b)/i.test(after) &&
      !/\bof\s+(?:my|our|your)\b/i.test(match.text)
    ) {
      return match
    }
  }

  return undefined
}

/** Any sign that the sentence states an empirical health claim. */
export function claimEvidence(text: string): PhraseMatch | undefined {
  let found = evidenceCache.get(text)
  if (found === undefined) {
    found = researchAppeal(text) ?? effectClaim(text) ?? quantifiedClaim(text) ?? generalization(text) ?? null
    evidenceCache.set(text, found)
  }

  return found ?? undefined
}

/** Several rules ask about the same sentence. */
const evidenceCache = textCache<string, PhraseMatch | null>()
