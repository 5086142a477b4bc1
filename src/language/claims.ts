/**
 * Claim detection: does a sentence state an empirical health fact a careful
 * reader would want evidence for?
 *
 * - research appeals: "studies show", "a 2019 study found", "clinically proven";
 * - statistics: a number with %, "times", "in half", "twice as" about the body;
 * - effect claims: a cause acting on the body ("Citrulline increases nitric
 *   oxide", "Pull-aparts cut your risk of a tear"): an effect verb followed
 *   closely by a body or health object.
 *
 * This module finds the evidence; rules decide what it means in context.
 */
import {sharedLexicons} from '../../rules/lexicon.js'
import {compilePhrases, firstMatch, type PhraseMatch} from './phrases.js'

let effect: RegExp | undefined

/** Effect verb, then within six words a body/health object. */
export function effectClaim(text: string): PhraseMatch | undefined {
  effect ??= compilePhrases(
    ['{effectVerb} ~6 {bodyObject}'],
    sharedLexicons(),
    'iu'
  )
  return firstMatch(effect, text)
}

let statistic: RegExp | undefined

/** A quantified effect: "by 65 percent", "70 percent less likely", "in half". */
export function statisticClaim(text: string): PhraseMatch | undefined {
  statistic ??= compilePhrases(
    [
      '# (percent|per cent|%|times|x|fold|-fold) [more|less|higher|lower|faster|slower|bigger|greater|fewer|likely|less likely|more likely]',
      '(by|up to|about|roughly|nearly|almost|over|more than) # (percent|per cent|%)',
      '(in half|twice as|three times|half as|double the|triple the)',
      '# out of #',
      '(nine|eight|seven|six) (times )?out of ten',
      '# (in|of) (every)? #'
    ].map((phrase) => phrase.replace('(times )?', '[times]').replace('(every)?', '[every]')),
    sharedLexicons(),
    'iu'
  )
  return firstMatch(statistic, text)
}

let body: RegExp | undefined

/** A body or health object anywhere in the text. */
export function bodyMention(text: string): PhraseMatch | undefined {
  body ??= compilePhrases(['{bodyObject}'], sharedLexicons(), 'iu')
  return firstMatch(body, text)
}

let research: RegExp | undefined

/** An appeal to research: "studies show", "one study of 486 participants". */
export function researchAppeal(text: string): PhraseMatch | undefined {
  research ??= compilePhrases(
    [
      '(studies|research|science|the science|evidence|the evidence|data|the data|experts|doctors|scientists|researchers|dietitians|trainers) [now|clearly|consistently] (show|shows|showed|shown|prove|proves|proved|proven|suggest|suggests|confirm|confirms|say|says|agree|agrees|recommend|recommends|found|find|finds|indicate|indicates|has shown|have shown|have found|has found|demonstrate|demonstrates)',
      '(scientifically|clinically|medically|research|science) (proven|tested|shown|backed|validated)',
      '(proven|shown) to',
      'backed by (science|research|studies|evidence)',
      "(it's|it is) [a] [well-known|well known|scientific|proven] fact",
      'it is (well )?(known|established) that',
      'according to (research|science|experts|studies|doctors|scientists)',
      '(a|one|another|the|this|that|recent|new|latest|landmark|#|small|large|big|major) ~3 (study|trial|survey|review|meta-analysis|analysis|experiment|paper|cohort) ~8 (found|find|finds|showed|shows|show|reported|reports|concluded|concludes|suggests|suggested|revealed|reveals|demonstrated|observed|measured|linked)',
      '(study|trial|survey|cohort|analysis) (of|with|in|on|involving|that followed) ~3 # ~3 (participants|people|subjects|adults|men|women|athletes|runners|lifters|patients|volunteers|dieters|players|kids|children|teens|powerlifters|crossfitters)',
      '# ~3 (participants|people|subjects|adults|men|women|athletes|runners|lifters|patients|volunteers|dieters|powerlifters)'
    ].map((phrase) => phrase.replace('(well )?', '[well]')),
    sharedLexicons(),
    'iu'
  )
  return firstMatch(research, text)
}

/** Any sign that the sentence states an empirical health claim. */
export function claimEvidence(text: string): PhraseMatch | undefined {
  return (
    researchAppeal(text) ??
    effectClaim(text) ??
    (bodyMention(text) ? statisticClaim(text) : undefined)
  )
}
