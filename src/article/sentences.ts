/**
 * Split block text into sentences with parse-english (retext-english's
 * `ParseEnglish`), which knows English abbreviations ("p.m.", "e.g.", "Dr.")
 * unlike remark-retext's default ParseLatin.
 *
 * One parser instance is reused. Very long blocks without sentence ends (a
 * scraped page with no punctuation) are cut at a hard limit so a single
 * "sentence" never spans a whole page.
 */
import {ParseEnglish} from 'parse-english'
import {textCache} from '../language/text-cache.js'

export interface SentenceSpan {
  start: number
  end: number
}

/** Longest sentence we keep whole, in characters. */
const MAX_SENTENCE = 1200

let parser: ParseEnglish | undefined

interface NlcstNode {
  type: string
  children?: NlcstNode[]
  position?: {start: {offset?: number}; end: {offset?: number}}
}

/**
 * Spans per block text, for the current and the previous article: a
 * re-lint after an edit splits only the blocks that changed. The spans are
 * shared: callers must not modify them.
 */
const recent = textCache<string, SentenceSpan[]>()

export function splitSentences(text: string): SentenceSpan[] {
  let spans = recent.get(text)
  if (!spans) {
    spans = split(text)
    recent.set(text, spans)
  }

  return spans
}

function split(text: string): SentenceSpan[] {
  parser ??= new ParseEnglish()
  const spans: SentenceSpan[] = []
  const masked = maskLongWords(text)
  for (let from = 0; from < masked.length; ) {
    const to = chunkEnd(masked, from)
    const tree = parser.parse(to - from === masked.length ? masked : masked.slice(from, to)) as unknown as NlcstNode
    for (const paragraph of tree.children ?? []) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children ?? []) {
        if (sentence.type !== 'SentenceNode') continue
        const start = from + (sentence.position?.start.offset ?? 0)
        const end = from + (sentence.position?.end.offset ?? start - from)
        splitAfterNumbers(text, spans, start, end)
      }
    }

    from = to
  }

  return mergeAbbreviations(text, attachMarkers(text, spans))
}

/**
 * Blocks longer than this are given to parse-english in pieces: it moves
 * the white space before each sentence with `splice`, which is quadratic in
 * the sentences of one paragraph (400 KB of "No. " took seconds). No article
 * paragraph is this long.
 */
const CHUNK = 10_000

/**
 * Where the piece of `text` starting at `from` ends: the last sentence break
 * (`.`, `!` or `?`, white space, a capital) before CHUNK characters, else
 * the last white space, else CHUNK characters on.
 */
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK
  if (limit >= text.length) return text.length
  const floor = from + CHUNK / 2
  let space = -1
  for (let index = limit; index > floor; index--) {
    if (!/\s/.test(text.charAt(index - 1))) continue
    if (space === -1) space = index
    if (/[.!?]/.test(text.charAt(index - 2)) && /\p{Lu}/u.test(text.charAt(index))) return index
  }

  return space === -1 ? limit : space
}

/** Longest run without white space that the sentence parser sees as is. */
const MAX_WORD = 2000

/**
 * Runs of more than MAX_WORD characters without white space (a pasted blob,
 * `a-a-a-…`) are no prose; parse-english spreads every symbol of one word
 * into a single call and overflows the stack on them. Give it letters there
 * instead (same length, so offsets hold): such a run is one "word", which
 * `pushSpan` cuts like any over-long sentence.
 */
function maskLongWords(text: string): string {
  let masked: string[] | undefined
  let from = 0
  let runStart = -1
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 32
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 11
    if (!space) {
      if (runStart === -1) runStart = index
      continue
    }

    if (runStart !== -1 && index - runStart > MAX_WORD) {
      masked ??= []
      masked.push(text.slice(from, runStart), 'x'.repeat(index - runStart))
      from = index
    }

    runStart = -1
  }

  if (!masked) return text
  masked.push(text.slice(from))
  return masked.join('')
}

/** Abbreviations parse-english does not know, common in fitness writing. */
const ABBREVIATION_END = /\b(?:approx|vs|incl|est|ca|cf|min|mins|max|hr|hrs|sec|secs|wk|wks|lb|lbs|oz|no|fig|resp|avg|temp|reps?)\.$/i

/** "…approx. 1,000 mg…" was split after "approx."; join it back. */
function mergeAbbreviations(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  for (let index = 0; index < spans.length - 1; index++) {
    const current = text.slice(spans[index].start, spans[index].end)
    const next = text.charAt(spans[index + 1].start)
    if (ABBREVIATION_END.test(current) && /[\d\p{Ll}]/u.test(next)) {
      spans[index].end = spans[index + 1].end
      spans.splice(index + 1, 1)
      index--
    }
  }

  return spans
}

/**
 * parse-english does not end a sentence after a number ("Do 4 sets of 10.
 * Add lunges." stays one sentence) or a number and its unit ("…takes it to
 * 90 lb. Changing weight…"), which is common in training text. Split there,
 * unless the number opens the sentence (a list marker like "1.").
 */
const NUMBER_END = /(?<=\d(?:\s?(?:lb|lbs|kg|kgs|g|mg|mcg|oz|km|mi|m|cm|mm|ml|min|mins|sec|secs|hr|hrs|kcal|cal))?)\.\s+(?=["'(]?\p{Lu})/gu

function splitAfterNumbers(text: string, spans: SentenceSpan[], start: number, end: number): void {
  const slice = text.slice(start, end)
  NUMBER_END.lastIndex = 0
  let from = start
  let match: RegExpExecArray | null
  while ((match = NUMBER_END.exec(slice))) {
    const cut = start + match.index + 1
    if (cut - from <= 4) continue
    pushSpan(text, spans, from, cut)
    from = cut
  }

  pushSpan(text, spans, from, end)
}

/** Trim white space; cut over-long spans at word boundaries. */
function pushSpan(text: string, spans: SentenceSpan[], start: number, end: number): void {
  while (start < end && /\s/.test(text.charAt(start))) start++
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  if (end <= start) return

  while (end - start > MAX_SENTENCE) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE)
    if (cut <= start) cut = start + MAX_SENTENCE
    spans.push({start, end: cut})
    start = cut
    while (start < end && /\s/.test(text.charAt(start))) start++
  }

  if (end > start) spans.push({start, end})
}

/**
 * A citation marker written after the full stop (`... injuries. [2]`) opens
 * the next span; move it back to the sentence it belongs to.
 */
function attachMarkers(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  for (let index = 1; index < spans.length; index++) {
    const span = spans[index]
    const head = /^(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]\s*)+/.exec(
      text.slice(span.start, Math.min(span.end, span.start + 40))
    )
    if (!head) continue
    const markerEnd = span.start + head[0].trimEnd().length
    spans[index - 1].end = markerEnd
    span.start = span.start + head[0].length
    if (span.start >= span.end) {
      spans.splice(index, 1)
      index--
    }
  }

  return spans
}
