/**
 * Per-sentence analysis shared by the sentence rules, computed once per
 * sentence: clauses, advice clauses, quoted ranges, literal (code) ranges,
 * and the section the sentence sits in.
 */
import type {Article, Sentence} from '../article/types.js'
import {splitClauses, type Clause} from './clauses.js'
import {directiveClauses, type DirectiveClause} from './directive.js'
import {memoByText} from './phrases.js'
import {quotedRanges} from './negation.js'

export interface SentenceAnalysis {
  clauses: Clause[]
  directives: DirectiveClause[]
  /** Ranges of the sentence text inside quotation marks. */
  quoted: Array<[number, number]>
  /** Ranges of the sentence text that are code. */
  literal: Array<[number, number]>
  /** Heading texts above the sentence, lower case. */
  sectionPath: string[]
  /** Scraped word salad or navigation, not prose (see `isGarbled`). */
  garbled: boolean
}

const cache = new WeakMap<Sentence, SentenceAnalysis>()

/** What depends on the text alone, computed once per text (a re-lint reuses it for unchanged sentences). */
interface TextAnalysis {
  clauses: Clause[]
  directives: DirectiveClause[]
  quoted: Array<[number, number]>
  /** `isGarbled` as prose and as not prose, when asked. */
  garbledProse?: boolean
  garbledOther?: boolean
}

const textAnalysis = memoByText((text): TextAnalysis => {
  const clauses = splitClauses(text)
  return {clauses, directives: directiveClauses(text, clauses), quoted: quotedRanges(text)}
})

export function analyse(article: Article, sentence: Sentence): SentenceAnalysis {
  let analysis = cache.get(sentence)
  if (!analysis) {
    const text = textAnalysis(sentence.text)
    const block = article.blocks[sentence.block]
    const literal: Array<[number, number]> = []
    for (const [from, to] of block.literal) {
      const start = Math.max(from, sentence.textStart) - sentence.textStart
      const end = Math.min(to, sentence.textStart + sentence.text.length) - sentence.textStart
      if (end > start) literal.push([start, end])
    }

    const prose = sentence.kind === 'paragraph'
    let garbled = prose ? text.garbledProse : text.garbledOther
    if (garbled === undefined) {
      garbled = isGarbled(sentence.text, prose)
      if (prose) text.garbledProse = garbled
      else text.garbledOther = garbled
    }

    // The clauses, directives and quoted ranges are shared by every sentence
    // with this text: rules read them, never modify them.
    analysis = {
      clauses: text.clauses,
      directives: text.directives,
      quoted: text.quoted,
      literal,
      sectionPath: article.sections[sentence.section].path.map((heading) => heading.toLowerCase()),
      garbled
    }
    cache.set(sentence, analysis)
  }

  return analysis
}

/** Sections whose sentences are reference entries, not prose claims. */
const REFERENCE_SECTION = /^(?:\d+\.?\s*)?(?:references?|sources?|bibliography|citations?|footnotes?|notes|further reading|works cited|studies cited)\b/i

export function inReferenceSection(analysis: SentenceAnalysis): boolean {
  const last = analysis.sectionPath[analysis.sectionPath.length - 1]
  return last !== undefined && REFERENCE_SECTION.test(last)
}

/** Source offsets of a range of the sentence text. */
export function sourceRange(
  article: Article,
  sentence: Sentence,
  start: number,
  end: number
): {start: number; end: number} {
  const block = article.blocks[sentence.block]
  const from = block.toSource(sentence.textStart + start)
  const to = block.toSource(sentence.textStart + Math.max(start, end - 1)) + 1
  return {start: from, end: Math.max(to, from)}
}

const DANGLING_END = /\b(?:the|a|an|and|or|your|my|our|their|which)\s*[.!?…]+["')]*$/i
const SPACED_PUNCTUATION = /\s[;,:]\s|\s['’]\s\p{L}|\p{L}\s['’](?:t|s|re|ve|ll|d|m)\b|\[\s\d+\s\]|\(\s\w|\.{4,}|\s\.\s/u
const MENU = /\s\|\s.*\s\|\s/

/**
 * Scraped pages mix prose with word salad from keyword stuffing and
 * navigation ("Deadlifts don ’ t let your ego write checks …", "Home | Blog |
 * Shop"). Such "sentences" are not something a writer can fix sentence by
 * sentence, so the sentence rules skip them.
 */
export function isGarbled(text: string, prose = true): boolean {
  const trimmed = text.trim()
  if (MENU.test(trimmed) && !trimmed.split(/\s\|\s/).some((segment) => segment.trim().split(/\s+/).length >= 8)) return true
  if (SPACED_PUNCTUATION.test(trimmed)) return true
  if (DANGLING_END.test(trimmed)) return true
  // Opens mid-sentence: a lower-case word that is not a list continuation.
  // (List items and table cells often start lower-case; paragraphs do not.)
  // A forum post's lower-case user name ("gymrat_gary: Chest pressure…") is a speaker label, not a cut.
  if (prose && /^[a-z]/.test(trimmed) && !/^(?:e\.g\.|i\.e\.|etc)/.test(trimmed) && !/^(?:u\/)?[a-z][\w.-]{1,30}:\s+[\p{Lu}\d"“']/u.test(trimmed)) return true
  if (/[!?]\s*\.+$|\.\s*!+$/.test(trimmed)) return true
  // Ends on a word that cannot end a sentence ("…is to as!"), or opens with
  // the tail of a contraction ("Ve been following…").
  if (/\b(?:as|than|of|because|whether|the|a|an)\s*[.!?…]+["')]*$/i.test(trimmed)) return true
  if (/^(?:Ve|Ll|Re|S|T|D|M)\s+\p{Ll}/u.test(trimmed)) return true
  // An ellipsis in the middle: text glued from fragments.
  if (/\s…\s|\s\.\.\.\s\p{Ll}/u.test(trimmed)) return true
  return false
}
