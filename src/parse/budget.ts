/**
 * A cheap look at a Markdown or MDX file before micromark parses it: is it
 * a shape the parser takes seconds on? Linear in the text, like the nesting
 * pre-scan in `depth.ts`. Measured on the 2-core development machine:
 *
 * - Inside one paragraph, micromark merges each run of text between inline
 *   markup with a splice of the paragraph's whole event list
 *   (`resolveAllText`), which is quadratic: 20,000 footnote references in a
 *   paragraph take ~7 s, 8,000 links ~4 s, a paragraph of 20,000 lines ~13 s.
 *   Such a paragraph (more than `MAX_PARAGRAPH_LINES` lines, more than
 *   `MAX_PARAGRAPH_MARKUP` inline markup characters, or longer than
 *   `MAX_PARAGRAPH_LENGTH`) is read as plain text: it is hidden from the
 *   parser behind letters of the same length and line structure, so every
 *   position stays right, and its text is put back after parsing (see
 *   `maskPlain` and `unmaskPlain`). Its links, emphasis and footnote
 *   references are then not recognised; a warning says so.
 * - Every block costs micromark 50–200 µs (headings, paragraphs, list
 *   items, table rows): 40,000 headings take ~3 s, a 20,000-row table ~4 s.
 *   A file with more than `MAX_BLOCKS` blocks gets one fatal message naming
 *   the limit, in milliseconds.
 *
 * Real articles are far from every limit (a long one has a few hundred
 * blocks and paragraphs of a few kilobytes), so for them nothing changes.
 */

/** Most blocks (headings, paragraphs, list items, table rows, …) in a file. */
export const MAX_BLOCKS = 10_000
/** Most lines in one paragraph read as Markdown. */
export const MAX_PARAGRAPH_LINES = 1_000
/** Most inline markup characters (`[ ] * _ \` < & ! ~ \ @ :`, `www.`; code spans count once) in one paragraph read as Markdown. */
export const MAX_PARAGRAPH_MARKUP = 2_000
/** Longest paragraph (characters) read as Markdown. */
export const MAX_PARAGRAPH_LENGTH = 100_000

export interface PlainRange {
  /** Source offsets of the paragraph's lines (`end` before the last line ending). */
  start: number
  end: number
  /** Why it is read as plain text, for the warning. */
  why: string
}

export interface Budget {
  /** More blocks than the parser can read in time: one fatal message. */
  tooManyBlocks?: {limit: number; line: number}
  /** Paragraphs to read as plain text. */
  plain: PlainRange[]
}

const thousands = (value: number) => value.toLocaleString('en-US')

export function markdownBudget(source: string): Budget {
  const plain: PlainRange[] = []
  let blocks = 0
  let line = 0
  let fence = ''
  /** The run of plain paragraph lines being read. */
  let run: {start: number; end: number; lines: number; markup: number} | undefined
  let previousBlank = true
  let tableRun = false
  /** Inside raw HTML that ends at this marker, not at a blank line. */
  let html: RegExp | undefined

  const closeRun = () => {
    if (!run) return
    const length = run.end - run.start
    const why =
      run.lines > MAX_PARAGRAPH_LINES
        ? `${thousands(run.lines)} lines; the limit is ${thousands(MAX_PARAGRAPH_LINES)}`
        : run.markup > MAX_PARAGRAPH_MARKUP
          ? `${thousands(run.markup)} markup characters; the limit is ${thousands(MAX_PARAGRAPH_MARKUP)}`
          : length > MAX_PARAGRAPH_LENGTH
            ? `${thousands(length)} characters; the limit is ${thousands(MAX_PARAGRAPH_LENGTH)}`
            : undefined
    if (why) plain.push({start: run.start, end: run.end, why})
    run = undefined
  }

  let start = 0
  // Front matter is not Markdown: start after it.
  const frontmatter = /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/.exec(source)
  if (frontmatter) {
    start = frontmatter[0].length
    for (let index = 0; index < start; index++) if (source.charCodeAt(index) === 10) line++
  }

  while (start <= source.length) {
    line++
    let end = start
    while (end < source.length) {
      const code = source.charCodeAt(end)
      if (code === 10 || code === 13) break
      end++
    }

    const next = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)

    // First character after white space and block quote markers.
    let first = start
    while (first < end) {
      const code = source.charCodeAt(first)
      if (code !== 32 && code !== 9 && code !== 62 /* > */) break
      first++
    }

    const blank = first === end && !source.slice(start, end).includes('>')
    const marker = source.startsWith('```', first) ? '```' : source.startsWith('~~~', first) ? '~~~' : ''
    if (fence !== '') {
      // Code is cheap for the parser and never a paragraph.
      if (marker === fence) fence = ''
    } else if (html !== undefined) {
      // So is raw HTML that runs to a closing marker (comments, <pre>, …).
      if (html.test(source.slice(first, end))) html = undefined
    } else if (marker) {
      closeRun()
      fence = marker
      blocks++
    } else if (blank) {
      closeRun()
      tableRun = false
    } else {
      const text = source.slice(first, end)
      const kind = lineKind(source, start, first, end)
      if (kind === 'delimiter') tableRun = true
      // A block starts on the first line after a blank one, and on every
      // line that starts a block of its own; table rows are blocks.
      if (previousBlank || kind !== 'plain' || (tableRun && text.includes('|'))) blocks++
      if (blocks > MAX_BLOCKS) return {tooManyBlocks: {limit: MAX_BLOCKS, line}, plain}
      const opened = HTML_BLOCKS.find(([open]) => open.test(text))
      if (opened && !opened[1].test(text.slice(1))) html = opened[1]

      if (kind === 'plain' && !tableRun) {
        run ??= {start, end, lines: 0, markup: 0}
        run.end = end
        run.lines++
        run.markup += countMarkup(source, first, end)
      } else {
        closeRun()
      }
    }

    previousBlank = fence === '' && html === undefined && blank
    if (end >= source.length) break
    start = next
  }

  closeRun()
  return {plain}
}

/**
 * What a line is, for the estimate: `plain` when it can only be paragraph
 * text (it starts with a letter, a digit not followed by `.` or `)`, or
 * punctuation that starts no block), `delimiter` for a table delimiter row,
 * `block` for anything else (headings, list items, HTML, setext underlines,
 * thematic breaks, definitions, JSX, table rows…).
 */
function lineKind(source: string, start: number, first: number, end: number): 'plain' | 'block' | 'delimiter' {
  if (first > start && source.slice(start, first).includes('>')) return 'block'
  const text = source.slice(first, end)
  if (/^\|?\s*:?-+:?\s*(?:\|\s*:?-*:?\s*)*\|?\s*$/.test(text) && text.includes('-')) return text.includes('|') ? 'delimiter' : 'block'
  if (/^(?:[#>|<{[=`~:]|[-*+_](?:\s|$)|\d{1,9}[.)](?:\s|$)|(?:[-*_]\s*){3,}$)/.test(text)) return 'block'
  return 'plain'
}

/** HTML blocks that run across blank lines, and what ends them (CommonMark kinds 1–5). */
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:\s|>|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
]

const MARKUP = new Set([91, 93, 42, 95, 96, 60, 38, 33, 126, 92, 64, 58]) // [ ] * _ ` < & ! ~ \ @ :

/** Inline markup characters on a line; a code span (`` `<b>` ``) counts once, its content is literal. */
function countMarkup(source: string, from: number, to: number): number {
  let count = 0
  let close = from - 1
  for (let index = from; index < to; index++) {
    const code = source.charCodeAt(index)
    if (code === 96 /* ` */) {
      // The next backtick on the line (remembered, so a line of backticks stays linear).
      if (close <= index) close = source.indexOf('`', index + 1)
      count++
      if (close !== -1 && close < to) index = close
      continue
    }

    if (MARKUP.has(code)) count++
    else if ((code === 119 || code === 87) && (source.startsWith('www.', index) || source.startsWith('WWW.', index))) count++
  }

  return count
}

/**
 * The text the parser sees: each plain-text paragraph, after the indent of
 * its first line, becomes the one letter `a` (micromark's cost grows with
 * the characters and lines of a paragraph, even when they are all letters).
 * `unmaskPlain` puts the paragraphs back.
 */
export function maskPlain(source: string, ranges: PlainRange[]): string {
  let result = ''
  let at = 0
  for (const range of ranges) {
    result += source.slice(at, contentStart(source, range)) + 'a'
    at = range.end
  }

  return result + source.slice(at)
}

/** Where a range's text starts, after the indent of its first line. */
function contentStart(source: string, range: PlainRange): number {
  let first = range.start
  while (source.charCodeAt(first) === 32 || source.charCodeAt(first) === 9) first++
  return first
}

interface Point {
  line?: number
  column?: number
  offset?: number
}

interface Positioned {
  type: string
  value?: unknown
  children?: Positioned[]
  position?: {start: Point; end: Point}
}

/**
 * Undo `maskPlain` in the tree parsed from its text: offsets move back to
 * the source (fitlint reads positions by offset only; line and column are
 * left as the parser gave them) and the text node of each masked paragraph
 * gets the paragraph's source text, read as plain text.
 */
export function unmaskPlain(tree: Positioned, source: string, ranges: PlainRange[]): void {
  // Offset of each placeholder in the masked text, and what it stands for.
  const placeholders: Array<{at: number; start: number; end: number}> = []
  let shift = 0
  for (const range of ranges) {
    const first = contentStart(source, range)
    placeholders.push({at: first - shift, start: first, end: range.end})
    shift += range.end - first - 1
  }

  const toSource = (offset: number | undefined): number | undefined => {
    if (offset === undefined) return undefined
    // Shift by every placeholder that ends at or before the offset.
    let low = 0
    let high = placeholders.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (placeholders[middle].at + 1 <= offset) low = middle + 1
      else high = middle
    }

    if (low === 0) return offset
    const last = placeholders[low - 1]
    return offset - (last.at + 1) + last.end
  }

  const visit = (node: Positioned) => {
    if (node.position) {
      const {start, end} = node.position
      node.position = {start: {...start, offset: toSource(start.offset)}, end: {...end, offset: toSource(end.offset)}}
      if (typeof node.value === 'string') {
        const from = node.position.start.offset ?? 0
        const to = node.position.end.offset ?? from
        if (placeholders.some((placeholder) => from < placeholder.end && to > placeholder.start)) node.value = source.slice(from, to)
      }
    }

    if (node.children) for (const child of node.children) visit(child)
  }

  visit(tree)
}

export function plainWarning(range: PlainRange): string {
  return `Paragraph too long for the Markdown parser (${range.why}): fitlint read it as plain text, so its links, emphasis and footnote references are not recognised`
}
