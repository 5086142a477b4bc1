/**
 * red-flag-symptom (sentence, error): a serious warning symptom (radiating
 * numbness or pain, loss of bladder or bowel control, chest pain, fainting,
 * shortness of breath at rest, sudden severe pain, dark urine after
 * training, swelling with fever) in a passage that does not send the reader
 * to a professional. The referral may be in the same paragraph or list, the
 * next paragraph, or a "when to see a doctor" section. In a wall of text
 * with no paragraphs, nearby sentences count. Negated symptoms ("without
 * numbness"), cold numb toes and DOMS are not red flags.
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {analyse, inReferenceSection} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {negatedBefore, inRanges} from '../../src/language/negation.js'
import {compileGroupMatchers, groupEntries, type CompiledMatcher, type GroupEntry} from '../../src/language/groups.js'
import {compilePhrases, firstMatch, type Lexicons, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {nextProsePassage, referralAmong, referralIn} from '../../src/language/referral.js'
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
  notRedFlag: PhraseMatcher
  referralSection: PhraseMatcher
}

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = {...sharedLexicons(), ...data.lexicons}
  const entries = groupEntries(data.groups, changes)
  const matchers = compileGroupMatchers(entries, lexicons)
  return {
    groups: Object.entries(data.groups).map(([id, group]) => ({
      id,
      severity: group.severity,
      label: group.label,
      matcher: matchers[id],
      unless: group.unless ? compilePhrases([group.unless], lexicons, 'iu') : undefined
    })),
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

/** The first red-flag symptom named in a sentence, if any (not negated). */
export function findRedFlag(article: Article, sentence: Sentence, compiled: Compiled): RedFlag | undefined {
  if (sentence.kind === 'heading' || sentence.isQuestion || sentence.isQuoted) return undefined
  const analysis = analyse(article, sentence)
  if (analysis.garbled || inReferenceSection(analysis)) return undefined
  const text = sentence.text
  for (const group of compiled.groups) {
    const match = group.matcher.match(text)
    if (!match) continue
    if (inRanges(analysis.quoted, match.start, match.end)) continue
    if (negatedBefore(text, analysis.clauses, match.start)) continue
    if (firstMatch(compiled.notRedFlag, text)) continue
    // Cold-induced numbness is not a red flag; cold does not excuse pain.
    if (group.unless && /numb|tingl|pins/i.test(match.text) && firstMatch(group.unless, text)) continue
    return {group, match}
  }

  return undefined
}

/** Whether the reader is sent to a professional for the symptom in `sentence`. */
export function hasReferral(article: Article, sentence: Sentence, compiled: Compiled): boolean {
  if (referralIn(sentence)) return true
  const passage = article.passages[sentence.passage]
  // A wall of text with no paragraphs: only nearby sentences count.
  if (passage.sentences.length > 12) {
    const position = passage.sentences.indexOf(sentence.index)
    const window = passage.sentences.slice(Math.max(0, position - 3), position + 4)
    return referralAmong(article, window)
  }

  if (referralAmong(article, passage.sentences)) return true
  const next = nextProsePassage(article, sentence.passage)
  if (next !== undefined && referralAmong(article, article.passages[next].sentences.slice(0, 12))) return true
  // A "When to see a doctor" section with a referral in it.
  const section = article.sections[sentence.section]
  const path = analyse(article, sentence).sectionPath
  return path.some((heading) => compiled.referralSection.test(heading)) && referralAmong(article, section.sentences)
}

export const rule: Rule = {
  id: 'red-flag-symptom',
  severity: 'error',
  scope: 'sentence',
  docs: {
    summary: 'Serious warning symptoms need a referral to a professional in the same or the next paragraph.'
  },
  options: {},
  compile,
  check(context) {
    const {article} = context
    const compiled = context.data as Compiled
    for (const sentence of article.sentences) {
      const found = findRedFlag(article, sentence, compiled)
      if (!found) continue
      if (hasReferral(article, sentence, compiled)) continue
      const {group, match} = found
      const block = article.blocks[sentence.block]
      const emergency = group.severity === 'emergency'
      const advice = emergency
        ? `Stop and seek emergency care (call 911) if you have ${group.label}.`
        : `See a doctor promptly if you have ${group.label}.`
      context.report({
        start: block.toSource(sentence.textStart + match.start),
        end: block.toSource(sentence.textStart + match.end - 1) + 1,
        reason: `Mentions “${match.text}” without telling readers to get care. Add: “${advice}”`,
        note: `${group.label.charAt(0).toUpperCase() + group.label.slice(1)} can signal ${emergency ? 'an emergency' : 'a problem that needs a doctor'} (AHA warning signs, NHS cauda equina guidance, CDC/NIOSH on rhabdomyolysis). Neither this paragraph nor the next one refers the reader to a doctor, physiotherapist or emergency services.`,
        actual: match.text,
        expected: [advice],
        group: group.id,
        fix: {kind: 'insert-after'}
      })
    }
  }
}
