/**
 * Where to put text in an article, per format: quick-fix insertions
 * (a paragraph before/after the flagged block, or at the top of the page)
 * and inline control comments (`fitlint-disable-next-line`, `fitlint-disable`).
 *
 * Works on the source text with line-level rules rather than a second parse:
 * the flagged offsets come from fitlint's own parse, and what is needed here
 * is "the end of this paragraph", "after the front matter", "the closing tag
 * of this element", which lines answer directly.
 */
import {buildArticle} from '../article/build.js'
import type {Format} from '../article/types.js'

/** Replace `text.slice(start, end)` with `newText` (`start === end`: insert). */
export interface Splice {
  start: number
  end: number
  newText: string
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

export function lineStartAt(text: string, offset: number): number {
  let index = Math.max(0, Math.min(offset, text.length))
  while (index > 0 && text.charCodeAt(index - 1) !== 10 && text.charCodeAt(index - 1) !== 13) index--
  return index
}

/** Offset of the end of the line holding `offset` (before its line ending). */
export function lineEndAt(text: string, offset: number): number {
  let index = Math.max(0, Math.min(offset, text.length))
  while (index < text.length && text.charCodeAt(index) !== 10 && text.charCodeAt(index) !== 13) index++
  return index
}

/** Start of the next line after the line ending at `lineEnd`, or -1 at the end. */
function nextLineStart(text: string, lineEnd: number): number {
  if (lineEnd >= text.length) return -1
  return text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1
}

/** Start of the previous line, or -1 on the first line. */
function previousLineStart(text: string, lineStart: number): number {
  if (lineStart === 0) return -1
  let end = lineStart - 1
  if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--
  return lineStartAt(text, end)
}

function lineAt(text: string, lineStart: number): string {
  return text.slice(lineStart, lineEndAt(text, lineStart))
}

const isBlank = (line: string) => line.trim() === ''

/** Offset right after YAML (`---`) or TOML (`+++`) front matter, or after a BOM. */
export function frontMatterEnd(text: string): number {
  const match = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n(?:[\s\S]*?\r?\n)?\1[ \t]*(?:\r?\n|$)/.exec(text)
  if (match) return match[0].length
  return text.startsWith('\uFEFF') ? 1 : 0
}

/**
 * The line start where a page's content begins: after front matter, MDX
 * `import`/`export` blocks, and blank lines.
 */
export function contentStart(text: string, format: Format): number {
  let position = format === 'markdown' || format === 'mdx' ? frontMatterEnd(text) : text.startsWith('\uFEFF') ? 1 : 0
  while (position !== -1 && position < text.length) {
    const line = lineAt(text, position)
    if (isBlank(line)) {
      position = nextLineStart(text, lineEndAt(text, position))
      continue
    }

    if (format === 'mdx' && /^(?:import|export)\b/.test(line)) {
      // An ESM block runs to the next blank line.
      while (position !== -1 && position < text.length && !isBlank(lineAt(text, position))) {
        position = nextLineStart(text, lineEndAt(text, position))
      }

      continue
    }

    break
  }

  return position === -1 ? text.length : position
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(lineAt(text, lineStartAt(text, offset)))?.[0] ?? ''
}

/** Insert `paragraph` as a new block at the top of the page. */
export function insertAtDocumentStart(text: string, format: Format, paragraph: string): Splice {
  const eol = eolOf(text)
  if (format === 'html') {
    const body = /<body\b[^>]*>/i.exec(text)
    if (body) {
      const at = body.index + body[0].length
      const next = text.slice(at).match(/^\r?\n([ \t]*)/)
      const indent = next ? next[1] : '  '
      return {start: at, end: at, newText: `${eol}${indent}<p>${escapeHtml(paragraph)}</p>`}
    }

    const doctype = /^\uFEFF?\s*<!doctype[^>]*>/i.exec(text)
    const at = doctype ? doctype[0].length : text.startsWith('\uFEFF') ? 1 : 0
    return {start: at, end: at, newText: `${doctype ? eol : ''}<p>${escapeHtml(paragraph)}</p>${doctype ? '' : eol}`}
  }

  const at = contentStart(text, format)
  if (at >= text.length) {
    const before = text.length > 0 && !/[\r\n]$/.test(text) ? eol : ''
    return {start: text.length, end: text.length, newText: `${before}${paragraph}${eol}`}
  }

  return {start: at, end: at, newText: `${paragraph}${eol}${eol}`}
}

const HTML_BLOCKS =
  'p|h[1-6]|li|dt|dd|blockquote|figcaption|caption|td|th|div|section|article|header|footer|aside|main|summary|details|pre|ul|ol|dl|table|figure|nav|title'
/** Elements a `<p>` cannot follow directly: go out to their container. */
const HTML_CONTAINER: Record<string, string> = {li: 'ul|ol', dt: 'dl', dd: 'dl', td: 'table', th: 'table', caption: 'table', summary: 'details'}

/** Insert `paragraph` as a new block after the block holding `[start, end)`. */
export function insertAfterBlock(text: string, format: Format, start: number, end: number, paragraph: string): Splice {
  const eol = eolOf(text)
  if (format === 'html') {
    const head = /<\/head\s*>/i.exec(text)
    if (head && start < head.index) return insertAtDocumentStart(text, format, paragraph)
    const close = new RegExp(`</(${HTML_BLOCKS})\\s*>`, 'gi')
    close.lastIndex = end
    let match = close.exec(text)
    if (match) {
      const name = match[1].toLowerCase()
      const container = HTML_CONTAINER[name]
      if (container) {
        const outer = new RegExp(`</(?:${container})\\s*>`, 'gi')
        outer.lastIndex = match.index
        match = outer.exec(text) ?? match
      }

      const at = match.index + match[0].length
      return {start: at, end: at, newText: `${eol}${indentOf(text, match.index)}<p>${escapeHtml(paragraph)}</p>`}
    }

    const bodyEnd = /<\/body\s*>/i.exec(text)
    const at = bodyEnd ? bodyEnd.index : text.length
    return {start: at, end: at, newText: `<p>${escapeHtml(paragraph)}</p>${eol}`}
  }

  if (format === 'text') {
    // Plain text is either blank-line paragraphs or one paragraph per line
    // (scraped pages): ask fitlint's own reading where the block ends.
    const block = textBlockAt(text, start)
    if (block) {
      const lineEnd = lineEndAt(text, Math.max(block.start, block.end - 1))
      const next = nextLineStart(text, lineEnd)
      const followedByText = next !== -1 && !isBlank(lineAt(text, next))
      return {start: lineEnd, end: lineEnd, newText: followedByText ? `${eol}${paragraph}` : `${eol}${eol}${paragraph}`}
    }
  }

  let lineStart = lineStartAt(text, start)
  let lineEnd = lineEndAt(text, Math.max(start, end - 1))
  const firstLine = lineAt(text, lineStart)
  const isAtx = format !== 'text' && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(firstLine)
  if (!isAtx) {
    // The rest of the paragraph (or list, or setext heading).
    for (;;) {
      const next = nextLineStart(text, lineEnd)
      if (next === -1 || isBlank(lineAt(text, next))) break
      lineStart = next
      lineEnd = lineEndAt(text, next)
    }
  }

  const next = nextLineStart(text, lineEnd)
  const followedByText = next !== -1 && !isBlank(lineAt(text, next))
  return {start: lineEnd, end: lineEnd, newText: `${eol}${eol}${paragraph}${followedByText ? eol : ''}`}
}

/** The plain-text block (as fitlint reads it) holding `offset`. */
function textBlockAt(text: string, offset: number): {start: number; end: number} | undefined {
  try {
    return buildArticle(text, 'text').blocks.find((block) => block.start <= offset && offset <= block.end)
  } catch {
    return undefined
  }
}

/** Insert `paragraph` as a new block before the block holding `start`. */
export function insertBeforeBlock(text: string, format: Format, start: number, paragraph: string): Splice {
  const eol = eolOf(text)
  if (format === 'html') {
    const open = new RegExp(`<(${HTML_BLOCKS})(?:\\s[^>]*)?>`, 'gi')
    let last: RegExpExecArray | undefined
    let match: RegExpExecArray | null
    while ((match = open.exec(text)) && match.index < start) last = match
    if (last) {
      const name = last[1].toLowerCase()
      const container = HTML_CONTAINER[name]
      let at = last.index
      if (container) {
        const outer = new RegExp(`<(?:${container})(?:\\s[^>]*)?>`, 'gi')
        let found: RegExpExecArray | null
        while ((found = outer.exec(text)) && found.index < last.index) at = found.index
      }

      return {start: at, end: at, newText: `<p>${escapeHtml(paragraph)}</p>${eol}${indentOf(text, at)}`}
    }

    return insertAtDocumentStart(text, format, paragraph)
  }

  if (format === 'text') {
    const block = textBlockAt(text, start)
    if (block) {
      const at = lineStartAt(text, block.start)
      const previous = previousLineStart(text, at)
      const afterText = previous !== -1 && !isBlank(lineAt(text, previous))
      return {start: at, end: at, newText: afterText ? `${paragraph}${eol}` : `${paragraph}${eol}${eol}`}
    }
  }

  let lineStart = lineStartAt(text, start)
  const floor = format === 'text' ? 0 : contentStart(text, format)
  for (;;) {
    const previous = previousLineStart(text, lineStart)
    if (previous === -1 || previous < floor) break
    const line = lineAt(text, previous)
    if (isBlank(line) || (format !== 'text' && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line))) break
    lineStart = previous
  }

  return {start: lineStart, end: lineStart, newText: `${paragraph}${eol}${eol}`}
}

/** The control comment for `keyword rule` in a format, or undefined (plain text). */
export function controlComment(format: Format, keyword: string, ruleId: string): string | undefined {
  if (format === 'text') return undefined
  if (format === 'mdx') return `{/* fitlint-${keyword} ${ruleId} */}`
  return `<!-- fitlint-${keyword} ${ruleId} -->`
}

/** A Markdown line the end of which can take an inline comment. */
function takesInlineComment(line: string): boolean {
  if (isBlank(line)) return false
  if (/^ {0,3}(?:```|~~~)/.test(line)) return false // fence
  if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) return false // ATX heading
  if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) return false // setext underline, front matter
  if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return false // thematic break
  if (/^ {0,3}\+\+\+[ \t]*$/.test(line)) return false // TOML front matter
  if (/^[ \t]*</.test(line)) return false // HTML block
  if (/\|/.test(line)) return false // table row
  if (/(?: {2,}|\\)$/.test(line)) return false // hard line break
  if (/^ {4,}|^\t/.test(line)) return false // maybe indented code
  return true
}

/**
 * Disable `ruleId` for the line holding `offset`.
 *
 * The comment goes on its own line above, with the line's indentation (and
 * blockquote markers). In Markdown, when the line above belongs to the same
 * paragraph or list, a comment line there would split it (an HTML comment
 * starts a new block), so the comment is appended to the end of that line
 * instead: `fitlint-disable-next-line` still applies to the next line. In a
 * table row, where neither works, `fitlint-disable-line` goes inside the cell.
 */
export function disableLine(text: string, format: Format, offset: number, ruleId: string): Splice | undefined {
  const comment = controlComment(format, 'disable-next-line', ruleId)
  if (!comment) return undefined
  const eol = eolOf(text)
  const lineStart = lineStartAt(text, offset)
  const line = lineAt(text, lineStart)

  if (format === 'markdown') {
    if (/^[ \t]*\|/.test(line) || (/\|/.test(line) && /\|/.test(lineAt(text, Math.max(0, previousLineStart(text, lineStart)))))) {
      const inline = controlComment(format, 'disable-line', ruleId) as string
      return {start: offset, end: offset, newText: `${inline} `}
    }

    const previous = previousLineStart(text, lineStart)
    if (previous !== -1 && previous >= frontMatterEnd(text) && takesInlineComment(lineAt(text, previous))) {
      const at = lineEndAt(text, previous)
      return {start: at, end: at, newText: ` ${comment}`}
    }
  }

  const prefix =
    format === 'html' ? /^[ \t]*/.exec(line)?.[0] ?? '' : /^(?:[ \t]*>)*[ \t]*/.exec(line)?.[0] ?? ''
  return {start: lineStart, end: lineStart, newText: `${prefix}${comment}${eol}`}
}

/** Disable `ruleId` for the whole file: a comment at the top. */
export function disableFile(text: string, format: Format, ruleId: string): Splice | undefined {
  const comment = controlComment(format, 'disable', ruleId)
  if (!comment) return undefined
  const eol = eolOf(text)
  if (format === 'html') {
    const doctype = /^\uFEFF?\s*<!doctype[^>]*>/i.exec(text)
    if (doctype) return {start: doctype[0].length, end: doctype[0].length, newText: `${eol}${comment}`}
    const at = text.startsWith('\uFEFF') ? 1 : 0
    return {start: at, end: at, newText: `${comment}${eol}`}
  }

  const at = contentStart(text, format)
  if (at >= text.length) {
    const before = text.length > 0 && !/[\r\n]$/.test(text) ? eol : ''
    return {start: text.length, end: text.length, newText: `${before}${comment}${eol}`}
  }

  return {start: at, end: at, newText: `${comment}${eol}${eol}`}
}
