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
  const pattern = phrasesPattern(['{effectVerb} ~6 {bodyObject}', '{effectPhrase}'])
  const first = firstMatch(pattern, text)
  if (!first || isEffect(text, first)) return first
  // The first match was not an effect ("keeps the weight high"): look further.
  return allMatches(pattern, text).find((match) => match.start > first.start && isEffect(text, match))
}

/** Whether an effect-verb match really states an effect on the body. */
function isEffect(text: string, match: PhraseMatch): boolean {
  // "A burning feeling in your abs" describes a sensation, not an effect.
  if (/^(?:burning|aching|stinging|tingling|throbbing|shooting)\s+(?:feeling|sensation|pain|ache)/i.test(match.text)) return false
  // "calf raises", "lateral raises": an exercise, not a verb.
  if (/^raises\b/i.test(match.text) && /\b(?:calf|lateral|leg|front|heel|toe|side|knee|hip|arm|delt|rear delt|overhead)\s*$/i.test(text.slice(0, match.start))) return false
  // "If building muscle is your main goal": a goal, not an effect.
  if (/^\s*(?:is|are)\s+(?:your|the|my|their|our)\s+(?:\w+\s+)?(?:goal|goals|priority|aim|focus|objective)\b/i.test(text.slice(match.end))) return false
  // "Crystals building up in a joint": accumulating, not an effect.
  if (/^build(?:s|ing)?\s+up\s+in\b/i.test(match.text)) return false
  // "My watch says I burned 4,300 calories": a personal log, not a claim.
  if (/\b(?:I|[Ww]e)\s+(?:(?:just|probably|only|also|actually|apparently|must have|have|had|'ve)\s+)?$/.test(text.slice(0, match.start))) return false
  // "Lower the weight", "add weight to the bar": the load, not body weight.
  if (/^\s*(?:the|a|more|some|your)?\s*(?:weight|weights|bar|barbell|load|bell|kettlebell|dumbbells?|plates?)\b(?!\s+(?:loss|gain))/i.test(text.slice(match.start + match.text.split(/\s+/)[0].length))) return false
  // "Burn off energy", "build confidence": idioms, not effects on the body.
  if (/^(?:burn|burns|burning)\s+off\s+(?:some\s+|their\s+|your\s+|excess\s+|extra\s+)?energy\b|^(?:build|builds|building)\s+(?:their\s+|your\s+|real\s+|self-)?confidence\b/i.test(text.slice(match.start))) return false
  // "Cut back on water", "cut down and get the knee assessed": doing less, not an effect.
  if (/^cut(?:s|ting)?\s+(?:back|down)\b/i.test(match.text)) return false
  // "…increasing only when your symptoms are stable": used without an object.
  if (/^\s+(?:only|when|if|gradually|slowly|again|as|until|once|steadily)\b/i.test(text.slice(match.start + (match.text.split(/\s+/)[0]?.length ?? 0)))) return false
  // "A good balance of control and power": the noun, not the verb.
  if (/^balance\b/i.test(match.text) && /\b(?:a|the|good|great|nice|better|right|fine)\s+$/i.test(text.slice(0, match.start))) return false
  // "Soothe CBD Recovery Balm": a capitalised verb inside the sentence is part of a name.
  if (match.start > 0 && /^\p{Lu}/u.test(match.text) && !/[.!?:;"“]\s*$/.test(text.slice(0, match.start))) return false
  // "An add-on kit takes it to 90 lb", "the build-up of…": the verb is part of a compound noun.
  if (/^[\p{L}']+-\p{L}/u.test(match.text)) return false
  return true
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
  const match = firstMatch(listPattern('researchAppeal'), text)
  // "One of our patients, an 81-year-old…": an anecdote, not a study count.
  if (match && /^(?:one|a|an)\s+of\b/i.test(match.text)) return undefined
  return match
}

/** A statistic in a sentence about the body or a population. */
export function quantifiedClaim(text: string): PhraseMatch | undefined {
  const statistic = statisticClaim(text)
  if (!statistic) return undefined
  // "feels twice as steep": a perception, not a statistic.
  if (/\b(?:feels?|felt|looks?|looked|seems?|seemed|sounds?)\s+(?:\w+\s+)?$/i.test(text.slice(0, statistic.start))) return undefined
  // "Start with 10 to 15 percent of your body weight": a load to carry, not a statistic.
  if (/\bof\s+(?:your|their|his|her|my)\s+body\s*weight\b/i.test(text.slice(statistic.start, statistic.end + 30)) && /\b(?:start|starting|begin|beginning|carry|carrying|load|loading|pack|packing|ruck|rucking|wear|wearing|lift|lifting|hold|holding|use|using)\b/i.test(text)) return undefined
  // "65 to 75 percent of your maximum", "within 2% of our tally": a share of a measure, not of people.
  if (/^(?:\S+\s*(?:percent|per cent|%)|\S+%)\s+of\s+(?:(?:your|our|my|their|his|her|its|the)\s+)?(?:own\s+)?(?:manual\s+)?(?:max|maximum|max heart rate|maximum heart rate|heart rate|HR|tally|count|reading|one-rep|1RM|FTP|pace|effort|body ?weight|time|target|goal|budget|income|screen)\b/i.test(text.slice(statistic.start, statistic.end + 40))) return undefined
  // "My watch says I burned 900 calories on the ride": a personal log.
  if (/^(?:burn|burns|burned|burnt|torches|uses|used|lost|dropped|gained)\b/i.test(statistic.text) && /\b(?:I|[Ww]e)\s+(?:(?:just|probably|only|also|actually|apparently|must have|have|had|'ve)\s+)?$/.test(text.slice(0, statistic.start))) return undefined
  // "pain up to about 3 out of 10": a pain rating, not a statistic.
  if (painRating(text, statistic)) return undefined
  // "for most of the women I coach": a vague share from experience.
  if (/^(?:most|many|some|few|a few|a lot|nearly|almost|virtually|practically)\b/i.test(statistic.text) && EXPERIENCE.test(text)) return undefined
  return bodyMention(text) || firstMatch(listPattern('population'), text) || HEALTH_CONTEXT.test(text) ? statistic : undefined
}

/** Health words that make a statistic a health claim when no body part or group is named ("You lose heat 25 times faster in wet clothes"). */
const HEALTH_CONTEXT = /\binjur|\b(?:body heat|heat loss|lose heat|hypothermi\w*|heatstroke|dehydrat\w*|dementia|disease|diseases|illness|death|deaths|die|dying|mortality|infection|infections|recovery|healing|concussions?|fractures?|sprains?|strains?)\b/i

/** Words between "pain" and a rating: "pain (that climbs) above 5 out of 10". */
const BEFORE_RATING = /\bpain\s+(?:(?:up|to|about|around|roughly|of|at|above|below|under|over|less|more|than|no|that|climbs|rises|goes|stays|is|keep|keeps|it)\s+){0,5}$/i

/** A pain score on a 0–10 scale ("pain up to 3 out of 10", "4/10 pain"). */
function painRating(text: string, match: {start: number; end: number; text: string}): boolean {
  if (!/^\d{1,2}\s*(?:out of|\/)\s*10$/i.test(match.text.trim())) return false
  return BEFORE_RATING.test(text.slice(0, match.start)) || /^\s*(?:on the pain scale|pain\b)/i.test(text.slice(match.end))
}

/** "Most women I coach…", "In our clinic, most sprains…": experience, not a finding. */
const EXPERIENCE = /\b(?:I|we)(?:'ve|\s+have)?\s+(?:coach|coached|see|seen|train|trained|work with|worked with|treat|treated|teach|taught|meet|met|know|known)\b|^\W*in\s+(?:my|our)\s+(?:clinic|practice|experience|gym|studio|club|team)\b|\b(?:most|many|some|all|several|a lot|plenty|one|a few|nearly all|almost all) of (?:my|our) (?:patients|clients|athletes|members|runners|lifters|students|readers|customers|players)\b/i

/** "Most of our patients notice…": a report from practice, not a finding. */
const PRACTICE = /\b(?:most|many|some|all|several|a lot|plenty|one|a few|nearly all|almost all) of (?:my|our) (?:patients|clients|athletes|members|runners|lifters|students|readers|customers|players|swimmers|riders)\b/i

export function practiceReport(text: string): boolean {
  return PRACTICE.test(text)
}

/**
 * A generalisation about a group, opening the sentence or a clause: "Most
 * cases clear up on their own", but not "for most people" or "most of my
 * clients".
 */
export function generalization(text: string): PhraseMatch | undefined {
  if (EXPERIENCE.test(text)) return undefined
  for (const match of allMatches(listPattern('generalization'), text)) {
    const before = text.slice(0, match.start)
    const after = text.slice(match.end)
    if (
      /(?:^|[,;:—–]\s*|\b(?:and|but|so|because|while)\s+)\W*$/.test(before) &&
      !/^\s+(?:of\s+(?:my|our|your)|who\b|(?:I|we)\s+(?:coach|see|train|work with|meet|know|treat|teach)\b)/i.test(after) &&
      // "Most patients start with…": a plan, not a finding.
      !/^\s+(?:\w+\s+)?(?:start|begin|start out)\s+(?:with|on|at|by)\b/i.test(after) &&
      // "Most adults will be happy with 14 oz": a recommendation.
      !/^\s+(?:\w+\s+)?(?:will|would|should|might|may)\s+(?:be\s+(?:happy|fine|ok|okay|comfortable|best served)\s+with|prefer|want|like|need)\b/i.test(after) &&
      // "Most beginners do well starting with 10 lb": a recommendation.
      !/^\s+(?:\w+\s+)?(?:do|does|did)\s+(?:well|best|fine|better)\s+(?:with|on|starting|by|at|if|when)\b/i.test(after) &&
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
