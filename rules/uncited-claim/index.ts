/**
 * uncited-claim (sentence, warning): research appeals, health statistics and
 * claims that something acts on the body, with no citation.
 *
 * A citation is a link or footnote in the sentence or right after it, a
 * marker (`[3]`, `(Smith et al., 2019)`, doi/PMID), or a named specific source
 * ("according to the Cleveland Clinic", "a 2015 study in The Journal of
 * Physiology"). A citation covers only its own sentence. Not claims:
 * instructions, opinions and experience ("In my experience"), questions,
 * headings, quotes, reported claims ("the brand claims"), debunked or negated
 * statements, reference lists, and numbers that are not health claims.
 * A hedge ("may") does not remove the need for a source.
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {claimEvidence, practiceReport} from '../../src/language/claims.js'
import {clauseAt} from '../../src/language/clauses.js'
import {analyse, inReferenceSection, type SentenceAnalysis} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {opinion} from '../../src/language/hedges.js'
import {debunkFrame, inRanges, negatedBefore} from '../../src/language/negation.js'
import {applyPhraseChanges} from '../../src/language/phrase-data.js'
import {compilePhrases, firstMatch, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {referralInText} from '../../src/language/referral.js'
import {namedSource} from '../../src/language/sources.js'
import {sharedLexicons} from '../lexicon.js'

interface Compiled {
  claim: PhraseMatcher
  notClaim: PhraseMatcher
}

const GROUPS = ['claim', 'notClaim']

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Record<string, string[]>>(new URL('./data.yml', import.meta.url))
  const lexicons = sharedLexicons()
  const groups = applyPhraseChanges(data, GROUPS, changes, lexicons)
  return {
    claim: compilePhrases(groups.claim, lexicons, 'iu'),
    notClaim: compilePhrases(groups.notClaim, lexicons, 'iu')
  }
}

const CALL_TO_ACTION = /\b(?:buy|shop|check (?:the )?price|see (?:the |today's )?price|price|deal|order|get it|view|add to cart|on amazon)\b/i
const COMMERCE_URL = /amazon\.[a-z.]+\/|amzn\.to|[?&](?:tag|ref|affid|aff_id)=|\/(?:go|recommends|out|shop|product|products|buy)\//i

/** A citation that can back a claim: not a "Buy on Amazon" link. */
function isSource(article: Article, index: number): boolean {
  const citation = article.citations[index]
  if (citation.kind !== 'link' || citation.link === undefined) return true
  const link = article.links[citation.link]
  return !(CALL_TO_ACTION.test(link.text) || COMMERCE_URL.test(link.url))
}

const PLAN_LINE = /\b\d+\s*[x×]\s*\d+\b|^(?:week|day|phase|step|round)\s+\d+\s*[:.–-]|\b\d+\s+sets?\s+of\s+\d+/i
const FIRST_PERSON_SUBJECT = /^\W*(?:(?:and|but|so|then|also|now|how|why|when|what)\s+)?(?:I|we|I've|I'd|I'm|we've|we're)\b/i
/** Passing on a claim heard elsewhere: "I had read somewhere that…", "we were told that…". */
const HEARSAY = /^\W*(?:(?:and|but|so)\s+)?(?:I|we)\s+(?:had\s+|have\s+|'d\s+|'ve\s+)?(?:read|heard|seen|saw|been told|were told|was told|learned|learnt)\s+(?:\w+\s+){0,3}?that\b/i

const RESTATEMENT = /^\W*(?:in other words|put (?:another way|simply)|that is|in short|to put it (?:another way|simply)|translation)\b/i

/** Why this sentence is not a claim needing a source, or the claim evidence. */
export function findClaim(
  article: Article,
  sentence: Sentence,
  compiled: Compiled
): PhraseMatch | undefined {
  if (sentence.kind === 'heading' || sentence.isQuestion || sentence.inLink || sentence.isQuoted) return undefined
  const analysis = analyse(article, sentence)
  if (inReferenceSection(analysis) || analysis.garbled) return undefined
  const block = article.blocks[sentence.block]
  if (block.containers.includes('blockquote')) return undefined
  const text = sentence.text
  const evidence = claimEvidence(text) ?? firstMatch(compiled.claim, text)
  if (!evidence) return undefined
  if (sentence.kind === 'tableCell' && !/\b(?:stud|research|evidence|proven)/i.test(evidence.text)) return undefined
  // "One of the best ways to … is …": a recommendation, not a finding.
  if (/^\W*(?:the|one of the)\s+(?:best|easiest|simplest|safest|fastest|quickest|smartest)\s+ways?\s+(?:to|of)\b/i.test(text)) return undefined
  // "This is a great drill for building ankle strength": a recommendation.
  if (/\b(?:great|good|nice|excellent|simple|easy|useful|handy|solid|fun|gentle)\s+(?:\w+\s+)?(?:drill|drills|exercise|exercises|move|moves|option|options|choice|tool|stretch|stretches|workout|finisher|warm-up|progression|variation|accessory)\s+for\s+$/i.test(text.slice(0, evidence.start))) return undefined
  // A line of a training plan ("Week 1: calf raises, 2 x 15") is not a claim.
  if (PLAN_LINE.test(text)) return undefined
  if (!isClaimInContext(text, analysis, evidence, compiled)) return undefined
  return evidence
}

function isClaimInContext(
  text: string,
  analysis: SentenceAnalysis,
  evidence: PhraseMatch,
  compiled: Compiled
): boolean {
  if (inRanges(analysis.quoted, evidence.start, evidence.end)) return false
  if (inRanges(analysis.literal, evidence.start, evidence.end)) return false
  if (negatedBefore(text, analysis.clauses, evidence.start)) return false
  if (debunkFrame(text) || firstMatch(compiled.notClaim, text)) return false
  const clause = clauseAt(analysis.clauses, evidence.start)
  // Opinion or experience framing the claim: "In my experience, …".
  // An appeal to research is not an opinion however it is framed
  // ("Honestly, studies show…", "I think studies show…").
  const frame = RESEARCH_APPEAL.test(evidence.text) ? undefined : opinion(text)
  if (frame && (frame.start < 25 || (clause && frame.start >= clause.start && frame.start < clause.end))) return false
  // An instruction, not a claim: the evidence sits in an advice clause.
  if (analysis.directives.some((directive) => evidence.start >= directive.start && evidence.start < directive.end)) {
    return false
  }

  // Narrative: "I ran the last 40 km…", "We tested 23 pre-workouts…" — but
  // "I had read somewhere that beet juice…" passes a claim on.
  if (clause && FIRST_PERSON_SUBJECT.test(clause.text) && !HEARSAY.test(clause.text)) return false
  // A condition, not an assertion: "If a stretch causes pain…, stop".
  if (clause && /^\W*(?:if|unless|in case|should)\b/i.test(clause.text) && clause !== analysis.clauses[analysis.clauses.length - 1]) return false
  // "Most of our patients notice that their appetite drops": practice, not research.
  if (clause && practiceReport(clause.text)) return false
  // A reason given for a referral ("Because X, see a doctor"): the point
  // of the sentence is the referral, not the background.
  if (referralInText(text) && clause && !referralInText(clause.text)) return false
  return true
}

const RESEARCH_APPEAL = /\b(?:stud(?:y|ies)|research(?:ers)?|trials?|meta-analys[ie]s|scientists|science)\s+(?:\w+\s+)?(?:show|shows|showed|shown|prove|proves|proved|found|finds|confirm|confirms|confirmed|says|say)\b/i

export const rule: Rule = {
  id: 'uncited-claim',
  severity: 'warn',
  scope: 'sentence',
  docs: {
    summary: 'Research appeals, health statistics and claims about effects on the body need a source.'
  },
  options: {},
  compile,
  check(context) {
    const {article} = context
    const compiled = context.data as Compiled
    for (const sentence of article.sentences) {
      const evidence = findClaim(article, sentence, compiled)
      if (!evidence) continue
      if (sentence.citations.some((index) => isSource(article, index))) continue
      // "In other words, …" restates the cited sentence before it.
      const previous = article.sentences[sentence.index - 1]
      if (RESTATEMENT.test(sentence.text) && previous && previous.passage === sentence.passage && (previous.citations.length > 0 || namedSource(previous.text))) continue
      if (namedSource(sentence.text)) continue
      if (context.isAccepted(sentence.text)) continue
      context.report({
        start: sentence.start,
        end: sentence.end,
        reason: 'Health claim with no source. Link a peer-reviewed study, guideline or health agency, or drop the claim.',
        note: `“${evidence.text}” states a health fact readers would need evidence for. The FTC expects competent and reliable scientific evidence for health claims, and health publishers require attribution. E.g. “A 2021 meta-analysis of 27 trials found … [link]”. A citation covers only its own sentence.`,
        actual: evidence.text,
        group: 'claim'
      })
    }
  }
}
