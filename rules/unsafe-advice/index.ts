/**
 * unsafe-advice (sentence, error): advice that can hurt a reader who follows
 * it: training through pain or warning symptoms, explaining symptoms away,
 * home care instead of a doctor, very-low-calorie diets, dehydration weight
 * cuts, banned substances, caffeine overdoses, stopping medication, training
 * to vomiting, maxing out every session, dangerous form cues, extended water
 * fasts, training with a fever, returning to heavy lifting days after birth.
 *
 * Fires only when the sentence advises or encourages it. Negated ("Don't
 * push through sharp pain"), warned-against, debunked, quoted ("'No pain, no
 * gain' belongs on a T-shirt"), reported ("influencers claim") and
 * supervised ("only under medical supervision") forms do not fire. Some
 * cases need the sentences around them: "ignore it" after a symptom, "take
 * two scoops" after "350 mg of caffeine per scoop".
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Report, Rule, Severity} from '../../src/engine/rule.js'
import {analyse, inReferenceSection, type SentenceAnalysis} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {compileGroupMatchers, groupEntries, type CompiledMatcher, type GroupEntry} from '../../src/language/groups.js'
import {listPattern} from '../../src/language/lexicon-patterns.js'
import {debunkFrame, inRanges, negatedBefore} from '../../src/language/negation.js'
import {compilePhrases, firstMatch, type Lexicons, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {nextProsePassage, referralIn, referralInText} from '../../src/language/referral.js'
import {sharedLexicons} from '../lexicon.js'
import {defaultRedFlagData, findRedFlag, hasReferral} from '../red-flag-symptom/index.js'

interface GroupData {
  severity: Severity
  message: string
  advice?: boolean
  patterns?: GroupEntry[]
}

interface UpperLimit {
  name: string
  names: string
  limit: number
  unit: 'mg' | 'mcg' | 'IU'
  iuPerMcg?: number
  inclusive?: boolean
}

interface Data {
  lexicons: Lexicons
  groups: Record<string, GroupData>
  supervised: string[]
  upperLimits: UpperLimit[]
}

interface CompiledLimit extends UpperLimit {
  /** An amount then the substance, or the substance then an amount. */
  pattern: RegExp
}

interface Group {
  id: string
  severity: Severity
  message: string
  advice: boolean
  matcher: CompiledMatcher
}

interface Compiled {
  groups: Map<string, Group>
  supervised: PhraseMatcher
  continueVerb: PhraseMatcher
  stopVerb: PhraseMatcher
  careVerb: PhraseMatcher
  bannedSubstance: PhraseMatcher
  warningSymptom: PhraseMatcher
  upperLimits: CompiledLimit[]
}

const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)\s*(mg|milligrams?|mcg|µg|micrograms?|IU|iu|international units|g|grams?)\b`

function compileLimit(limit: UpperLimit): CompiledLimit {
  const names = `(?:${limit.names})`
  return {
    ...limit,
    pattern: new RegExp(String.raw`\b${AMOUNT}\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?${names}\b|\b${names}\b[^.;:!?\d]{0,30}?\b${AMOUNT}`, 'i')
  }
}

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = {...sharedLexicons(), ...data.lexicons}
  const entries = groupEntries(data.groups, changes)
  const matchers = compileGroupMatchers(entries, lexicons)
  const groups = new Map<string, Group>()
  for (const [id, group] of Object.entries(data.groups)) {
    groups.set(id, {
      id,
      severity: group.severity,
      message: group.message,
      advice: group.advice !== false,
      matcher: matchers[id]
    })
  }

  return {
    groups,
    supervised: compilePhrases(data.supervised, lexicons, 'iu'),
    continueVerb: compilePhrases(['{continueVerb}'], lexicons, 'iu'),
    stopVerb: compilePhrases(['{stopVerb}'], lexicons, 'iu'),
    careVerb: compilePhrases(['{careVerb}'], lexicons, 'iu'),
    bannedSubstance: compilePhrases(['{bannedSubstance}'], lexicons, 'iu'),
    warningSymptom: compilePhrases(['{warningSymptom}'], lexicons, 'iu'),
    upperLimits: (data.upperLimits ?? []).map(compileLimit)
  }
}

/** Doses taken at once that are unsafe, per unit named in the text. */
const DOSE_LIMITS = [
  {substance: /caffeine/i, limit: 400, name: 'caffeine'},
  {substance: /sodium/i, limit: 3000, name: 'sodium'}
].map((dose) => ({...dose, ...dosePatterns(dose.name)}))

/** Per-unit dose patterns, with the substance named or only implied. */
function dosePatterns(name: string): {perUnitNamed: RegExp; perUnitImplied: RegExp; stated: RegExp} {
  const build = (what: string) =>
    new RegExp(
      String.raw`\b(?:each|per|one|a|every)\s+(?:\w+\s+)?(?:scoop|serving|capsule|pill|tablet|sachet|shot|can|dose)\b[^!?;]{0,60}?\b(\d[\d,]*)\s*mg${what}|\b(\d[\d,]*)\s*mg${what}\s+(?:\w+\s+){0,2}?(?:per|a|each|every|in each|into each)\s+(?:\w+\s+)?(?:scoop|serving|capsule|pill|tablet|sachet|can|dose)|\b(\d[\d,]*)\s*mg${what},?\s+(?:in\s+)?each\b`,
      'i'
    )
  return {
    perUnitNamed: build(String.raw`\s+(?:of\s+)?${name}`),
    perUnitImplied: build(String.raw`(?:\s+(?:of\s+)?${name})?`),
    stated: new RegExp(String.raw`(\d[\d,]*)\s*(?:mg|milligrams)\s+(?:of\s+)?${name}`, 'i')
  }
}

/** A daily amount of a supplement above its upper limit, times the doses a day. */
function aboveUpperLimit(text: string, limits: CompiledLimit[]): {match: PhraseMatch; detail: string} | undefined {
  for (const limit of limits) {
    const found = limit.pattern.exec(text)
    if (!found) continue
    const amount = Number((found[1] ?? found[3]).replace(/,/g, ''))
    const unit = (found[2] ?? found[4]).toLowerCase()
    let value = amount
    const inMcg = unit.startsWith('mc') || unit.startsWith('µ') || unit.startsWith('micro')
    const inMg = unit === 'mg' || unit.startsWith('milli')
    const inG = unit === 'g' || unit.startsWith('gram')
    const inIu = unit === 'iu' || unit.startsWith('international')
    if (limit.unit === 'IU') value = inIu ? amount : inMcg && limit.iuPerMcg ? amount * limit.iuPerMcg : inMg && limit.iuPerMcg ? amount * 1000 * limit.iuPerMcg : Number.NaN
    else if (limit.unit === 'mg') value = inMg ? amount : inMcg ? amount / 1000 : inG ? amount * 1000 : Number.NaN
    else value = inMcg ? amount : inMg ? amount * 1000 : inG ? amount * 1_000_000 : Number.NaN
    if (Number.isNaN(value)) continue
    const times = /\b(?:twice|two times) (?:a|per) day\b/i.test(text) ? 2 : /\b(?:three times|3 times|thrice) (?:a|per) day\b/i.test(text) ? 3 : /\b(?:four times|4 times) (?:a|per) day\b/i.test(text) ? 4 : 1
    const daily = value * times
    if (daily > limit.limit || (limit.inclusive && daily >= limit.limit)) {
      return {
        match: {start: found.index, end: found.index + found[0].length, text: found[0]},
        detail: `${times > 1 ? `${times} × ` : ''}${found[0].trim()} is ${daily.toLocaleString('en-US')} ${limit.unit} of ${limit.name} a day; the adult upper limit is ${limit.limit.toLocaleString('en-US')} ${limit.unit}`
      }
    }
  }

  return undefined
}

const UNITS = /\b(?:(?:take|have|use|swallow|stack|add|mix|drink|go for|try|pop|slam|down|neck|chug)\s+(?:\w+\s+)?(two|three|four|five|six|seven|eight|ten|double|triple|a|one|\d+(?:\.\d+)?)\s+(?:\w+\s+)?(scoops?|servings?|capsules?|pills?|tablets?|sachets?|shots?|cans?|doses?|of them)|(two|three|four|five|six)\s+(of them|cans|scoops|servings|pills|tablets))(\s+and\s+a\s+half)?\b/i

/** "take two at 10 p.m.": a count of the units just described, with a time but no unit word. */
const BARE_UNITS = /\b(?:take|have|pop|swallow)\s+(two|three|four|five|six)\s+(?=at\b|around\b|before\b|after\b|with\b|in the\b|first thing\b|right before\b|on an? \b|on an empty\b)()()/i

/** Further units in the same sentence: "…and another two around 3 a.m.". */
function moreUnits(rest: string): number {
  let more = 0
  for (const found of rest.matchAll(/\b(?:another|then|plus|and)\s+(?:a\s+further\s+)?(one|two|three|four|five|six|\d)\b(?!\s*(?:mg|g|hours?|minutes?|days?|weeks?|times|a\.m|p\.m|am|pm|o'clock|cups?))/gi)) more += toNumber(found[1])
  return more
}

const NUMBER_WORDS: Record<string, number> = {a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, double: 2, triple: 3}

function toNumber(value: string): number {
  const lower = value.toLowerCase()
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower]
  return Number(lower.replace(/,/g, ''))
}

const HIGH_GLUCOSE = /\b(?:above|over|higher than|more than|of|at|past|hits?|reads?)\s+(\d{2,3}(?:\.\d)?)\s*(mg\/dL|mg\/dl|mmol\/L|mmol\/l|mmol)(?![\w/])/
/** Exercise encouraged at that reading ("a good time for a hard interval session", "will bring it down"). */
const GLUCOSE_GO = /\b(?:(?:good|great|perfect|ideal|best|fine)\s+time\s+(?:for|to)|(?:fine|safe|okay|ok)\s+to\s+(?:exercise|train|work out|run|ride|lift|go)|go\s+(?:ahead|hard)|(?:exercise|workout|session|intervals?|run|ride)\s+(?:will|should|can)\s+(?:bring|knock|get)\s+(?:it|them|that|your\s+\w+)\s+down|burn\s+it\s+off|work\s+it\s+off)\b/i
/** A reading named as a reason to wait, test or stop. */
const GLUCOSE_CAUTION = /\b(?:ketones?|check|test|wait|postpone|delay|hold off|skip|avoid|don't|do not|never|not\s+(?:exercise|train)|stop|call)\b/i
const COLD_SOAK = /\b(\d{1,2})\s*(?:minutes?|mins?)\s+(?:at|in|of)\s+(?:about\s+|around\s+)?(\d{1,2})\s*(°\s*[FC]|degrees(?:\s+[FC]\b|\s+(?:fahrenheit|celsius))?|[FC]\b)/i

/** Typical caffeine of drinks named without an amount (FDA, USDA), in mg. */
const CAFFEINE_DRINKS: Array<[RegExp, number]> = [
  [/\b(an?|one|two|three|four|five|six|[1-6])?\s*(?:triple) (?:shot )?espressos?\b/gi, 195],
  [/\b(an?|one|two|three|four|five|six|[1-6])?\s*(?:double) (?:shot )?espressos?\b|\b(an?|one|two|three|four|five|six|[1-6])?\s*double shots?\b/gi, 130],
  [/\b(an?|one|single|two|three|four|five|six|[1-6])\s+(?:shots? (?:of )?)?espressos?\b/gi, 65],
  [/\b(an?|one|two|three|four|five|six|[1-6])\s+(?:cups?|mugs?) of (?:strong |black )?coffee\b/gi, 95],
  [/\b(an?|one|two|three|four|five|six|[1-6])\s+(?:cans? of )?(?:energy drinks?|Monsters?|Bangs?|Celsius|C4 Energy)\b/gi, 160]
]

const COUNTED_DOSE = /\b(two|three|four|five|six|double|triple|[2-6])\s+(\d[\d,]*)\s*-?\s*(?:mg|milligrams?)\s+(?:of\s+)?(?:caffeine\s+)?(?:pills?|tablets?|capsules?|caps|shots?|cans?|scoops?|doses?|servings?)\b/i
const HOURLY_DOSE = /\b(\d[\d,]*)\s*(?:mg|milligrams)\s+(?:of\s+caffeine\s+)?(?:every|each|an|a|per)\s+(hour|half hour|30 minutes|45 minutes|hour or so)\b/i
const MULTI_SCOOP = /\b(?:double|triple)[- ]?scoop(?:s|ing|ed)?\b|\b(?:double|triple) (?:up )?(?:on )?(?:the |your )?scoops?\b/i

/**
 * Caffeine taken at once or stacked in a day above the FDA's ~400 mg:
 * "two 200 mg caffeine pills", "200 mg every hour from dusk until sunrise",
 * "a double espresso plus a scoop (350 mg of caffeine)", "double-scoop" a
 * pre-workout. The caller has checked that the text is about caffeine and advises.
 */
function caffeineStack(text: string, caffeine: Group): Finding | undefined {
  const at = (found: RegExpExecArray) => ({start: found.index, end: found.index + found[0].length, text: found[0]})
  const counted = COUNTED_DOSE.exec(text)
  if (counted) {
    const total = toNumber(counted[1]) * toNumber(counted[2])
    if (total >= 400) return {group: caffeine, match: at(counted), detail: `${counted[1]} × ${counted[2]} mg = ${total} mg of caffeine at once`}
  }

  const hourly = HOURLY_DOSE.exec(text)
  if (hourly && toNumber(hourly[1]) >= 100 && !/\b(?:no more than|not more than|at most|up to|max(?:imum)?|limit|cap)\s+(?:of\s+)?(?:about\s+)?\d/i.test(text.slice(Math.max(0, hourly.index - 20), hourly.index + 1))) {
    return {group: caffeine, match: at(hourly), detail: `${hourly[1]} mg every ${hourly[2]} adds up past 400 mg within a few hours`}
  }

  const scoops = MULTI_SCOOP.exec(text)
  // Not a double scoop of protein or creatine, only of the caffeinated product.
  if (scoops && !/\b(?:protein|whey|casein|creatine|collagen|greens|electrolytes?|gainer|oats|ice cream)\b/i.test(text)) return {group: caffeine, match: at(scoops), detail: 'two or more scoops of a caffeinated pre-workout at once'}
  const doses = [...text.matchAll(/\b(\d[\d,]*)\s*(?:mg|milligrams)\b/gi)].map((dose) => toNumber(dose[1]))
  for (const [drink, amount] of CAFFEINE_DRINKS) {
    for (const found of text.matchAll(drink)) {
      const count = found[1] ?? found[2]
      const times = !count || /^(?:an?|one|single)$/i.test(count) ? 1 : toNumber(count)
      for (let index = 0; index < times; index++) doses.push(amount)
    }
  }
  const total = doses.reduce((sum, dose) => sum + dose, 0)
  if (doses.length > 1 && total > 400 && /\b(?:another|then|and|plus|again|later|second|with|stack|stacking|on top of)\b/i.test(text)) {
    const first = /\b\d[\d,]*\s*(?:mg|milligrams)\b/i.exec(text) ?? CAFFEINE_DRINKS.map(([drink]) => new RegExp(drink.source, 'i').exec(text)).find(Boolean)!
    return {group: caffeine, match: at(first), detail: `${doses.join(' + ')} = ${total} mg of caffeine in a day`}
  }

  return undefined
}

interface Finding {
  group: Group
  match: PhraseMatch
  detail?: string
  severity?: Severity
}

const sectionTexts = new WeakMap<Article, Map<number, string>>()
const sectionNames = new WeakMap<Article, Map<string, boolean>>()

/**
 * Whether a section names a substance, once per section (a section of
 * 20,000 dose rows would search its whole text for each row).
 */
function namedInSection(article: Article, section: number, name: string, substance: RegExp): boolean {
  let map = sectionNames.get(article)
  if (!map) {
    map = new Map()
    sectionNames.set(article, map)
  }

  const key = section + ' ' + name
  let named = map.get(key)
  if (named === undefined) {
    named = substance.test(sectionText(article, section))
    map.set(key, named)
  }

  return named
}

function sectionText(article: Article, section: number): string {
  let map = sectionTexts.get(article)
  if (!map) {
    map = new Map()
    sectionTexts.set(article, map)
  }

  let text = map.get(section)
  if (text === undefined) {
    text = article.sections[section].path.join(' ') + ' ' + article.sections[section].sentences.map((index) => article.sentences[index].text).join(' ')
    map.set(section, text)
  }

  return text
}

const PLAN_STEP =
  /^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day \d+|week \d+|morning|afternoon|evening|night|the night before|weigh-in day|race day|cut day|game day|meet day)\b[^:]{0,20}:|\brepeat until\b/i

/**
 * Advice written as a description that endorses it: "…, because that's how
 * you build grit", "it works every time", "real lifters…", "I'd tell any
 * first-timer to…", "hamstrings heal faster if you…".
 */
const ENDORSE = new RegExp(
  [
    String.raw`\b(?:that's|that is|this is|it's|which is)\s+(?:exactly\s+)?(?:how|what|why)\s+(?:you|we|champions|winners|real|the pros|pros|the best|athletes|lifters|runners|fighters|I)\b`,
    String.raw`\bworks?\s+(?:every (?:single )?time|like a charm|wonders)\b`,
    String.raw`\b(?:feel|feels|felt)\s+(?:so much |much |way )?better for it\b`,
    String.raw`\b(?:is|are|was)\s+(?:the|a|an|your)\s+(?:fastest|quickest|best|easiest|simplest|surest|smartest|great|good|perfect|brilliant|fantastic|powerful)\s+(?:way|route|shortcut|method|fix|bet|tool)\b`,
    String.raw`\b(?:the|my|our)\s+(?:secret|trick|key|golden rule)\s+is\b`,
    String.raw`\breal\s+(?:lifters|runners|athletes|fighters|champions|climbers|players)\b`,
    String.raw`\b(?:the best|all the best|elite|serious|smart)\s+(?:runners|lifters|athletes|fighters|players|climbers)(?:\s+I know)?\s+(?:all\s+)?(?:just\s+)?(?:ignore|train|run|lift|skip|push|cut|take|do|keep|never)\b`,
    String.raw`\b(?:I'd|I would|we'd|we would)\s+(?:tell|advise|recommend|urge|encourage|suggest)\b`,
    String.raw`\b(?:heal|heals|recover|recovers|improve|improves|progress|progresses|get better|gets better)\s+(?:much\s+|a lot\s+)?(?:faster|quicker|sooner|better)\s+if\s+you\b`,
    String.raw`\bwill\s+(?:pull|get|take|strip|shed|drop|sweat|knock|melt)\s+(?:\w+\s+)?(?:the|those|that)\s+(?:last|final|extra)\b`,
    String.raw`\b(?:is|are)\s+(?:so\s+|totally\s+|well\s+)?worth it\b|\bpays?\s+off\b`,
    String.raw`\b(?:and|so)\s+(?:(?:honestly|frankly|really|trust me),?\s+)?(?:you|so)\s+(?:can|could|may be able to|might be able to|should|will)\s+(?:too|as well|also)\b|\bso can you\b`,
    String.raw`\b(?:is|are)\s+(?:a|an)\s+(?:perfectly\s+|really\s+|very\s+)?(?:good|great|fine|valid|solid)\s+reason\s+to\b`,
    String.raw`\b(?:and\s+)?(?:that's|that is|it's|it is)\s+(?:usually|generally|totally|perfectly|absolutely|normally)\s+(?:fine|ok|okay|safe)\s*[.!]?$|\b(?:they've|they have|I've|I have|we've|we have)\s+been\s+(?:absolutely\s+|totally\s+|perfectly\s+)?fine\b`,
    String.raw`\b(?:most|many|plenty of|lots of)\s+(?:guys|people|lifters|runners|women|men|folks|patients)\s+can\b|\b(?:it's|it is)\s+(?:perfectly\s+|completely\s+)?reasonable\s+to\b`,
    String.raw`\bI(?:'d|\s+would)\s+(?:just\s+|probably\s+|definitely\s+)?(?:pause|skip|stop|take|ditch|drop|double|cut|push|keep|ignore|try|go|bin|swap)\b`,
    String.raw`^\W*[\p{Lu}][\p{Ll}]+ing\b[^.;:!?]{0,80}?\b(?:keeps|helps|makes|gives|lets|will keep|will help|will make|will give)\s+you\b`,
    String.raw`\b(?:resets?|reboots?|recharges?|rebalances?)\s+(?:your|the)\s+(?:whole\s+|entire\s+)?(?:system|body|gut|metabolism|hormones)\b`,
    // "…what I tell all my masters lifters: …"
    String.raw`\bwhat\s+(?:I|we)\s+(?:always\s+)?(?:tell|teach|give)\s+(?:all\s+|every\s+|each\s+)?(?:(?:of\s+)?(?:my|our)\s+)?(?:\w+\s+){0,2}?(?:client|athlete|lifter|runner|member|patient|student|reader|rider|fighter|player|trainee|customer|competitor|recruit)s?\b`,
    // Testimonials on a product page: "many of our customers find they can stop…"
    String.raw`\b(?:customers|clients|users|members|readers|buyers|people|owners|patients)\s+(?:[\w-]+\s+){0,5}?(?:find|found|report|tell us|say)\s+(?:that\s+)?(?:they|their)\s+(?:can|could|no longer|don't|do not|were able to|cut|stopped|dropped|came off|halved|reduced|quit)\b`,
    String.raw`\b(?:it's|it is|they're|they are|that's)\s+(?:(?:well|definitely|really|so)\s+)?worth\s+(?:trying|a try|a go|a shot)\b`,
    String.raw`\byou'll\s+never\s+(?:get|make it|progress|improve|get anywhere|get fit|get strong)\b[^.;:!?]{0,40}?\bif\s+you\b`,
    String.raw`\bI\s+(?:always\s+|just\s+)?(?:tell|advise|get|have)\s+(?:them|my clients|clients|people|my athletes|athletes|patients|my players|players|my runners|runners)\s+(?:to\s+)?\w+`,
    // "…is what most of the kids we surveyed do, and it works."
    String.raw`\b(?:and|because|since)\s+it\s+(?:really\s+|totally\s+|just\s+)?works\s*[.!]*$`,
    String.raw`\b(?:is|are|they're|it's|that's)\s+the\s+(?:safe|safest|natural|gentle|smart|easy)\s+way\s+to\b`,
    String.raw`\byou're\s+doing\s+it\s+right\b|\b(?:first|last)\s+(?:person|one)\s+to\s+\w+(?:\s+up)?\s+(?:gets|wins)\b`,
    String.raw`\b(?:really|definitely|absolutely|honestly)\s+will\s+(?:make|get|give|help|take)\b`,
    String.raw`\b(?:more|extra)\s+is\s+(?:even|always|only)\s+better\b`,
    String.raw`\btakes?\s+the\s+edge\s+off\b|\bwill\s+get\s+you\s+(?:there|to the top|up|home|through)\b`,
    String.raw`\b(?:customers|readers|users|members|clients|people|patients|owners)\s+(?:[\w-]+\s+){0,3}?(?:have been able to|were able to|managed to|could)\s+(?:drop|stop|quit|come off|cut|halve|ditch|reduce|swap)\b`,
    String.raw`\bwill\s+(?:keep|get|make)\s+you\s+(?:sharp|going|alert|awake|focused|fresh|lean|shredded|ripped|dry)\b`,
    String.raw`\b(?:everyone|everybody|all of you|you all|the whole (?:squad|team|group|class))(?:,\s*[\w\s]{1,30},)?\s+will\s+(?:do|run|complete|perform|finish)\b`,
    String.raw`\bI(?:'d|\s+would)\s+(?:do|try)\s+(?:it|that|the same|exactly the same)\s+(?:again|thing again)\b`,
    // The exhortation trope: "if you're not puking by the last round, you left something in the tank".
    String.raw`\bif\s+(?:you're|you are)\s+not\s+\w+ing\b[^.;!?]{0,50}?\byou\s+(?:left|didn't|did not|aren't|are not|weren't|haven't|have not)\b`,
    // "the quickest way to get the pounds off is…", "so give it a go".
    String.raw`\bthe\s+(?:fastest|quickest|best|easiest|surest|simplest|smartest)\s+way\s+to\b[^.;!?]{0,60}?\b(?:is|are)\b`,
    String.raw`\b(?:so\s+)?give\s+it\s+a\s+(?:go|try|shot|whirl|bash)\b`,
    String.raw`\b(?:usually|always|normally|soon)\s+(?:settles|sorts|fixes|clears|calms)\s+(?:things|it|that|them|everything)\s*(?:down|out|up)?\b`,
    String.raw`\b(?:so\s+)?(?:don't|do not|never)\s+let\s+(?:the|any|those|some)\s+\w+\s+(?:talk|scare|put|frighten)\s+you\b`,
    String.raw`\b(?:everyone|everybody|all of you|you all)\s+(?:drops?|goes|cuts?|sticks?|stays?)\s+(?:down\s+)?to\b`,
    String.raw`\b(?:is|are|'s)\s+(?:actually\s+|really\s+)?(?:the\s+)?(?:perfect|ideal|best|right|great)\s+(?:time|day|moment|week)\s+(?:to|for)\b`,
    String.raw`\bmeans\s+you're\s+(?:finally\s+|really\s+)?(?:working|doing\s+it|pushing)\s+(?:hard|right)`,
    String.raw`\bI\s+(?:don't|do not)\s+want\s+(?:kids|you|anyone|players|athletes|them|the team|my players)\s+\w+ing\b`,
    String.raw`\bwill\s+(?:knock\s+you\s+out|sort\s+you\s+out|do\s+the\s+trick)\b`,
    String.raw`\b(?:it's|it is)\s+(?:fine|ok|okay|safe|alright|all right)\s+to\s+(?:skip|miss|drop|stop|halve)\b`,
    String.raw`\b(?:we|I)\s+(?:ask|require|expect|insist)\s+(?:that\s+)?(?:all\s+)?(?:children|kids|players|athletes|you|students|pupils|members|everyone|parents)\b`,
    String.raw`\b(?:you|anyone)\s+(?:can|could|should)\s+(?:easily\s+|happily\s+)?do\s+(?:exactly\s+)?the\s+same\b`,
    String.raw`\bis\s+no\s+reason\s+to\s+(?:skip|miss|stop|sit\s+out|cancel|rest)\b`,
    // "The less you lean on the puffer, the stronger your lungs get."
    String.raw`\bthe\s+less\s+you\s+\w+[^,.;]{0,40},?\s+the\s+(?:stronger|better|fitter|healthier|tougher|faster)\b`,
    // "…and any serious high schooler should be doing the same."
    String.raw`\b(?:should|ought to|needs? to|must)\s+(?:all\s+|also\s+|really\s+)?(?:be\s+doing|do|follow|copy)\s+(?:exactly\s+)?(?:the\s+same|likewise|the\s+same\s+thing)\b`
  ].join('|'),
  'iu'
)

/** Whether the sentence tells or encourages the reader to do something. */
function isAdvice(text: string, analysis: SentenceAnalysis): boolean {
  // "I get asked whether you should play through pain": an embedded question.
  if (/\bwhether\s+(?:or not\s+)?(?:you|I|we|they|people)\s+(?:should|can|could|need to)\b/i.test(text) && !analysis.directives.some((directive) => directive.kind === 'imperative' && directive.polarity === 'positive')) return false
  if (analysis.directives.some((directive) => directive.polarity === 'positive' || directive.kind === 'imperative')) return true
  if (ENDORSE.test(text)) return true
  // A line of a plan ("Friday night: 40 minutes in a sweat suit…").
  if (PLAN_STEP.test(text)) return true
  // "Anyone on blood pressure tablets should skip them on match days."
  if (/\b(?:anyone|everyone|anybody|everybody|people|those|players|athletes|runners|lifters|members|riders|patients|beginners|newbies|kids|children|parents|women|men)\b[^.;:!?]{0,60}?\bshould\b/i.test(text)) return true
  return /\b(?:you have my permission to|you've got my permission to|you can|you could|you should|you'll want|you need to|you must|go ahead|feel free to|(?:there's |there is )?no need to|don't bother|have (?:them|him|her|your)|let (?:them|your)|is (?:fine|ok|okay|safe) to|it's (?:fine|ok|okay|safe) to|best pick|we recommend|I recommend|our pick)\b/i.test(text)
}

/** A dose in milligrams (checked before asking whether the sentence advises). */
const DOSE_AMOUNT = /\d\s*(?:mg|milligrams)\b/i
/** An amount in a supplement unit. */
const SUPPLEMENT_AMOUNT = /\d\s*(?:mg|mcg|µg|iu|g|grams?|milligrams?|micrograms?|international units)\b/i

/** A calorie amount ("800 calories", "an 800-calorie day", "900 kcal"). */
const DAILY_CALORIES = /\b(\d{3}|\d,\d{3})\s*-?\s*(?:calories|calorie|kcal|cals)\b/i
/** "calories around 700 a day": the number after the word. */
const DAILY_CALORIES_AFTER = /\b(?:calories|kcal|cals)\s+(?:at|around|about|of|under|below|to|at about|at around)\s+(\d{3}|\d,\d{3})\b(?=\s+(?:a|per|each)\s+day\b)/i
/** Words that make a calorie amount a daily intake. */
const INTAKE_CONTEXT = /\b(?:a day|per day|daily|each day|every day|intake|in total|total|cap|capped|limit|stick to|stay (?:at|under|below)|diet|eat|eating|ate|consume|meals?|(?:rest|training|off|fasting|low|non-training|cardio) days?|on (?:your|the|those|these) (?:[\w-]+\s+){0,2}days?)\b/i
/** A calorie amount that is burned, a snack or a deficit, not an intake. */
const BURN_CONTEXT = /\b(?:burns?|burned|burnt|burning|deficit|surplus|snack|per serving|a serving|each serving|per bar|a bar|per bottle|a bottle|per hour|an hour|per mile|a mile|cut (?:out )?\d|fewer|under)\b/i

/** Medication named in a sentence (for "stop them" in the next one). */
const MEDICATION_WORDS = /\b(?:medications?|meds|tablets?|pills?|prescriptions?|inhalers?|injections?|insulin|statins?|antidepressants?|blood thinners?|painkillers?|HRT|patches)\b/i

/** Recommending what the sentence before told as a story. */
const ENDORSE_STORY =
  /\b(?:do|try)\s+(?:exactly\s+|just\s+)?the\s+same\b|\b(?:try|give)\s+it\s+a\s+(?:go|try|shot)\b|\b(?:I|we)(?:'d|\s+would)\s+(?:do it again|recommend it|tell (?:anyone|everyone|any\s+\w+|every\s+\w+) to)\b|\b(?:worked|works)\s+(?:for me|for us|a treat|wonders|every time)\b|\bhighly recommend(?:ed)?\b|\bcopy (?:me|us|this|it)\b/i

/**
 * An order to carry on: the phrase list, or any "keep …ing" ("keep
 * stepping", "keep pulling") or "get back to …" ("get back to pumping").
 */
function carryOnIn(compiled: Compiled, text: string): PhraseMatch | undefined {
  const listed = firstMatch(compiled.continueVerb, text)
  if (listed) return listed
  const found = /\bkeep\s+(?:on\s+)?(?!breathing\b|drinking\b|sipping\b|resting\b|calm\b|warm\b|still\b|an eye\b|track\b|hydrat)\p{L}{3,}ing\b|\bget\s+back\s+(?:to|into|on)\s+(?:it\b|the\s+(?:bar|bike|set|session|workout|course|field|pitch|mat|stairs|wall)\b|\p{L}{3,}ing\b)|\b(?:strap|tape|wrap|brace)\s+it(?:\s+up)?\s+and\s+(?:go|keep|carry|crack|get|train|play|run|lift)\b/iu.exec(text)
  return found ? {start: found.index, end: found.index + found[0].length, text: found[0]} : undefined
}

/** Breathing drills and supplements whose tingling is an expected, harmless effect. */
const EXPECTED_TINGLE = /\b(?:breathwork|breath work|breathing rounds?|rounds? of (?:deep |power )?breathing|hyperventilat\w*|power breaths?|Wim Hof|beta-alanine|niacin flush)\b/i

const tingleArticles = new WeakMap<Article, boolean>()
/** Whether the page is about breathing drills or supplements that make readers tingle (once per page). */
function expectedTingleIn(article: Article): boolean {
  let found = tingleArticles.get(article)
  if (found === undefined) {
    found = article.sections.some((_, index) => EXPECTED_TINGLE.test(sectionText(article, index)))
    tingleArticles.set(article, found)
  }

  return found
}

/** Words that explain away a symptom named in the sentence before: "It's just nerves", "Totally normal, mate". */
const ANTECEDENT_DISMISSAL =
  /\b(?:it's|it is|that's|that is|this is|they're|they are)\s+(?:(?:usually|probably|most likely|likely|almost certainly|mostly|often|almost always|nearly always)\s+)?(?:just|only|simply|nothing but|nothing more than|totally normal|perfectly normal|completely normal|normal)\b|\b(?:it's|it is|that's|that is|this is)\s+(?:a|an)\s+(?:totally\s+|perfectly\s+|completely\s+|very\s+)?(?:normal|common|harmless|expected)\b|\b(?:don't|do not)\s+let\s+(?:it|that|this|them)\s+(?:worry|scare|bother|stop|alarm|panic)\s+you\b|\b(?:that|this|the)\s+(?:feeling|sensation|pain|ache|tightness|pressure|dizziness|numbness)\s+(?:is|'s)\s+(?:usually\s+|probably\s+|most likely\s+|almost always\s+)?(?:just|only|simply)\b|\b(?:rather than|not) anything serious\b|\b(?:it's|it is|that's|that is)\s+(?:almost always|usually|probably|most likely|nearly always|mostly)\s+(?:just\s+)?(?:a|an|your|the|low|high|from|down to|because)\s(?!sign\b|warning\b|emergency\b|red flag\b)|\b(?:it's|it is|that's|that is|this is)\s+(?:a|the|your)\s+(?:sign|mark|proof|hallmark)\s+(?:of\s+(?:a\s+)?(?:good|great|hard|real|productive|proper)|(?:that\s+)?(?:it's|it is|you're|you are|the \w+ is)\s+(?:working|doing))|\b(?:I|you)\s+(?:wouldn't|would not|shouldn't|should not|needn't|need not)\s+worry\b|\b(?:don't|do not)\s+(?:panic|worry)\s+if\s+(?:it|this|that)\s+happens\s+to\s+you\b|\bsounds\s+like\s+(?:just\s+|a\s+bit\s+of\s+)?(?:lactic acid|a cramp|cramp|a pulled muscle|a tight muscle|a knot|tight muscles|growing pains|dehydration|nerves|indigestion|heartburn|a stitch)\b|\b(?:I\s+)?(?:wouldn't|would not|don't|do not)\s+let\s+(?:it|that|this|them)\s+(?:keep\s+you\s+(?:off|from|out)|stop\s+you|hold\s+you\s+back)\b|\b(?:that's|that is|it's|it is|this is)\s+(?:just\s+)?what\s+(?:a|an|your)\s+(?:proper|real|good|hard|first|tough|decent|solid)\s+(?:[\w-]+\s+){0,2}?(?:feels|should feel|is supposed to feel)\s+like\b|^\W*(?:(?:oh|honestly|yeah|yes|nah|mate|babe|hun)\W+)?(?:totally|perfectly|completely|pretty|quite|very)\s+normal\b|^\W*(?:(?:oh|honestly|yeah|yes|nah)\W+)?(?:nothing to worry about|no big deal|happens to (?:everyone|everybody|all of us|the best of us))\b/i

/** Short openers of an answer ("Not usually.", "Hi Tom!") and bylines ("IronMike_BB · 4 Jan 2026"). */
function isFiller(sentence: Sentence): boolean {
  return sentence.kind === 'heading' || sentence.text.split(/\s+/).filter(Boolean).length <= 5 || BYLINE.test(sentence.text)
}

/** A forum byline: "roadrash_ron · Replied 14 March 2026, 10:41". */
const BYLINE = /^\W*[\w.-]{2,40}\s*[·•|—–-]\s*(?:(?:replied|posted|wrote|commented|said|answered)\b[^.!?]{0,40})?\b(?:\d{1,2}:\d{2}|\d{4}|ago|yesterday|today)\b[^.!?]{0,20}$/i

/**
 * The sentence a pronoun dismissal ("That's just…", "Totally normal") can be
 * about: the sentence before, past an answer's short opener ("Not usually.",
 * "Hi Tom!") or a byline, and back through a reader's question to the
 * symptom it names (up to four sentences, over at most two paragraph breaks).
 */
function symptomBefore(article: Article, sentence: Sentence, compiled: Compiled): Sentence | undefined {
  let breaks = 0
  let current = sentence
  for (let back = 1; back <= 4; back++) {
    const candidate = article.sentences[sentence.index - back]
    if (!candidate) return undefined
    if (candidate.passage !== current.passage && ++breaks > 2) return undefined
    if (candidate.kind !== 'heading' && firstMatch(compiled.warningSymptom, candidate.text)) return candidate
    if (!isFiller(candidate) && !candidate.isQuestion) return undefined
    current = candidate
  }

  return undefined
}

/** The finding is undone by negation, debunking, quotes, or a safety condition. */
function isDefused(text: string, analysis: SentenceAnalysis, match: PhraseMatch, compiled: Compiled, group: Group, ignoreNarrative = false): boolean {
  if (inRanges(analysis.quoted, match.start, match.end)) return true
  if (firstMatch(compiled.supervised, text)) return true
  // Advice that sends the reader to a professional is conditioned already.
  if (group.id !== 'avoidCare' && referralInText(text)) return true
  // A warning about the act, or a story about someone who did it.
  if (WARNING_FRAME.test(text)) return true
  if (!ignoreNarrative && group.id !== 'dismissal' && NARRATIVE.test(text) && !ENDORSE.test(text)) return true
  if (debunkFrame(text)) return true
  // The pain-monitoring model physios use: a ceiling on a 0–10 scale, or a
  // condition that the pain settles ("up to 3 out of 10 is fine, as long as
  // it has settled by the next morning") is a limit, not "push through".
  if ((group.id === 'painThrough' || group.id === 'dismissal') && (painCeiling(text) || SETTLES.test(text))) return true
  // The trigger may itself contain a negation ("don't drink any water");
  // only a negation before it, in the same clause, defuses it. "Don't tell
  // me you can't tough it out" is a push, not a negation.
  if (!RHETORICAL_PUSH.test(text) && negatedBefore(text, analysis.clauses, match.start)) return true
  // "Hot yoga is not safe in pregnancy", "Avoid lying flat…": the reassurance is negated or the act warned off.
  if (group.id === 'contraindication' && /\b(?:not|isn't|aren't|never|no longer)\s+(?:\w+\s+)?(?:safe|fine|okay|ok|recommended|welcome|advised)\b|\b(?:avoid|don't|do not|never|no longer|instead of|rather than|stop)\b/i.test(text)) return true
  // "Never mix sleeping pills and alcohol", "…don't mix".
  if (group.id === 'medication' && /\b(?:don't|do not|never|avoid)\s+(?:mix|combine|take\s+(?:them|it)\s+with)|\bdon't mix\b|\bdo not mix\b|\b(?:can|could) (?:kill|be fatal|stop your breathing)/i.test(text)) return true
  if (group.id === 'kidsCaffeine' && /\b(?:not|never|isn't|aren't|no|avoid|don't|do not|keep\s+\w+\s+(?:away|out))\b/i.test(text)) return true
  if (/\b(?:FDA|WADA|USADA|the government) (?:has )?(?:warned|banned)|\billegal\b|linked to (?:deaths|liver)|has killed|can kill|banned substance|dangerous\b/i.test(text) && group.id === 'substance') {
    return true
  }

  return false
}

/** Soreness named as delayed-onset muscle soreness: the normal kind, not a warning sign explained away. */
const NAMED_DOMS = /\bDOMS\b|delayed[- ]onset (?:muscle )?soreness|\b(?:stiff|sore|achy|aching)\b[^.;]{0,30}\bfor (?:a|one|two|a couple of) (?:day|days|day or two)\b/i

const RHETORICAL_PUSH = /\b(?:don't|do not)\s+(?:tell|give)\s+me\s+(?:that\s+)?(?:you|your\s+\w+)\s+(?:can't|cannot|can not|couldn't)\b/i

/** A pain ceiling of 5 out of 10 or less ("up to 8 out of 10 is fine" is not a ceiling that protects). */
function painCeiling(text: string): boolean {
  const found = PAIN_LIMIT.exec(text)
  return found !== null && Number(found[1] ?? found[2]) <= 5
}

/** A pain ceiling on a 0–10 scale: "up to about 3 out of 10", "below 4/10". */
const PAIN_LIMIT = /\b(?:up to|below|under|less than|no more than|at most|no higher than|not above|not over)\s+(?:about\s+|around\s+|roughly\s+|a\s+)?(\d{1,2})\s*(?:out of|\/)\s*10\b|\b(\d{1,2})\s*(?:out of|\/)\s*10\s+or\s+(?:less|lower|under|below)\b/i

/** A condition that the pain settles again: "as long as it settles within 24 hours". */
const SETTLES = /\b(?:(?:as long as|provided|so long as|if)\s+(?:it|the pain|the soreness|the ache|symptoms?|things?)\s+(?:has\s+|have\s+)?|(?:that|which)\s+)(?:settles?|settled|calms? down|eases?|eased|goes? away|gone away|returns? to|is back to|are back to)\b/i

/** Sentences that warn against the act rather than advise it. */
const WARNING_FRAME =
  /\b(?:can|could|may|might|will|would)\s+(?:kill|harm|hurt|injure|land you in|put you in|damage|wreck)\b|\b(?:is|are|was|were)\s+(?:(?:very|really|so|extremely)\s+)?(?:dangerous|deadly|risky|harmful|a bad idea|a terrible idea|unsafe)\b|\brisks?\s+(?:kidney|heart|liver|death|injury|fainting|heatstroke)|\bended up in (?:the )?(?:ER|hospital|A&E|emergency)|\bsetting (?:you|them|yourself) up for\b|\b(?:can|could|may)\s+(?:cause|lead to|trigger)\b/i

/** A past-tense story about the writer or someone else, not advice. */
const NARRATIVE =
  /^\W*(?:(?:in|at|during|when|back in|last|years ago)[^,]{0,40},\s*)?(?:I|we|he|she|they|my \w+|our \w+|his \w+|her \w+)\s+(?:\w+\s+)?(?:wore|used|took|tried|quit|stopped|ran|lifted|did|went|cut|dropped|sweated|puked|vomited|kept|pushed|trained|skipped|ignored|swallowed|drank|ate|fasted|dumped|was|were|had|sat|spent|got|made|put|gave|stood|sprinted|raced|rode|swam|popped|dosed|doubled|tripled|started|finished|carried|loaded)\b/i

/** Soft sensations that are normal when mild ("some mild aching is expected"). */
const SOFT = /^(?:ache|aches|aching|discomfort|burning|twinges?|pinch(?:es|ing)?|sting(?:s|ing)?|pain|sore\w*|stiff\w*|sharp|sharply)\b/i
const MILD = /\b(?:mild|slight|minor|a bit of|a little|some|normal|usual|gentle|next-day|muscle|muscular|stretching)\s+(?:\w+\s+)?$/i

const PRONOUN_DISMISSAL = /^\W*(?:and\s+|but\s+|so\s+)?(?:I\s+(?:always\s+)?(?:tell|told|say|said to)\s+(?:her|him|them|you|people|everyone|my\s+\w+)\s+(?:that\s+)?)?(?:(?:that's|that is|which is)\s+how\s+you\s+know\b|(?:that's|that is|it's)\s+(?:just\s+)?(?:derby|rugby|football|hockey|boxing|sport|the sport|the game|part of the game|part of the sport|contact sport)(?=\s*[.!]?$)|(?:that's|that is|it's|it is|this is|they're|they are)\s+(?:just|only|simply|nothing but|nothing more than|totally normal|perfectly normal|normal)|(?:that's|that is|it's|it is)\s+(?:just\s+)?(?:the|your)\s+(?:depletion|cut|water cut|diet|fast|cleanse|detox|protocol|keto flu|carb flu)\s+(?:working|doing its job|kicking in)|(?:it|this|that|they)\s+(?:always|usually|normally|soon|quickly)\s+(?:fades?|goes away|go away|passes|pass|settles?|wears? off|disappears?)\s+(?:once|as|when|after)|(?:it|this|that|they)\s+(?:fades?|goes away|go away|passes|settles?|wears? off|disappears?|stops?)\s+(?:once|as soon as|when)\s+(?:your body|you|you've)\s+(?:\w+\s+){0,2}?(?:used to|adjusts?|adapts?|adapted|warmed? up))\b/i

/** "…pass out during a strangle, don't panic: children come round within seconds and can carry on". */
const DONT_PANIC = /^\W*(?:but\s+|so\s+)?(?:don't|do not)\s+(?:panic|worry|be alarmed)\b[^.]*?\b(?:carry on|come round|come around|come to|be fine|are fine|is fine|back to normal|keep going)\b/i

/** An order to do more: for a mild ache only these are unsafe ("add more volume"). */
const MORE_LOAD = /\b(?:add|increase|more|heavier|harder|push|double|extra|another|load up|speed up|faster|pick up the pace|quicken)\b/i

/** Cold explains numb fingers and toes. */
const COLD = /\b(?:cold|icy|ice|snow|freezing|frozen|frost|winter|chilly|gloves)\b/i

/** A benign course or cause, negated: "doesn't clear on its own", "isn't just nerves". */
const NOT_BENIGN =
  /(?<!\b(?:that|which)\s+)\b(?:doesn't|does not|don't|do not|won't|will not|didn't|did not|isn't|is not|aren't|are not|never|not)\s+(?:\w+\s+)?(?:clear|go away|settle|sort|resolve|fade|pass|just|only|simply|normal|part of|a sign|happen to)\b/i

/** The sentence says a symptom is not normal: "…, but fainting is not normal". */
const NOT_NORMAL = /\b(?:is|are|'s)\s+(?:not|never)\s+(?:\w+\s+)?normal\b|\b(?:isn't|aren't)\s+(?:\w+\s+)?normal\b/i

/** Words that explain a symptom away, for red-flag signs. */
const RED_FLAG_DISMISSAL =
  /\bhappens to (?:everyone|everybody|all of us|the best of us|most people|most of us)\b|\b(?:is|are|'s)\s+(?:just|only|simply|totally|perfectly|completely|quite|pretty)?\s*(?:normal|harmless|nothing|expected|fine)\b|\bnothing to (?:worry|fuss|panic|stress)\b|\bno big deal\b|\b(?:is|are|'s)\s+(?:just|only|simply|usually|probably)\s+(?:the|your|a)\b|\bpart of the (?:process|deal)\b|\b(?:clears?|goes away|settles?) (?:up )?on (?:its|their) own\b|\b(?:only|just|simply)\s+(?:shows|proves|means)\b|\bhow hard (?:it|the \w+|your \w+) (?:is|was) working\b|\b(?:rather than|not) anything serious\b|\bnothing serious\b/i

/** A dismissal whose symptom and "just/normal" sit in the same clause. */
function dismissalIn(text: string, analysis: SentenceAnalysis, group: Group): PhraseMatch | undefined {
  for (const [position, clause] of analysis.clauses.entries()) {
    let match = group.matcher.match(clause.text)
    // "…tingling down one arm; that's just nerves regenerating": the
    // symptom is in an earlier clause of the sentence.
    if (!match && position > 0 && (PRONOUN_DISMISSAL.test(clause.text) || DONT_PANIC.test(text.slice(clause.start)))) {
      const earlier = text.slice(0, clause.start)
      const symptom = firstMatch(listPattern('warningSymptom'), earlier)
      if (symptom) match = {start: 0, end: clause.end - clause.start, text: clause.text.trim()}
    }

    if (!match) continue
    // "…doesn't clear on its own", "…is not normal": the opposite of a dismissal.
    if (NOT_BENIGN.test(clause.text) || NOT_NORMAL.test(text)) continue
    // "I trained through a fever and was fine": the person was fine, not the sign explained away.
    if (/\b(?:and|but)\s+(?:was|were)\s+(?:\w+\s+)?(?:fine|ok|okay|alright)\b|\b(?:I|we|he|she|they)\s+(?:was|were)\s+(?:\w+\s+)?(?:fine|ok|okay|alright)\b/i.test(clause.text)) continue
    // "…it's fine to tell an adult if their head hurts": permission, not a dismissal.
    if (/\b(?:fine|okay|ok|normal|safe|good)\s+to\s+\p{L}/iu.test(clause.text)) continue
    const symptom = firstMatch(listPattern('warningSymptom'), clause.text)
    // Cold, numb fingers in the first mile; aching muscles the day after.
    if (symptom && /^(?:numb|tingl|pins)/i.test(symptom.text) && COLD.test(text)) continue
    // Tingling lips and face from fast breathing or beta-alanine is expected.
    if (symptom && /^(?:tingl|pins)/i.test(symptom.text) && /^[^,;.]{0,30}\b(?:lips|face|cheeks|mouth|scalp|ears)\b/i.test(clause.text.slice(symptom.end)) && !/\b(?:down|along|into)\s+(?:your|the|one)\s+(?:arm|leg)/i.test(clause.text)) continue
    if (symptom && SOFT.test(symptom.text) && /\bmuscles?\b|\b(?:a day|two days|24|48|72 hours?|next day|the day after|next morning)\b/i.test(clause.text)) continue
    if (symptom && SOFT.test(symptom.text) && MILD.test(clause.text.slice(0, symptom.start))) continue
    return {start: clause.start + match.start, end: clause.start + match.end, text: match.text}
  }

  return undefined
}

/** Home care offered for a symptom in the same sentence that names it. */
const HOME_CARE_SAME =
  /\b(?:(?:will|should|'ll)\s+(?:calm|settle|fix|sort|clear|ease|heal|bring down|take care of|sort out)\s+(?:it|that|this|them|the\s+(?:inflammation|swelling|pain|fever|infection|problem))\b(?:\s+down)?|(?:is|are)\s+(?:best\s+)?(?:treated|handled|managed|fixed|sorted)\s+(?:at home\s+)?with|treat(?:ed)?\b[^.;,]{0,50}?\bwith\s+(?:plenty of\s+|lots of\s+|some\s+|a\s+|an\s+)?(?:water|fluids|ice|rest|heat|ibuprofen|painkillers|paracetamol|stretching|rest day|sleep|tea|salt|electrolytes|bandage|tape|compression|foam rolling|massage)\b|(?:settles?|clears?(?:\s+up)?|goes away|go away|eases?|calms? down)\s+with|(?:sleep|walk|run|shake|sweat|stretch|breathe)\s+(?:it|them|that|this)\s+off|(?:sleep|walk|run|shake|sweat)\s+off\s+(?:a|an|the|your|that|this)\b|(?:a|an)\s+(?:cup of tea|hot bath|rest day|good night's sleep|early night|sports drink|banana|salt tablet|electrolyte drink)\s+(?:will|should|usually)\s+(?:fix|sort|settle|clear|cure|help))/i

/** What a safe answer to a warning sign starts with. */
const SAFE_RESPONSE =
  /^\W*(?:(?:and|so|then|just|please|immediately|right away)\s+)*(?:stop|rest|ease|back off|reduce|lower|lighten|drop the|drop (?:to|down)|shorten|cut (?:back|down)|land (?:softly|soft)|soften|switch to|skip|see|call|seek|check|ask|talk|consult|get (?:it )?(?:checked|looked|seen|help|off)|book|sit|lie|break|end|cool|slow|pause|take a break|take (?:a|the) (?:day|rest)|switch to (?:an? )?(?:easier|lighter|gentler)|scale|modify|regress|swap|let go|try something else|switch|put (?:the|your|it|them) (?:\w+ )?down|put down|stay in bed|stay (?:at )?home|rest up|raise your (?:hand|paddle|arm)|get out|come in|go (?:back )?down|head (?:back )?down|descend|turn (?:back|around)|don't go (?:any )?higher|do not go (?:any )?higher|tell (?:your|a|the) (?:coach|lifeguard|marshal|official|instructor|teacher|parent|leader|guide|first-aider|first aider)|get (?:your|a|the) (?:doctor's|GP's|physician's|OB's|midwife's|nurse's|care team's) (?:OK|okay|approval|clearance|go-ahead|advice))\b/i

/** A conditional clause naming a warning sign, then an order to carry on. */
function symptomContinue(
  article: Article,
  sentence: Sentence,
  analysis: SentenceAnalysis,
  compiled: Compiled,
  previous: Sentence | undefined
): PhraseMatch | undefined {
  const text = sentence.text
  const condition = analysis.clauses.find((clause) =>
    /^\W*(?:if|when|whenever|once|as soon as|every time|even if|even when|even though)\b/i.test(clause.text)
  )
  if (!condition) return undefined
  // "If this settles within a few minutes, carry on more gently": a condition that it has passed.
  if (/\b(?:settles?|settled|eases?|eased|passes|passed|goes away|has gone|improves|calms? down|disappears|stops)\b/i.test(condition.text)) return undefined
  const despite = /^\W*even\b/i.test(condition.text)
  const symptom = firstMatch(compiled.warningSymptom, condition.text) ?? (despite ? /\b(?:hurts?|sore|sharp|aches?)\b/i.exec(condition.text)?.[0] : undefined)
  const pronoun = !symptom && /\b(?:it|this|that|they)\b/i.test(condition.text) && previous && firstMatch(compiled.warningSymptom, previous.text)
  if (!symptom && !pronoun) return undefined
  const rest = analysis.clauses.filter((clause) => clause !== condition)
  // "…rather than stopping": stopping named only to be rejected.
  const restText = rest
    .map((clause) => clause.text)
    .join(' ')
    .replace(/\b(?:rather than|instead of|without|not)\s+(?:\w+ing|stop)\b/gi, '')
    .replace(/["“][^"”]{1,60}["”]/g, '')
  // "…finish the match before you get it checked" delays the referral.
  if (referralIn(sentence) && !/\bbefore\s+(?:you|we|they|he|she)\s+(?:get|go|see|call|have)\b/i.test(text)) return undefined
  const directives = analysis.directives.filter((directive) => directive.polarity === 'positive' && (directive.start >= condition.end || directive.end <= condition.start))
  if (directives.length === 0) {
    // "…, you have my permission to play the rest of the day": a permission is an order too.
    const permission = /\b(?:you have my permission to|you've got my permission to|feel free to|it's (?:fine|ok|okay|safe) to|you can (?:still )?)\s*(\p{L}+)/iu.exec(restText)
    if (permission && /^(?:play|run|train|lift|keep|carry|finish|race|ride|skate|go|continue|compete|push|dance|climb|swim|jump)/i.test(permission[1])) return {start: condition.start, end: text.length, text: permission[0]}
    return undefined
  }
  // A red-flag sign (chest pain, fainting, swelling with fever…): any order
  // but stopping is unsafe ("slow to a walk and finish", "ice it and take
  // ibuprofen"), even next to a "rest it".
  const redFlag = findRedFlag(article, sentence, defaultRedFlagData())
  if (redFlag && inRanges([[condition.start, condition.end]], redFlag.match.start, redFlag.match.end)) {
    const parts = directives.flatMap((directive) => directive.text.split(/,\s*|\s+and\s+/)).filter((part) => part.trim() !== '')
    // "…raise your paddle, stop, and let the steerer bring the boat in": stopping is among the orders.
    const stops = parts.some((part) => /^\W*(?:and\s+)?stop\b/i.test(part)) && !parts.some((part) => carryOnIn(compiled, part))
    const unsafeOrder = !stops && parts.some((part) => !SAFE_RESPONSE.test(part))
    return unsafeOrder ? {start: condition.start, end: text.length, text: redFlag.match.text} : undefined
  }

  const pause = firstMatch(compiled.stopVerb, restText)
  if (pause) {
    // "…just sit down for a minute and carry on with the next juice": a pause
    // before carrying on through the sign is not stopping.
    const after = carryOnIn(compiled, restText.slice(pause.end))
    const softSign = symptom && typeof symptom !== 'string' && SOFT.test(symptom.text)
    if (after && !softSign && /\b(?:and|then)\b/i.test(restText.slice(pause.end, pause.end + after.start + 1))) return {start: condition.start, end: text.length, text: after.text}
    return undefined
  }

  // "Even if it hurts, run Sunday's race": any order despite the symptom.
  if (despite) return {start: 0, end: text.length, text: condition.text.trim()}
  const carryOn = carryOnIn(compiled, restText)
  if (carryOn) return {start: condition.start, end: text.length, text: carryOn.text}
  // Any other order that is not a way of stopping or backing off
  // ("If your shoulder pinches, add more volume") — for a sign stronger than
  // an ache ("If your legs ache by the evening, put your feet up" is fine).
  const soft = symptom && typeof symptom !== 'string' && SOFT.test(symptom.text) && !/\b(?:sharp|stabbing|severe|shooting|sudden|worse)\b/i.test(condition.text)
  const order = directives.find((directive) => !SAFE_RESPONSE.test(directive.text) && (!soft || MORE_LOAD.test(directive.text)))
  if (order) return {start: condition.start, end: text.length, text: order.text.trim()}
  return undefined
}

export const rule: Rule = {
  id: 'unsafe-advice',
  severity: 'error',
  scope: 'sentence',
  docs: {
    summary: 'Advice that can hurt a reader who follows it, unless negated, warned against or supervised.'
  },
  options: {},
  compile,
  check(context) {
    const {article} = context
    const compiled = context.data as Compiled
    const flagged = new Set<number>()
    /** The group each flagged sentence was reported under. */
    const flaggedGroup = new Map<number, string>()
    const group = (id: string) => compiled.groups.get(id)!
    /** Per-unit doses seen so far in this section: substance → mg per unit. */
    const doses = new Map<number, Map<string, number>>()

    const report = (sentence: Sentence, finding: Finding) => {
      if (flagged.has(sentence.index)) return
      if (context.isAccepted(finding.match.text)) return
      flagged.add(sentence.index)
      flaggedGroup.set(sentence.index, finding.group.id)
      const entry: Report = {
        start: sentence.start,
        end: sentence.end,
        reason: `Unsafe advice: ${finding.group.message}`,
        note: `“${finding.match.text.trim()}”${finding.detail ? ` (${finding.detail})` : ''} tells readers to do something that can hurt them if they follow it as written. Negate it, frame it as a warning, or add the safety condition.`,
        actual: finding.match.text,
        severity: finding.severity ?? finding.group.severity,
        group: finding.group.id
      }
      context.report(entry)
    }

    /** Sentences whose unsafe act was told as the writer's story only. */
    const narrated = new Map<number, Finding>()
    for (const sentence of article.sentences) {
      if (sentence.kind === 'heading' || sentence.isQuestion || sentence.isQuoted) continue
      const analysis = analyse(article, sentence)
      if (analysis.garbled || inReferenceSection(analysis)) continue
      if (article.blocks[sentence.block].containers.includes('blockquote')) continue
      const text = sentence.text
      // Whether the sentence advises: asked only when something else fired.
      let adviceMemo: boolean | undefined
      const advice = () => (adviceMemo ??= isAdvice(text, analysis))
      const previous = article.sentences[sentence.index - 1]
      const samePassagePrevious = previous && previous.passage === sentence.passage ? previous : undefined

      // Per-unit doses ("Each scoop packs 350 mg of caffeine").
      const sectionDoses = doses.get(sentence.section) ?? new Map<string, number>()
      doses.set(sentence.section, sectionDoses)
      if (/\d\s*mg\b/i.test(text)) {
        for (const {substance, name, perUnitNamed, perUnitImplied} of DOSE_LIMITS) {
          // The substance may be named in the sentence or only in its section
          // ("One brand has 200 mg in each tablet" under "Is caffeine cheating?").
          const named = substance.test(text)
          if (!named && !namedInSection(article, sentence.section, name, substance)) continue
          const perUnit = (named ? perUnitNamed.exec(text) : undefined) ?? perUnitImplied.exec(text)
          if (perUnit) sectionDoses.set(name, toNumber(perUnit[1] ?? perUnit[2] ?? perUnit[3]))
        }
      }

      let finding: Finding | undefined

      // 1. Phrase groups (dismissals are judged clause by clause).
      for (const candidate of compiled.groups.values()) {
        const match = candidate.id === 'dismissal' ? dismissalIn(text, analysis, candidate) : candidate.matcher.match(text)
        if (!match) continue
        if (isDefused(text, analysis, match, compiled, candidate)) {
          if (NARRATIVE.test(text) && !isDefused(text, analysis, match, compiled, candidate, true)) narrated.set(sentence.index, {group: candidate, match})
          continue
        }

        if (candidate.advice && !advice()) continue
        // "Skip caffeine pills if you're pregnant", "keep them out of reach of children".
        if (candidate.id === 'medication' && (/\b(?:caffeine|diet|slimming|fat[- ]burn\w*|weight[- ]loss|vitamin|supplement\w*|protein|creatine|melatonin|pre-?workout|energy|detox|laxative|herbal|iron|fish oil|collagen|magnesium|zinc)\s+(?:pills|tablets|capsules|gummies)\b/i.test(match.text) || /^\s*of\s+(?:the\s+)?reach\b/i.test(text.slice(match.end)))) continue
        if (candidate.id === 'vlcd') {
          const calories = toNumber(/\d[\d,]*/.exec(match.text)?.[0] ?? '0')
          if (!(calories >= 300 && calories < 1200)) continue
          finding = {
            group: calories <= 800 ? candidate : {...candidate, message: `${calories} kcal a day is below the 1,200 kcal floor most guidelines use; raise it or add “only with a dietitian or doctor”.`},
            match,
            detail: `${calories} kcal a day`,
            severity: calories <= 800 ? 'error' : 'warn'
          }
          break
        }

        // "200 tuck jumps on the first night back": only a big number is a shock.
        if (candidate.id === 'maxing' && /\d/.test(match.text) && Math.max(...(match.text.match(/\d[\d,]*/g) ?? ['0']).map(toNumber)) < 100) continue

        if (candidate.id === 'extremeFast') {
          const amount = /(\d+)\s*-?\s*(hour|hr|day)/i.exec(match.text)
          const hours = amount ? Number(amount[1]) * (/day/i.test(amount[2]) ? 24 : 1) : 48
          if (hours < 48) continue
        }

        finding = {group: candidate, match}
        break
      }

      // A red-flag sign explained away in words the symptom list does not
      // cover: "Getting out of breath just sitting on the sofa… happens to everyone."
      if (!finding && !referralIn(sentence) && !NOT_NORMAL.test(text)) {
        const frame = RED_FLAG_DISMISSAL.exec(text)
        const redFlag = frame && findRedFlag(article, sentence, defaultRedFlagData())
        if (frame && redFlag && !negatedBefore(text, analysis.clauses, frame.index)) {
          finding = {group: group('dismissal'), match: {start: frame.index, end: frame.index + frame[0].length, text: frame[0]}, detail: `about “${redFlag.match.text}”`}
        }
      }

      // "Worked for me, and I'd tell any first-timer to do the same": the
      // story in the sentence before becomes advice.
      const story = samePassagePrevious && narrated.get(samePassagePrevious.index)
      if (!finding && story && ENDORSE_STORY.test(text) && !negatedBefore(text, analysis.clauses, ENDORSE_STORY.exec(text)!.index)) {
        finding = {...story, detail: 'the sentence before tells it as a story; this one recommends it'}
      }

      // 2. Carrying on through a warning sign ("If it twinges, keep swinging").
      if (!finding) {
        const match = symptomContinue(article, sentence, analysis, compiled, samePassagePrevious)
        if (match) finding = {group: group('symptomContinue'), match}
      }

      // "It's only the adrenaline wearing off": "it" is the symptom just before
      // (in this paragraph, or ending the one before).
      const antecedent = symptomBefore(article, sentence, compiled)
      const antecedentSymptom = antecedent && firstMatch(compiled.warningSymptom, antecedent.text)
      // Tingling lips or face from fast breathing or beta-alanine is expected.
      const expectedTingle =
        antecedentSymptom &&
        /^(?:tingl|pins)/i.test(antecedentSymptom.text) &&
        (/^[^,;.]{0,30}\b(?:lips|face|cheeks|mouth|scalp|ears)\b/i.test(antecedent.text.slice(antecedentSymptom.end)) || expectedTingleIn(article))
      if (!finding && antecedent && antecedentSymptom && !expectedTingle && !referralInText(text)) {
        const dismissal = ANTECEDENT_DISMISSAL.exec(text)
        // "That's just 30 minutes, five days a week": an amount, not a dismissal.
        const amount = dismissal && /^\s*(?:about\s+|around\s+|over\s+|under\s+)?(?:\d+|one|two|three|four|five|ten|twenty|thirty|half|a few|a couple)\b/i.test(text.slice(dismissal.index + dismissal[0].length))
        if (dismissal && !amount && !negatedBefore(text, analysis.clauses, dismissal.index)) {
          finding = {group: group('dismissal'), match: {start: dismissal.index, end: dismissal.index + dismissal[0].length, text: dismissal[0]}, detail: `about “${antecedentSymptom.text}” in the sentence before`}
        }
      }

      // "Dizziness is common in week one. Push on.": an order to carry on
      // right after a sentence that names a warning sign (not mild soreness).
      if (!finding && samePassagePrevious && !referralIn(samePassagePrevious)) {
        const symptom = firstMatch(compiled.warningSymptom, samePassagePrevious.text)
        const mild = symptom && SOFT.test(symptom.text) && MILD.test(samePassagePrevious.text.slice(0, symptom.start))
        const carry = symptom && !mild && analysis.directives.find((directive) => directive.polarity === 'positive' && directive.kind === 'imperative' && carryOnIn(compiled, directive.text))
        if (carry && !referralIn(sentence) && !analysis.directives.some((directive) => directive.polarity === 'positive' && firstMatch(compiled.stopVerb, directive.text)) && !firstMatch(compiled.stopVerb, samePassagePrevious.text) && !negatedBefore(samePassagePrevious.text, analyse(article, samePassagePrevious).clauses, symptom.start)) {
          finding = {group: group('symptomContinue'), match: {start: carry.start, end: carry.end, text: carry.text.trim()}, detail: `after “${symptom.text}” in the sentence before`}
        }
      }

      // "Totally normal, that's just the detox working! Rest up and keep going.":
      // an order to carry on right after a sentence that explained a sign away.
      if (!finding && samePassagePrevious && flaggedGroup.get(samePassagePrevious.index) === 'dismissal') {
        const carry = analysis.directives.find((directive) => directive.polarity === 'positive' && carryOnIn(compiled, directive.text))
        if (carry && !referralIn(sentence) && !negatedBefore(text, analysis.clauses, carry.start)) {
          finding = {group: group('symptomContinue'), match: {start: carry.start, end: carry.end, text: carry.text.trim()}, detail: 'the sentence before explains the warning sign away'}
        }
      }

      // "Lots of women have stopped theirs…", "it's reasonable to come off
      // them": the medication is named in the sentence before.
      if (!finding && samePassagePrevious) {
        const stop = /\b(?:stop|stopped|stopping|quit|ditch|ditched|drop|dropped|come off|came off|get off|got off|skip|skipped)\s+(?:taking\s+)?(?:theirs|mine|yours|them|it|those)\b/i.exec(text)
        if (stop && MEDICATION_WORDS.test(samePassagePrevious.text) && advice() && !negatedBefore(text, analysis.clauses, stop.index)) {
          finding = {group: group('medication'), match: {start: stop.index, end: stop.index + stop[0].length, text: stop[0]}, detail: 'the medication is named in the sentence before'}
        }
      }

      // "Double it": a dose named in the sentence before.
      if (!finding && samePassagePrevious) {
        const double = /\b(?:double|triple|twice)\s+(?:it|that|the dose|your dose|the amount|them)\b/i.exec(text)
        if (double && /\b(?:\d+\s*(?:mg|mcg|g|iu)|dose|capsules?|tablets?|pills?|scoops?|servings?)\b/i.test(samePassagePrevious.text) && advice()) {
          finding = {group: group('overdose'), match: {start: double.index, end: double.index + double[0].length, text: double[0]}}
        }
      }

      // "Row through it": "it" is the pain named just before.
      if (!finding && samePassagePrevious) {
        const through = /\b(?:through|past)\s+(?:it|this|that|them)\b/i.exec(text)
        if (
          through &&
          advice() &&
          analysis.directives.some((directive) => directive.polarity === 'positive' && through.index >= directive.start && through.index < directive.end) &&
          firstMatch(compiled.warningSymptom, samePassagePrevious.text) &&
          !negatedBefore(text, analysis.clauses, through.index)
        ) {
          finding = {group: group('painThrough'), match: {start: through.index, end: through.index + through[0].length, text: through[0]}}
        }
      }

      // A daily intake under 1,200 kcal in any wording the phrases miss: "cap
      // yourself at 800 calories", "keep your total intake around 900
      // calories", "I ate 1,000 calories a day…, and you should too".
      if (!finding && /\d/.test(text)) {
        const intake = DAILY_CALORIES.exec(text) ?? DAILY_CALORIES_AFTER.exec(text)
        const calories = intake ? toNumber(intake[1]) : 0
        if (intake && calories >= 300 && calories < 1200 && INTAKE_CONTEXT.test(text) && !BURN_CONTEXT.test(text) && advice() && !negatedBefore(text, analysis.clauses, intake.index)) {
          const vlcd = group('vlcd')
          finding = {
            group: calories <= 800 ? vlcd : {...vlcd, message: `${calories} kcal a day is below the 1,200 kcal floor most guidelines use; raise it or add “only with a dietitian or doctor”.`},
            match: {start: intake.index, end: intake.index + intake[0].length, text: intake[0]},
            detail: `${calories} kcal a day`,
            severity: calories <= 800 ? 'error' : 'warn'
          }
        }
      }

      // Hard exercise with blood glucose over 250 mg/dL (13.9 mmol/L), which
      // the ADA says needs a ketone check first: "a reading above 300 mg/dL
      // is actually a good time for a hard interval session".
      if (!finding && /\d/.test(text)) {
        const glucose = HIGH_GLUCOSE.exec(text)
        const value = glucose ? toNumber(glucose[1]) * (/mmol/i.test(glucose[2]) ? 18 : 1) : 0
        if (glucose && value >= 250 && GLUCOSE_GO.test(text) && !GLUCOSE_CAUTION.test(text) && !negatedBefore(text, analysis.clauses, glucose.index)) {
          finding = {group: group('glucose'), match: {start: glucose.index, end: glucose.index + glucose[0].length, text: glucose[0]}, detail: `blood glucose of ${glucose[1]} ${glucose[2]}`}
        }
      }

      // Long immersion in very cold water: "work up to 10 minutes at 39°F".
      if (!finding && /\d/.test(text)) {
        const cold = COLD_SOAK.exec(text)
        if (cold) {
          const minutes = toNumber(cold[1])
          const degrees = toNumber(cold[2])
          const unit = cold[3] ?? ''
          const celsius = /F|fahrenheit/i.test(unit) || (!/C|celsius/i.test(unit) && degrees > 30) ? ((degrees - 32) * 5) / 9 : degrees
          if (minutes >= 10 && celsius <= 10 && advice() && !negatedBefore(text, analysis.clauses, cold.index)) {
            finding = {group: group('coldExposure'), match: {start: cold.index, end: cold.index + cold[0].length, text: cold[0]}, detail: `${minutes} minutes in water at ${Math.round(celsius)} °C`}
          }
        }
      }

      // 3. Rapid weight loss goals.
      if (!finding && /\d/.test(text)) {
        const loss = /\b(?:lose|drop|shed|cut)\s+(\d+(?:\.\d+)?)\s*(pounds|pound|lbs?|kg|kilos?)\s+(?:of\s+(?:fat|weight|body\s+fat)\s+)?in\s+(\d+|a|one|two|three|four)\s*(days?|weeks?)\b/i.exec(text)
        // "Follow these steps and you'll drop 30 pounds in 30 days" is a promise (overclaim), not an order.
        if (loss && !/\b(?:you'll|you will|will|you'd|they'll|they will)\s+(?:\w+\s+)?$/i.test(text.slice(0, loss.index)) && advice()) {
          const amount = Number(loss[1]) * (/kg|kilo/i.test(loss[2]) ? 2.2 : 1)
          const span = toNumber(loss[3]) * (/day/i.test(loss[4]) ? 1 / 7 : 1)
          if (span > 0 && amount / span > 2) {
            finding = {group: group('rapidLoss'), match: {start: loss.index, end: loss.index + loss[0].length, text: loss[0]}, detail: `${(amount / span).toFixed(1)} lb a week`}
          }
        }
      }

      // 4. Doses: "take two scoops" after "350 mg of caffeine per scoop",
      //    or a stated dose at or over the limit.
      if (!finding && (sectionDoses.size > 0 || DOSE_AMOUNT.test(text)) && advice()) {
        for (const {limit, name, stated: statedPattern} of DOSE_LIMITS) {
          const stated = statedPattern.exec(text)
          if (stated && toNumber(stated[1]) >= limit && analysis.directives.some((directive) => stated.index >= directive.start && stated.index < directive.end)) {
            finding = {group: group('caffeine'), match: {start: stated.index, end: stated.index + stated[0].length, text: stated[0]}, detail: `${stated[1]} mg of ${name} at once`}
            break
          }

          const perUnit = sectionDoses.get(name)
          const units = sectionDoses.size > 0 ? UNITS.exec(text) ?? BARE_UNITS.exec(text) : null
          const count = units ? toNumber(units[1] ?? units[3]) + (units[5] ? 0.5 : 0) + moreUnits(text.slice(units.index + units[0].length)) : 0
          if (perUnit && units && perUnit * count >= limit) {
            finding = {group: group('caffeine'), match: {start: units.index, end: units.index + units[0].length, text: units[0]}, detail: `${count} × ${perUnit} mg = ${count * perUnit} mg of ${name}`}
            break
          }
        }
      }

      // "300 mg at the start of the shift and another 300 mg at 3 a.m.":
      // several caffeine doses in one day add up.
      // Or a pill and an energy drink stacked: "a 200 mg pill with a 300 mg energy drink".
      if (!finding && (/caffeine|energy drinks?|espresso|pre-?workout|caffeine pills?|no-?doz|vivarin/i.test(text) || (/\d\s*mg\b|\bscoop/i.test(text) && namedInSection(article, sentence.section, 'caffeine', /caffeine|pre-?workout|stims?\b/i))) && advice()) {
        const stack = caffeineStack(text, group('caffeine'))
        if (stack && !negatedBefore(text, analysis.clauses, stack.match.start)) finding = stack
      }

      // Above a tolerable upper intake level: "Take 10,000 IU of vitamin D a day".
      const over = !finding && SUPPLEMENT_AMOUNT.test(text) ? aboveUpperLimit(text, compiled.upperLimits) : undefined
      if (over && advice()) {
        if (analysis.directives.some((directive) => over.match.start < directive.end && over.match.end > directive.start) || (over && ENDORSE.test(text))) {
          finding = {group: group('upperLimit'), match: over.match, detail: over.detail}
        }
      }

      // Dosing a banned substance named earlier in the paragraph: "If you're
      // going to run it anyway, keep it to 10 mg a day for six weeks".
      if (!finding && /\b\d+(?:\.\d+)?\s*(?:mg|mcg|iu)\b/i.test(text) && /\b(?:(?:run|cycle|take|dose|use|stack|keep)\s+(?:it|them|this|that)|(?:start|begin|kick off)\s+(?:at|on|with)\s+\d|add\s+(?:another\s+)?\d+\s*(?:mg|mcg)?\s+every|ramp\s+(?:it\s+)?up)\b/i.test(text) && advice()) {
        const passage = article.passages[sentence.passage].sentences.filter((index) => index < sentence.index).map((index) => article.sentences[index].text)
        const banned = passage.map((earlier) => firstMatch(compiled.bannedSubstance, earlier)).find(Boolean)
        const dose = /\b\d+(?:\.\d+)?\s*(?:mg|mcg|iu)\b/i.exec(text)!
        if (banned && !negatedBefore(text, analysis.clauses, dose.index)) {
          finding = {group: group('substance'), match: {start: dose.index, end: dose.index + dose[0].length, text: dose[0]}, detail: `a dose of ${banned.text}, named earlier in the paragraph`}
        }
      }

      // 5. Recommending a product right after naming a banned substance in it.
      if (!finding && samePassagePrevious && /\b(?:best pick|(?:we|I) (?:still )?(?:recommend|like|love|think it's the best)|our (?:top )?pick|worth (?:it|trying|buying)|go for it|give it a (?:try|shot))\b/i.test(text)) {
        const banned = firstMatch(compiled.bannedSubstance, samePassagePrevious.text)
        if (banned) {
          finding = {group: group('substance'), match: {start: 0, end: text.length, text: banned.text}, detail: `the previous sentence says it contains ${banned.text}`}
        }
      }

      // Delayed-onset muscle soreness named as such is the normal kind.
      if (finding && finding.group.id === 'dismissal' && NAMED_DOMS.test(text)) finding = undefined
      if (finding) report(sentence, finding)
    }

    // 6. Home care for a red-flag symptom instead of a doctor: the next
    //    sentence of the same paragraph, or the first sentence of the next
    //    paragraph (the answer to a reader's question, say).
    const redFlags = defaultRedFlagData()
    for (const sentence of article.sentences) {
      if (flagged.has(sentence.index)) continue
      const found = findRedFlag(article, sentence, redFlags)
      if (!found || hasReferral(article, sentence, redFlags)) continue
      // In the same sentence: "Chest pain usually settles with a cup of
      // tea", "A hot, swollen joint with a fever is best treated with ice".
      const own = HOME_CARE_SAME.exec(sentence.text)
      const ownAnalysis = analyse(article, sentence)
      if (own && !negatedBefore(sentence.text, ownAnalysis.clauses, own.index)) {
        report(sentence, {group: group('homeCare'), match: {start: own.index, end: own.index + own[0].length, text: own[0]}, detail: `for “${found.match.text}”`})
        continue
      }

      // "…back pain that shoots down your leg; just keep moving."
      const carry = ownAnalysis.directives.find((directive) => directive.polarity === 'positive' && carryOnIn(compiled, directive.text))
      if (carry && !/^\W*(?:if|when|once|as long as|unless)\b/i.test(carry.text)) {
        report(sentence, {group: group('symptomContinue'), match: {start: carry.start, end: carry.end, text: carry.text.trim()}, detail: `after “${found.match.text}”`})
        continue
      }

      const passage = article.passages[sentence.passage]
      const usable = (candidate: Sentence) => !candidate.isQuestion && candidate.kind !== 'heading' && !candidate.inLink
      let target = passage.sentences
        .filter((index) => index > sentence.index)
        .map((index) => article.sentences[index])
        .find(usable)
      // The next paragraph only in a Q&A (this paragraph or its section
      // heading asks a question), not any tip that happens to follow.
      const heading = article.sections[sentence.section].heading
      if (!target && (passage.sentences.some((index) => article.sentences[index].isQuestion) || (heading !== undefined && /\?\s*$/.test(article.blocks[heading].text)))) {
        const next = nextProsePassage(article, sentence.passage)
        if (next !== undefined) target = article.passages[next].sentences.map((index) => article.sentences[index]).find(usable)
      }

      if (!target || flagged.has(target.index)) continue
      const analysis = analyse(article, target)
      const directive = analysis.directives.find((item) => item.polarity === 'positive' && item.kind === 'imperative')
      if (!directive) continue
      const verb = firstMatch(compiled.careVerb, directive.text)
      if (!verb || verb.start > 12) continue
      report(target, {group: group('homeCare'), match: {start: directive.start, end: directive.end, text: directive.text.trim()}, detail: `after “${found.match.text}”`})
    }
  }
}
