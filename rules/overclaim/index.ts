/**
 * overclaim (sentence, error or warning by group): cures and disease claims,
 * absolute promises ("guaranteed", "100% safe", "you'll never … again",
 * "the single best … for every athlete"), FTC “Gut Check” weight-loss
 * claims, fat melting and spot reduction, metabolism/hormone hype, detoxes,
 * and "clinically proven" with no study. Hedged ("may help ease"), negated
 * ("No tea melts belly fat"), quoted, reported ("influencers promise") and
 * clinical statements ("antibiotics treat infections") are not overclaims.
 * A hedged rewrite is offered as `expected` where one fits.
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule, Severity} from '../../src/engine/rule.js'
import {clauseAt} from '../../src/language/clauses.js'
import {analyse, inReferenceSection} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {compileGroupMatchers, groupEntries, type CompiledMatcher, type GroupEntry} from '../../src/language/groups.js'
import {hedge, opinion} from '../../src/language/hedges.js'
import {debunkFrame, inRanges, negatedBefore} from '../../src/language/negation.js'
import {compilePhrases, firstMatch, type Lexicons, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {namedSource} from '../../src/language/sources.js'
import {sharedLexicons} from '../lexicon.js'

interface GroupData {
  severity: Severity
  message: string
  uncitedOnly?: boolean
  patterns?: GroupEntry[]
  rewrite?: Record<string, string>
}

interface Data {
  lexicons: Lexicons
  groups: Record<string, GroupData>
  exceptions: string[]
}

interface Group {
  id: string
  severity: Severity
  message: string
  uncitedOnly: boolean
  matcher: CompiledMatcher
  rewrite: Array<[RegExp, string]>
}

interface Compiled {
  groups: Group[]
  exceptions: PhraseMatcher
  clinicalSubject: PhraseMatcher
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
      message: group.message,
      uncitedOnly: group.uncitedOnly === true,
      matcher: matchers[id],
      rewrite: Object.entries(group.rewrite ?? {})
        .sort((a, b) => b[0].length - a[0].length)
        .map(([from, to]) => [new RegExp(`\\b${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'), to] as [RegExp, string])
    })),
    exceptions: compilePhrases(data.exceptions, lexicons, 'iu'),
    clinicalSubject: compilePhrases(['{clinicalSubject}'], lexicons, 'iu')
  }
}

/** A hedged version of the flagged words, if the group has one. */
function rewrite(group: Group, text: string): string | undefined {
  for (const [from, to] of group.rewrite) {
    // Only where the claim starts with the word ("cures X"), not a noun
    // inside it ("the cure for X").
    const found = from.exec(text)
    if (found && found.index === 0) return text.replace(from, to).replace(/\s{2,}/g, ' ').trim()
  }

  return undefined
}

const REJECTED_AFTER =
  /^[^.;]*?\b(?:(?:doesn't|don't|do not|does not|won't|will not|can't|cannot|never)\s+(?:really\s+|actually\s+)?(?:work|exist|help|happen|deliver|do anything|melt|burn|flush|detox|cure|fix)|(?:is|are|was|were)\s+(?:just\s+|simply\s+|largely\s+)?(?:a\s+)?(?:myth|waste|scam|nonsense|useless|fiction|fantasy|marketing|a lie|not real|not true)|do(?:es)?\s+(?:nothing|little)\b)/i

function findOverclaim(article: Article, sentence: Sentence, compiled: Compiled): {group: Group; match: PhraseMatch} | undefined {
  if (sentence.isQuestion || sentence.isQuoted || sentence.inLink) return undefined
  const text = sentence.text
  // Headings only count when they make a promise in several words
  // ("Melt Belly Fat in 7 Days"), not a topic label ("4. Detox").
  if (sentence.kind === 'heading' && text.trim().split(/\s+/).length < 4) return undefined
  const analysis = analyse(article, sentence)
  if (inReferenceSection(analysis) || analysis.garbled) return undefined
  if (article.blocks[sentence.block].containers.includes('blockquote')) return undefined
  if (firstMatch(compiled.exceptions, text)) return undefined
  for (const group of compiled.groups) {
    const match = group.matcher.match(text)
    if (!match) continue
    if (inRanges(analysis.quoted, match.start, match.end) || inRanges(analysis.literal, match.start, match.end)) continue
    // The title of a linked source ("this [NCCIH page on detoxes](url)"): a reference, not a claim.
    if (sentence.links.some((index) => article.links[index].text.toLowerCase().includes(match.text.toLowerCase()))) continue
    const clause = clauseAt(analysis.clauses, match.start)
    // "Here's the truth your doctor won't tell you: keto reverses…": the
    // negation is about the telling, before the colon.
    if (negatedBefore(text, analysis.clauses, match.start) && !TELLING_FRAME.test(text.slice(0, match.start))) continue
    if (debunkFrame(text)) continue
    // "Spot reduction doesn't work", "Detox teas are a waste of money".
    const after = clause ? text.slice(match.end, clause.end) : text.slice(match.end)
    if (REJECTED_AFTER.test(after)) continue
    const before = clause ? text.slice(clause.start, match.start) : text.slice(0, match.start)
    // "may help cure", "I think it's the single best…": hedged, not absolute.
    // "Honestly" intensifies a promise; it does not make it an opinion.
    const frame = opinion(before)
    if (hedge(before) || (frame && !/^honestly$/i.test(frame.text))) continue
    if (group.id === 'disease' && firstMatch(compiled.clinicalSubject, text.slice(0, match.start))) continue
    if (group.uncitedOnly && (sentence.citations.length > 0 || namedSource(text))) continue
    return {group, match}
  }

  return undefined
}

const TELLING_FRAME = /\b(?:won't|don't|doesn't|will not|do not|does not|never)\s+(?:want\s+(?:you\s+)?to\s+)?(?:tell|know|admit|say|hear)\b[^.:]{0,30}:\s*[^:]*$/i

export const rule: Rule = {
  id: 'overclaim',
  severity: 'error',
  scope: 'sentence',
  docs: {
    summary: 'Cures, guarantees, fat melting, detoxes and other promises health evidence cannot back.'
  },
  options: {},
  compile,
  check(context) {
    const {article} = context
    const compiled = context.data as Compiled
    for (const sentence of article.sentences) {
      const found = findOverclaim(article, sentence, compiled)
      if (!found) continue
      const {group, match} = found
      if (context.isAccepted(match.text)) continue
      const block = article.blocks[sentence.block]
      const hedged = rewrite(group, match.text)
      context.report({
        start: block.toSource(sentence.textStart + match.start),
        end: block.toSource(sentence.textStart + match.end - 1) + 1,
        reason: group.message.replace('{match}', match.text),
        note: 'Health claims need competent and reliable evidence (FTC Health Products Compliance Guidance); the FTC’s Gut Check lists weight-loss claims that are almost never true, NCCIH finds no compelling evidence for detoxes, and spot reduction is widely considered a myth. Hedge the claim or remove it.',
        actual: match.text,
        expected: hedged === undefined ? undefined : [hedged],
        severity: group.severity,
        group: group.id,
        fix: hedged === undefined ? undefined : {kind: 'replace'}
      })
    }
  }
}
