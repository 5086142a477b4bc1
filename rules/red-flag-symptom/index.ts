/**
 * red-flag-symptom (sentence, error): a serious warning symptom (radiating
 * numbness or pain, loss of bladder or bowel control, chest pain, fainting,
 * shortness of breath at rest, sudden severe pain, dark urine after
 * training, swelling with fever, palpitations, pregnancy warning signs,
 * heat illness, back pain with warning signs) in a passage that does not send the reader
 * to a professional. The referral may be in the same paragraph or list, the
 * next paragraph, or a "when to see a doctor" section. In a wall of text
 * with no paragraphs, nearby sentences count. Negated symptoms ("without
 * numbness"), cold numb toes and DOMS are not red flags.
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {analyse, inReferenceSection} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {negatedBefore, negatedJustBefore, inRanges} from '../../src/language/negation.js'
import {compileGroupMatchers, groupEntries, type CompiledMatcher, type GroupEntry} from '../../src/language/groups.js'
import {compilePhrases, firstMatch, type Lexicons, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {nextProsePassage, referralLevelAmong, type ReferralLevel} from '../../src/language/referral.js'
import {sharedLexicons} from '../lexicon.js'

interface GroupData {
  severity: 'emergency' | 'urgent'
  label: string
  patterns: GroupEntry[]
  /** Not a red flag when the sentence also matches this (e.g. cold). */
  unless?: string
}

interface Data {
  lexicons: Lexicons
  groups: Record<string, GroupData>
  notRedFlag: string[]
  referralSection: string[]
}

interface CompiledGroup {
  id: string
  severity: 'emergency' | 'urgent'
  label: string
  matcher: CompiledMatcher
  unless: PhraseMatcher | undefined
}

export interface Compiled {
  groups: CompiledGroup[]
  /** The groups, emergency ones first. */
  byUrgency: CompiledGroup[]
  notRedFlag: PhraseMatcher
  referralSection: PhraseMatcher
}

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = {...sharedLexicons(), ...data.lexicons}
  const entries = groupEntries(data.groups, changes)
  const matchers = compileGroupMatchers(entries, lexicons)
  const groups = Object.entries(data.groups).map(([id, group]) => ({
    id,
    severity: group.severity,
    label: group.label,
    matcher: matchers[id],
    unless: group.unless ? compilePhrases([group.unless], lexicons, 'iu') : undefined
  }))
  return {
    groups,
    byUrgency: [...groups.filter((group) => group.severity === 'emergency'), ...groups.filter((group) => group.severity !== 'emergency')],
    notRedFlag: compilePhrases(data.notRedFlag, lexicons, 'iu'),
    referralSection: compilePhrases(data.referralSection, lexicons, 'iu')
  }
}

let defaults: Compiled | undefined

/** The rule's data without config changes (for rules that look at red flags). */
export function defaultRedFlagData(): Compiled {
  defaults ??= compile(undefined)
  return defaults
}

export interface RedFlag {
  group: CompiledGroup
  match: PhraseMatch
}

const FIRST_PERSON = /\b(?:I|I've|I'm|I'd|my|me)\b/

/** The first red-flag symptom named in a sentence, if any (not negated). */
export function findRedFlag(article: Article, sentence: Sentence, compiled: Compiled): RedFlag | undefined {
  if (sentence.kind === 'heading' || sentence.isQuoted) return undefined
  // A question names a symptom only when a reader describes their own
  // ("I've been getting numbness down my arm, is that normal?").
  if (sentence.isQuestion && !FIRST_PERSON.test(sentence.text)) return undefined
  const analysis = analyse(article, sentence)
  if (analysis.garbled || inReferenceSection(analysis)) return undefined
  const text = sentence.text
  // Emergency signs first: "weakness in both legs" is a spinal emergency
  // before it is a radiating nerve symptom.
  for (const group of compiled.byUrgency) {
    const match = group.matcher.match(text)
    if (!match) continue
    if (inRanges(analysis.quoted, match.start, match.end)) continue
    // "No numbness", "haven't had any chest pain" — but not "you don't
    // need a scan for back pain that…", where the negation is about the scan.
    if (negatedBefore(text, analysis.clauses, match.start) && negatedJustBefore(text, match.start, 5)) continue
    if (firstMatch(compiled.notRedFlag, text)) continue
    // Cold-induced numbness is not a red flag; cold does not excuse pain.
    if (group.unless && /numb|tingl|pins/i.test(match.text) && firstMatch(group.unless, text)) continue
    return {group, match}
  }

  return undefined
}

/**
 * How the reader is sent to a professional for the symptom in `sentence`:
 * the most urgent referral in the sentence, its paragraph or list, the next
 * paragraph, or a "When to see a doctor" section; undefined for none.
 */
export function referralFor(article: Article, sentence: Sentence, compiled: Compiled): ReferralLevel | undefined {
  const own = referralLevelAmong(article, [sentence.index])
  if (own === 'emergency') return own
  const passage = article.passages[sentence.passage]
  // A wall of text with no paragraphs: only nearby sentences count.
  if (passage.sentences.length > 12) {
    const position = passage.sentences.indexOf(sentence.index)
    const window = passage.sentences.slice(Math.max(0, position - 3), position + 4)
    return referralLevelAmong(article, window)
  }

  const levels: Array<ReferralLevel | undefined> = [own, referralLevelAmong(article, passage.sentences)]
  const next = nextProsePassage(article, sentence.passage)
  if (next !== undefined) levels.push(referralLevelAmong(article, article.passages[next].sentences.slice(0, 12)))
  // A "When to see a doctor" section with a referral in it.
  const section = article.sections[sentence.section]
  const path = analyse(article, sentence).sectionPath
  // A referral there that is tied to another warning sign ("call 911 if you
  // get chest pain") says nothing about this one.
  if (path.some((heading) => compiled.referralSection.test(heading))) {
    const own = findRedFlag(article, sentence, compiled)?.group
    const general = section.sentences.filter((index) => {
      const other = findRedFlag(article, article.sentences[index], compiled)
      return !other || !own || other.group === own
    })
    levels.push(referralLevelAmong(article, general))
  }
  return levels.includes('emergency') ? 'emergency' : levels.includes('urgent') ? 'urgent' : undefined
}

/** Whether the reader is sent to a professional for the symptom in `sentence`. */
export function hasReferral(article: Article, sentence: Sentence, compiled: Compiled): boolean {
  return referralFor(article, sentence, compiled) !== undefined
}

interface Options {
  emergencyReferral?: boolean
}

export const rule: Rule<Options> = {
  id: 'red-flag-symptom',
  severity: 'error',
  scope: 'sentence',
  docs: {
    summary: 'Serious warning symptoms need a referral to a professional in the same or the next paragraph.'
  },
  options: {
    emergencyReferral: {
      type: 'boolean',
      description:
        'Emergency signs (chest pain, fainting, loss of bladder control, dark urine after training) need emergency wording (call 911, go to the ER, seek immediate care); a plain “see a doctor” then gets a warning. Default false: any referral to a professional is enough.'
    }
  },
  compile,
  check(context) {
    const {article, options} = context
    const compiled = context.data as Compiled
    for (const sentence of article.sentences) {
      const found = findRedFlag(article, sentence, compiled)
      if (!found) continue
      const {group, match} = found
      const emergency = group.severity === 'emergency'
      const referral = referralFor(article, sentence, compiled)
      const block = article.blocks[sentence.block]
      if (referral === 'emergency' || (referral === 'urgent' && (!emergency || !options.emergencyReferral))) continue
      if (referral === 'urgent') {
        // An emergency sign with only "see a doctor": a warning.
        const advice = `If you have ${group.label}, stop and seek emergency care (call 911) — don’t wait for an appointment.`
        context.report({
          start: block.toSource(sentence.textStart + match.start),
          end: block.toSource(sentence.textStart + match.end - 1) + 1,
          severity: 'warn',
          reason: `“${match.text}” needs emergency care, but the text only says to see a doctor. Add: “${advice}”`,
          note: `${capitalize(group.label)} can signal an emergency (AHA warning signs, NHS cauda equina guidance, CDC/NIOSH on rhabdomyolysis): tell readers to call 911 or go to the ER, not to book an appointment.`,
          actual: match.text,
          expected: [advice],
          group: group.id,
          fix: {kind: 'insert-after'}
        })
        continue
      }

      const advice = emergency
        ? `Stop and seek emergency care (call 911) if you have ${group.label}.`
        : `See a doctor promptly if you have ${group.label}.`
      context.report({
        start: block.toSource(sentence.textStart + match.start),
        end: block.toSource(sentence.textStart + match.end - 1) + 1,
        reason: `Mentions “${match.text}” without telling readers to get care. Add: “${advice}”`,
        note: `${capitalize(group.label)} can signal ${emergency ? 'an emergency' : 'a problem that needs a doctor'} (AHA warning signs, NHS cauda equina guidance, CDC/NIOSH on rhabdomyolysis). Neither this paragraph nor the next one refers the reader to a doctor, physiotherapist or emergency services.`,
        actual: match.text,
        expected: [advice],
        group: group.id,
        fix: {kind: 'insert-after'}
      })
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
