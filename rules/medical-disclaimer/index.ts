/**
 * medical-disclaimer (document): a page that gives health, exercise, diet,
 * injury or supplement advice needs a statement that it is not medical
 * advice or that readers should check with a clinician before starting.
 * Any common wording counts, as does a front-matter flag or the
 * `siteDisclaimer` setting. An inverted ("can be used in place of a visit to
 * your doctor"), fragmentary ("Should not be used as a substitute…, we
 * earn!") or cut-off disclaimer is reported as broken at its position.
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {loadYaml} from '../../src/language/data.js'
import {pageProfile} from '../../src/language/page.js'
import {compilePhrases, compileTagged, firstMatch, type Lexicons, type PhraseMatcher} from '../../src/language/phrases.js'
import {applyPhraseChanges} from '../../src/language/phrase-data.js'
import {sharedLexicons} from '../lexicon.js'

interface Data {
  lexicons: Lexicons
  notAdvice: string[]
  consultBefore: string[]
  weak: string[]
  invertable: string[]
  negation: string[]
  dangling: string[]
  frontmatterKeys: string[]
  standard: string
}

interface Compiled {
  /** notAdvice, consultBefore, weak, invertable: one scan per sentence. */
  kinds: PhraseMatcher
  negation: PhraseMatcher
  dangling: RegExp
  frontmatterKeys: string[]
  standard: string
}

export interface Options {
  siteDisclaimer?: boolean
  frontmatterKeys?: string[]
}

const GROUPS = ['notAdvice', 'consultBefore', 'weak', 'invertable']

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = {...sharedLexicons(), ...data.lexicons}
  const groups = applyPhraseChanges(data as unknown as Record<string, string[]>, GROUPS, changes, lexicons)
  return {
    kinds: compileTagged([groups.notAdvice, groups.consultBefore, groups.weak, groups.invertable], lexicons, 'iu'),
    negation: compilePhrases(data.negation, lexicons, 'iu'),
    dangling: new RegExp(String.raw`(?:^|\s)(?:${data.dangling.join('|')})\s*$`, 'i'),
    frontmatterKeys: data.frontmatterKeys,
    standard: data.standard
  }
}

type Found =
  | {kind: 'valid'; sentence: Sentence}
  | {kind: 'broken'; sentence: Sentence; why: string}
  | {kind: 'weak'; sentence: Sentence; text: string}

/** Why a matched disclaimer sentence does not work, if it does not. */
function brokenReason(article: Article, sentence: Sentence, compiled: Compiled): string | undefined {
  const text = sentence.text.trim()
  // A fragment with no subject: "Should not be used as a substitute…".
  if (/^(?:should|can|may|must|will|is|are|does|do)\s+not\b/i.test(text)) {
    return 'it is a fragment with no subject, so it does not say what is not advice'
  }

  // Cut off: the block ends mid-sentence on a function word.
  const block = article.blocks[sentence.block]
  const isLast = block.sentences[block.sentences.length - 1] === sentence.index
  if (isLast && !/[.!?)"'\]]$/.test(text) && compiled.dangling.test(text)) {
    return 'it is cut off before it finishes'
  }

  return undefined
}

function findDisclaimers(article: Article, compiled: Compiled): Found[] {
  const found: Found[] = []
  for (const sentence of article.sentences) {
    const text = sentence.text
    // The FDA supplement statement is about a product, not the article.
    if (/not intended to diagnose|evaluated by the (?:Food and Drug Administration|FDA)/i.test(text)) continue
    // "If you have gallstones, talk to your doctor before taking it" is a
    // caution for some readers, not a statement about the whole page.
    const [notAdvice, consultBefore, weak, inverted] = compiled.kinds.firstPerTag(text)
    // Also a condition opening the clause of the check: "…; if you have
    // diabetes, get your doctor's OK before you try fasting".
    const conditional =
      /^\W*(?:if|when|whenever)\b/i.test(text) ||
      (consultBefore !== undefined && /(?:^|[;:—–]\s*|,\s*(?:and|but|so)?\s*)(?:if|when|whenever)\s+(?:you|your|they|he|she)\b[^;:.!?]*$/i.test(text.slice(0, consultBefore.start)))
    const valid = notAdvice ?? (conditional ? undefined : consultBefore)
    if (valid) {
      const why = brokenReason(article, sentence, compiled)
      found.push(why ? {kind: 'broken', sentence, why} : {kind: 'valid', sentence})
      continue
    }

    if (inverted && isAboutAdvice(text) && !firstMatch(compiled.negation, text.slice(0, inverted.end))) {
      found.push({
        kind: 'broken',
        sentence,
        why: 'it says the content can replace professional advice (the “not” is missing)'
      })
      continue
    }

    if (weak) found.push({kind: 'weak', sentence, text: weak.text})
  }

  return found
}

/**
 * A disclaimer in the page's footer or fine print (HTML site chrome, which is
 * not linted as prose): "Always consult your doctor before beginning any new
 * exercise program."
 */
function siteNoteDisclaimer(article: Article, compiled: Compiled): boolean {
  for (const note of article.siteNotes ?? []) {
    for (const sentence of note.text.split(/(?<=[.!?])\s+(?=["“'(]?\p{Lu})/u)) {
      if (/not intended to diagnose|evaluated by the (?:Food and Drug Administration|FDA)/i.test(sentence)) continue
      const [notAdvice, consultBefore] = compiled.kinds.firstPerTag(sentence)
      if (notAdvice || (consultBefore && !/^\W*(?:if|when|whenever)\b/i.test(sentence))) return true
    }
  }

  return false
}

/** The inverted form must talk about medical/professional advice or a clinician. */
function isAboutAdvice(text: string): boolean {
  return /\b(?:medical|professional|doctor|physician|clinician|health ?care|diagnosis|treatment)\b/i.test(text)
}

function hasFrontmatterDisclaimer(article: Article, keys: string[]): boolean {
  const data = article.frontmatter?.data
  if (!data) return false
  return keys.some((key) => {
    const value = data[key]
    if (value === undefined || value === null || value === false) return false
    if (typeof value === 'string') return !/^(?:|no|none|false|off)$/i.test(value.trim())
    return true
  })
}

export const rule: Rule<Options> = {
  id: 'medical-disclaimer',
  severity: 'warn',
  scope: 'document',
  docs: {
    summary:
      'A page that gives health, exercise, diet, injury or supplement advice says it is not medical advice (or to check with a doctor first).'
  },
  options: {
    siteDisclaimer: {
      type: 'boolean',
      description: 'The site template adds a disclaimer to every page: never report a missing one.'
    },
    frontmatterKeys: {
      type: 'string[]',
      description: 'Front-matter keys whose value means the template renders a disclaimer (default: disclaimer, medicalDisclaimer, medical_disclaimer, ...).'
    }
  },
  compile,
  check(context) {
    const {article, options, settings} = context
    const compiled = context.data as Compiled
    if (options.siteDisclaimer ?? settings.siteDisclaimer) return
    if (hasFrontmatterDisclaimer(article, options.frontmatterKeys ?? compiled.frontmatterKeys)) return

    const found = findDisclaimers(article, compiled)
    if (found.some((item) => item.kind === 'valid')) return
    if (siteNoteDisclaimer(article, compiled)) return

    // A page that tries to carry a disclaimer is a health page: a broken one
    // is reported even when the page gives little advice.
    const broken = found.find((item) => item.kind === 'broken')
    const profile = pageProfile(article)
    if (!profile.isAdvicePage && !broken) return

    if (broken && broken.kind === 'broken') {
      context.report({
        start: broken.sentence.start,
        end: broken.sentence.end,
        reason: `Medical disclaimer is broken: ${broken.why}.`,
        note: 'Readers and Google’s quality raters look for a clear statement that health content is not medical advice. Replace it with a complete disclaimer.',
        expected: [compiled.standard],
        actual: broken.sentence.text,
        group: 'broken',
        fix: {kind: 'replace'}
      })
      return
    }

    const anchor = article.blocks.find((block) => block.kind === 'heading') ?? article.blocks[0]
    const start = anchor ? anchor.start : 0
    const end = anchor ? anchor.end : 0
    const weak = found.find((item) => item.kind === 'weak')
    if (weak) {
      context.report({
        start: weak.sentence.start,
        end: weak.sentence.end,
        reason: `Medical disclaimer is too weak: “${weak.text.toLowerCase()}” does not say the page is not medical advice.`,
        note: 'Say that the content is general information, not medical advice, and to check with a doctor before starting.',
        expected: [compiled.standard],
        group: 'weak',
        fix: {kind: 'insert-after'}
      })
      return
    }

    context.report({
      start,
      end,
      reason: `Health page has no medical disclaimer. Add: “${compiled.standard}”`,
      note: `This page gives health advice (${profile.reason}). Google holds health pages to the highest trust bar, and health publishers state that their content does not replace a clinician. A front-matter \`disclaimer: true\` or the \`siteDisclaimer\` setting also satisfies this rule.`,
      expected: [compiled.standard],
      group: 'missing',
      fix: {kind: 'insert-after'}
    })
  }
}
