/**
 * Advice detection: is a clause telling the reader to do something?
 *
 * - imperatives: the clause opens with a base-form verb ("Push through it",
 *   "If it hurts, stop", "so treat it as a rough number");
 * - negative imperatives: "Don't", "Do not", "Never" + verb;
 * - modal advice: "you should / must / need to / can / 'll want to";
 *   "I recommend / suggest / 'd", "try to", "make sure", "have them ...".
 *
 * A verb followed by an auxiliary ("Rest is key", "Sleep helps") reads as a
 * noun subject and is not an imperative.
 */
import {splitClauses, type Clause} from './clauses.js'

export const IMPERATIVE_VERBS = new Set(
  `accept add adjust aim alternate apply ask avoid back bail balance bathe be bend bike block book bounce brace breathe bring build bulk burn buy call cap carry catch change crack check chew choose chug clean clear climb close come compress consider consult contact continue cook cool count cover crank crush curl cut cycle dead-hang decrease deload dial do dab dip dose double drink drive drop dry dunk ease eat elevate eliminate email embrace end engage exhale expect extend fast feel fill find finish fire fix flex foam focus follow forget freeze fuel gain get give go grab grind grip gulp hang have head hike hinge hit hold hop hydrate ice ignore increase inhale jog jump keep kick kneel lace land layer lean learn leave let lie lift limit listen load lock log look lose lower lunge make massage master match max measure mix monitor move nap note open opt order pace pack pair pause perform pick pin plan plank play plunge pop pour practice practise prepare press prioritise prioritize progress protect pull pump push put quit raise reach read reduce refuel relax remember remove repeat replace rest return roll rotate round row rub run salt save scale schedule scoop see seek set shift shoot shorten shower sip sit skip sleep slow snack soak spend spin splint split spray sprint squat squeeze stack stand start stay step stick stop strap strengthen stretch substitute supplement swallow swap sweat swim swing switch take talk tape taper tell test text think throw tie time track train treat trust try tuck turn twist use visit wait wake walk warm wash watch wear weigh wipe work wrap write`.split(
    ' '
  )
)

/** Words that, right after a capitalised verb, show it is a noun subject. */
const NOUN_FOLLOWERS = new Set(
  `is are was were be been can could will would may might must should shall helps help has have had does did makes made seems seem means mean matters matter remains stays keeps works gives takes burns builds causes improves increases reduces lowers raises boosts flushes clears relieves eases strengthens heals prevents protects speeds stops cuts blocks triggers releases adds leads comes goes gets puts lets sets pulls pushes drives brings sends tends needs feels looks sounds relaxes calms soothes lifts drops crushes pumps soaks loosens tightens stretches warms cools of alone itself days day periods period time times matters session sessions plan plans program programs programme routine routines the`.split(
    ' '
  )
)

/** Plural-subject verbs: "Massage guns flush…", "Ice baths reduce…", "Shift workers have…". */
const PLURAL_SUBJECT_VERBS = new Set(
  `are were have had can could will would may might must should do did help make keep give take cause reduce increase improve boost lower raise burn build flush speed cut clear relieve ease heal prevent protect stop block trigger release add lead need tend work seem feel look get let put drive bring send hurt damage strengthen weaken tighten loosen drain sap ruin wreck kill pump churn`.split(' ')
)

/** Words after "don't"/"never" that do not make an order ("Never again", "never been"). */
const NOT_VERB_AFTER_NEGATION = new Set(['again', 'been', 'ever', 'once', 'before', 'really', 'mind', 'the', 'a', 'an', 'all', 'forget'])

const LEAD_ADVERBS = new Set(
  `just simply then also now first next finally always only please gently slowly carefully still instead definitely really absolutely honestly seriously otherwise so and but or though however`.split(
    ' '
  )
)

export interface DirectiveClause extends Clause {
  polarity: 'positive' | 'negative'
  /** The verb that carries the advice, lower case. */
  verb: string
  kind: 'imperative' | 'modal' | 'recommend'
}

const MODAL =
  /\b(?:you|your (?:kid|child|teen|son|daughter|partner|dad|mum|mom|father|mother)|he|she|they|we all|everyone|anyone|lifters|runners|beginners)\s+(?:really\s+|still\s+|definitely\s+|absolutely\s+|can\s+(?:usually\s+|safely\s+|just\s+)?|could\s+|should\s+|must\s+|need\s+to\s+|have\s+to\s+|ought\s+to\s+|(?:'ll|will)\s+(?:want|need)\s+to\s+|want\s+to\s+|may\s+(?:want|need)\s+to\s+|might\s+(?:want|need)\s+to\s+|'d\s+better\s+|had\s+better\s+)+(not\s+|never\s+)?([\p{L}-]+)/iu
const RECOMMEND =
  /\b(?:I|we)(?:'d|\s+would)?\s+(?:(?:strongly|usually|always|really|highly|still|would|'d)\s+)*(?:recommend|suggest|advise|want\s+you\s+to|tell\s+(?:clients|people|everyone|athletes|lifters|runners)\s+to|rather\s+you|like\s+you\s+to|prefer\s+(?:you|that\s+you))\b\s*(?:(?:that\s+)?you\s+)?(not\s+|never\s+)?([\p{L}-]*)/iu
const BEST_WAY = /^\W*(?:the|one of the)\s+(?:best|easiest|simplest|safest|fastest|quickest|smartest)\s+ways?\s+(?:to|of)\b/i
/** "Borrowing X is a quick way to…", "The next step is…": a recommendation without an order. */
const WAY_FRAME = /^\W*(?:[\p{L}'-]+\s+){0,2}?[\p{L}-]+ing\b[^.;:]{0,80}?\b(?:is|are)\s+(?:a|an|the|one of the)\s+(?:quick|quicker|quickest|easy|easier|easiest|great|good|simple|simpler|best|fast|faster|fastest|smart|smarter|handy|cheap|effective)\s+(?:way|ways|fix|trick|shortcut|hack)\s+to\b|^\W*(?:the|your)\s+next\s+step\s+is\b/iu
const MAKE_SURE = /\b(?:make\s+sure|be\s+sure\s+to|try\s+to|remember\s+to|don't\s+forget\s+to|have\s+(?:them|him|her|your\s+\w+)|let\s+(?:them|your\s+\w+))\s+(not\s+)?([\p{L}-]+)/iu

/** Clauses of `text` that give advice, with their polarity. */
export function directiveClauses(text: string, clauses = splitClauses(text)): DirectiveClause[] {
  const found: DirectiveClause[] = []
  for (const clause of clauses) {
    const directive = clauseDirective(clause)
    if (directive) found.push(directive)
  }

  return found
}

export function clauseDirective(clause: Clause): DirectiveClause | undefined {
  const direct = directiveAtStart(clause)
  if (direct) return direct
  // A leading phrase before the order: "The night before weigh-in, cut your water".
  const comma = clause.text.indexOf(', ')
  if (comma > 0 && comma < 60) {
    const rest = {...clause, start: clause.start + comma + 2, text: clause.text.slice(comma + 2)}
    const found = directiveAtStart(rest)
    if (found && found.kind === 'imperative') return found
  }

  return undefined
}

function directiveAtStart(clause: Clause): DirectiveClause | undefined {
  const words = leadingWords(clause.text)
  let index = 0
  // Skip a subordinate opener that was not split off and leading adverbs.
  while (index < words.length && LEAD_ADVERBS.has(words[index].toLowerCase())) index++

  const first = words[index]?.toLowerCase().replace(/’/g, "'")
  if (first) {
    // Negative imperative: don't / do not / never + verb.
    if (first === "don't" || first === 'dont' || (first === 'do' && words[index + 1]?.toLowerCase() === 'not') || first === 'never' || first === 'avoid') {
      const verbIndex = first === 'do' ? index + 2 : index + 1
      const verb = words[verbIndex]?.toLowerCase()
      if (first === 'avoid') {
        return {...clause, polarity: 'negative', verb: verb ?? 'avoid', kind: 'imperative'}
      }

      // "Don't worry about it", "Never skip": any verb after the negation.
      if (verb && /^\p{L}+$/u.test(verb) && !NOT_VERB_AFTER_NEGATION.has(verb)) {
        return {...clause, polarity: 'negative', verb, kind: 'imperative'}
      }
    }

    if (!IMPERATIVE_VERBS.has(first) && looksImperative(words, index) && new RegExp(`^\\W*(?:\\S+\\s+){${index}}${words[index]}\\s+${words[index + 1]}\\b`, 'u').test(clause.text)) {
      return {...clause, polarity: 'positive', verb: first, kind: 'imperative'}
    }

    if (IMPERATIVE_VERBS.has(first)) {
      const nextWord = words[index + 1]
      const next = nextWord?.toLowerCase().replace(/’/g, "'")
      const looksLikeNoun =
        next !== undefined &&
        ((NOUN_FOLLOWERS.has(next) && !(next === 'the' && verbTakesObject(first))) ||
          // "Foam rolling your IT band…": a compound noun, not an order.
          (/ing$/.test(next) && next.length > 4 && !GERUND_VERBS.has(first) && !NOT_GERUNDS.has(next)) ||
          // "Focus Fuel adds…": a product or other proper name as subject.
          (/^\p{Lu}/u.test(nextWord) && nextWord !== 'I' && /s$/.test(words[index + 2] ?? '')) ||
          // "Massage guns flush…", "Shift workers have…": a plural noun and a verb as subject.
          (/^[a-z]{2,}[^s']s$/.test(next) && PLURAL_SUBJECT_VERBS.has((words[index + 2] ?? '').toLowerCase()) && new RegExp(`^\\W*(?:\\S+\\s+){${index}}${words[index]}\\s+${nextWord}\\s+${words[index + 2]}\\b`, 'u').test(clause.text)) ||
          // "Warm water relaxes…", "Cold air tightens…": an adjective and a noun as subject.
          (!OBJECT_STARTERS.has(next) && /s$/.test(words[index + 2] ?? '') && NOUN_FOLLOWERS.has((words[index + 2] ?? '').toLowerCase())))
      if (!looksLikeNoun) return {...clause, polarity: 'positive', verb: first, kind: 'imperative'}
    }
  }

  const modal = MODAL.exec(clause.text)
  // "you should…" gives advice at the start of a clause (or after an
  // if/when/once opener), not inside a relative clause ("the reps you can grind out").
  if (modal && isClauseHead(clause.text, modal.index)) {
    return {
      ...clause,
      polarity: modal[1] ? 'negative' : 'positive',
      verb: modal[2].toLowerCase(),
      kind: 'modal'
    }
  }

  const recommend = RECOMMEND.exec(clause.text)
  if (recommend) {
    return {
      ...clause,
      polarity: recommend[1] ? 'negative' : 'positive',
      verb: (recommend[2] || 'recommend').toLowerCase(),
      kind: 'recommend'
    }
  }

  // "One of the best ways to … is …": a recommendation.
  if (BEST_WAY.test(clause.text) || WAY_FRAME.test(clause.text)) {
    return {...clause, polarity: 'positive', verb: 'recommend', kind: 'recommend'}
  }

  const makeSure = MAKE_SURE.exec(clause.text)
  if (makeSure && /^\W*(?:make|be|try|remember|don't|have|let|and|so|then|just|also|always)\b/i.test(clause.text)) {
    return {
      ...clause,
      polarity: makeSure[1] ? 'negative' : 'positive',
      verb: makeSure[2].toLowerCase(),
      kind: 'imperative'
    }
  }

  return undefined
}

const WORD = /[\p{L}'’-]+/gu

/**
 * The first words of a clause: an order shows in its first few words, so
 * long clauses are not split into words in full.
 */
function leadingWords(text: string, limit = 24): string[] {
  const words: string[] = []
  WORD.lastIndex = 0
  let match: RegExpExecArray | null
  while (words.length < limit && (match = WORD.exec(text))) words.push(match[0])
  return words
}

/** Words that commonly follow a verb in an order: "Crack your neck", "Warm up". */
const OBJECT_STARTERS = new Set(
  `your the a an it them this that these those some yourself yourselves each every any all his her their our my one two three four five six ten`.split(' ')
)

/** Closed-class words that never start an order. */
const NOT_VERBS = new Set(
  `a an the this that these those it its it's they them their there here he she his her we our you your i my me some any all each every most many much more less few several both either neither no not also just only even still yet then so but and or if when while because since although though as at by for from in into of on onto over through to under up with without about after before between during like near off out per than toward towards upon via what which who whom whose why how where one two three four five six seven eight nine ten very really too quite almost nearly always never often sometimes usually once twice yes no ok okay hey well now today tomorrow yesterday next last first second third new old big small good bad best worst better worse more most other another such same own many behind beside besides below above across along among around beyond despite except inside outside past since throughout underneath unlike until within against ahead alongside amid beneath onto unto versus`.split(' ')
)

/**
 * A verb we do not know, used as an order: a plain word (not -s, -ed, -ing)
 * opening the clause and followed by an object word ("Crack your neck",
 * "Bin it").
 */
function looksImperative(words: string[], index: number): boolean {
  const first = words[index]
  const next = words[index + 1]?.toLowerCase()
  if (!first || !next || !OBJECT_STARTERS.has(next)) return false
  const lower = first.toLowerCase()
  if (NOT_VERBS.has(lower) || lower.length < 3) return false
  if (/(?:s|ed|ing|ly|'s)$/.test(lower)) return false
  return /^\p{L}+$/u.test(first)
}

/** Words ending in -ing that are not gerunds: "Drink nothing", "Eat during…", "Stretch every morning". */
const NOT_GERUNDS = new Set(['nothing', 'something', 'anything', 'everything', 'during', 'morning', 'mornings', 'evening', 'evenings', 'spring', 'string', 'ceiling', 'clothing', 'bedding', 'king'])

/** Verbs that take an -ing complement ("keep running", "stop lifting"). */
const GERUND_VERBS = new Set(['keep', 'stop', 'start', 'avoid', 'try', 'quit', 'finish', 'continue', 'practice', 'practise', 'consider', 'skip', 'begin', 'go', 'get'])

function isClauseHead(text: string, index: number): boolean {
  const before = text.slice(0, index).trim()
  if (before === '') return true
  if (/^(?:(?:and|but|so|then|now|honestly|also|yes|no|just|really|usually|often|if|when|once|as soon as|after|before|while|until|unless)\b[\s,]*)+$/i.test(before)) return true
  return /^\W*(?:(?:and|but|so|yes|honestly)\W+)*(?:if|when|whenever|once|as soon as|after|before|while|until|unless)\b/i.test(before)
}

/** Verbs that commonly take "the" as their object's article. */
function verbTakesObject(verb: string): boolean {
  return verb !== 'rest' && verb !== 'sleep' && verb !== 'time' && verb !== 'plan'
}

/** Whether any clause of `text` is advice. */
export function isAdvice(text: string): boolean {
  return directiveClauses(text).length > 0
}
