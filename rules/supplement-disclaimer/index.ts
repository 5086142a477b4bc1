/**
 * supplement-disclaimer (sentence): a structure/function claim about a
 * supplement ("Our ashwagandha gummies support stress relief") needs the FDA
 * statement (21 CFR 101.93), singular or plural. Warning on editorial pages,
 * error on product or brand pages (front matter `type: product|brand`, or a
 * `sponsor`). A disease claim about a supplement ("This turmeric supplement
 * treats arthritis") is an error: supplements can't make one at all. The
 * short "…evaluated by the FDA" form is info: use the full wording.
 */
import type {Article} from '../../src/article/types.js'
import type {PhraseChanges, Rule, Severity} from '../../src/engine/rule.js'
import {analyse, inReferenceSection} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {hedge} from '../../src/language/hedges.js'
import {debunkFrame, inRanges, negatedBefore} from '../../src/language/negation.js'
import {applyPhraseChanges} from '../../src/language/phrase-data.js'
import {compilePhrases, firstMatch, type Lexicons, type PhraseMatcher} from '../../src/language/phrases.js'
import {sharedLexicons} from '../lexicon.js'

interface Data {
  lexicons: Lexicons
  claim: string[]
  diseaseClaim: string[]
  fdaStatement: string[]
  fdaShort: string[]
  standard: string
}

interface Compiled {
  claim: PhraseMatcher
  diseaseClaim: PhraseMatcher
  fdaStatement: PhraseMatcher
  fdaShort: PhraseMatcher
  standard: string
}

const GROUPS = ['claim', 'diseaseClaim', 'fdaStatement', 'fdaShort']

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = {...sharedLexicons(), ...data.lexicons}
  const groups = applyPhraseChanges(data as unknown as Record<string, unknown>, GROUPS, changes, lexicons)
  return {
    claim: compilePhrases(groups.claim, lexicons, 'iu'),
    diseaseClaim: compilePhrases(groups.diseaseClaim, lexicons, 'iu'),
    fdaStatement: compilePhrases(groups.fdaStatement, lexicons, 'iu'),
    fdaShort: compilePhrases(groups.fdaShort, lexicons, 'iu'),
    standard: data.standard
  }
}

/** A product or brand page: the seller's duty applies in full. */
export function isProductPage(article: Article): boolean {
  const data = article.frontmatter?.data
  if (!data) return false
  const type = String(data.type ?? data.pageType ?? data.layout ?? '').toLowerCase()
  return type === 'product' || type === 'brand' || Boolean(data.sponsor) || Boolean(data.sponsored_by)
}

export const rule: Rule = {
  id: 'supplement-disclaimer',
  severity: 'warn',
  scope: 'sentence',
  docs: {
    summary: 'Supplement structure/function claims need the FDA statement; supplements cannot make disease claims.'
  },
  options: {},
  compile,
  check(context) {
    const {article} = context
    const compiled = context.data as Compiled
    // Looked for only once a claim needs it: most pages make no supplement claim.
    let statement: {has: boolean; shortForm: Article['sentences'][number] | undefined} | undefined
    const findStatement = () => {
      if (!statement) {
        // Each form of the statement is one sentence: search sentence by sentence (their tokens are cached).
        const has = article.sentences.some((sentence) => firstMatch(compiled.fdaStatement, sentence.text) !== undefined)
        statement = {has, shortForm: has ? undefined : article.sentences.find((sentence) => firstMatch(compiled.fdaShort, sentence.text))}
      }

      return statement
    }

    const severity: Severity = isProductPage(article) ? 'error' : 'warn'
    let reportedShort = false

    for (const sentence of article.sentences) {
      if (sentence.kind === 'heading' || sentence.isQuestion || sentence.isQuoted) continue
      const analysis = analyse(article, sentence)
      if (analysis.garbled || inReferenceSection(analysis)) continue
      const disease = firstMatch(compiled.diseaseClaim, sentence.text)
      const claim = disease ?? firstMatch(compiled.claim, sentence.text)
      if (!claim) continue
      if (inRanges(analysis.quoted, claim.start, claim.end)) continue
      if (negatedBefore(sentence.text, analysis.clauses, claim.start) || debunkFrame(sentence.text)) continue
      // "Creatine doesn't boost testosterone": a negation inside the claim.
      if (/\b(?:not|never|no)\b|n't\b/i.test(claim.text)) continue
      if (article.blocks[sentence.block].containers.includes('blockquote')) continue
      if (context.isAccepted(claim.text)) continue
      const block = article.blocks[sentence.block]
      const start = block.toSource(sentence.textStart + claim.start)
      const end = block.toSource(sentence.textStart + claim.end - 1) + 1

      if (disease && !hedge(sentence.text.slice(0, disease.start + 20))) {
        context.report({
          start,
          end,
          reason: `“${claim.text}” is a disease claim, which supplements can’t make; rephrase or remove it.`,
          note: 'Under DSHEA and 21 CFR 101.93, dietary supplements may make structure/function claims but not claims to diagnose, treat, cure or prevent a disease, even implied ones (FDA, Small Entity Compliance Guide on Structure/Function Claims).',
          actual: claim.text,
          severity: 'error',
          group: 'disease'
        })
        continue
      }

      if (disease) continue
      const {has: hasStatement, shortForm} = findStatement()
      if (hasStatement) continue
      if (shortForm) {
        if (!reportedShort) {
          reportedShort = true
          context.report({
            start: shortForm.start,
            end: shortForm.end,
            reason: 'Use the full FDA statement: “…evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.”',
            note: '21 CFR 101.93 fixes the wording of the disclaimer; “by the FDA” is a shortened form.',
            expected: [compiled.standard],
            severity: 'info',
            group: 'short',
            fix: {kind: 'replace'}
          })
        }

        continue
      }

      context.report({
        start,
        end,
        reason: `Supplement claim (“${claim.text}”) with no FDA disclaimer. Add right after it: “${compiled.standard}”`,
        note: 'Structure/function claims about a dietary supplement must carry the FDA disclaimer, next to the claim or linked to it by a symbol such as † (21 CFR 101.93). The plural “These statements…” is allowed. The legal duty is the seller’s, so on editorial pages this is a best-practice warning; on product and brand pages it is an error.',
        actual: claim.text,
        expected: [compiled.standard],
        severity,
        group: 'structure-function',
        fix: {kind: 'insert-after'}
      })
    }
  }
}
