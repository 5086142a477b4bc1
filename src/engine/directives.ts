/**
 * Inline control: `fitlint-disable`, `fitlint-enable`,
 * `fitlint-disable-next-line` and `fitlint-disable-line` comments, written as
 * HTML comments (Markdown, HTML) or `{/* *\/}` expressions (MDX).
 *
 * Hand-written rather than unified-message-control because it must work the
 * same on four formats (including plain text's absence of comments), support
 * ESLint's `-next-line` / `-- reason` forms, and silence document-level rules
 * from anywhere in the file.
 */
import type {Directive} from '../article/types.js'

export interface Located {
  ruleId: string
  start: number
  scope: 'document' | 'sentence'
}

export interface DirectiveIndex {
  isSuppressed(message: Located): boolean
}

export function indexDirectives(directives: Directive[], source: string): DirectiveIndex {
  if (directives.length === 0) {
    return {isSuppressed: () => false}
  }

  const lineStarts = computeLineStarts(source)
  const lineOf = (offset: number): number => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (lineStarts[mid] <= offset) low = mid
      else high = mid - 1
    }

    return low
  }

  const sorted = [...directives].sort((a, b) => a.start - b.start)
  const lineRules: Array<{line: number; ruleIds: string[]}> = []
  const ranges: Array<{offset: number; keyword: 'disable' | 'enable'; ruleIds: string[]}> = []
  const documentDisabled = new Set<string>()
  let allDocumentDisabled = false

  for (const directive of sorted) {
    if (directive.keyword === 'disable-line') {
      lineRules.push({line: lineOf(directive.start), ruleIds: directive.ruleIds})
    } else if (directive.keyword === 'disable-next-line') {
      lineRules.push({line: nextContentLine(source, lineStarts, lineOf(directive.end)), ruleIds: directive.ruleIds})
    } else {
      ranges.push({offset: directive.start, keyword: directive.keyword, ruleIds: directive.ruleIds})
      if (directive.keyword === 'disable') {
        if (directive.ruleIds.length === 0) allDocumentDisabled = true
        for (const id of directive.ruleIds) documentDisabled.add(id)
      }
    }
  }

  return {
    isSuppressed(message) {
      if (message.scope === 'document') {
        if (allDocumentDisabled || documentDisabled.has(message.ruleId)) return true
      }

      const line = lineOf(message.start)
      for (const entry of lineRules) {
        if (entry.line === line && (entry.ruleIds.length === 0 || entry.ruleIds.includes(message.ruleId))) {
          return true
        }
      }

      let disabled = false
      for (const range of ranges) {
        if (range.offset > message.start) break
        if (range.ruleIds.length === 0 || range.ruleIds.includes(message.ruleId)) {
          disabled = range.keyword === 'disable'
        }
      }

      return disabled
    }
  }
}

function computeLineStarts(source: string): number[] {
  const starts = [0]
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 10) starts.push(index + 1)
    else if (code === 13 && source.charCodeAt(index + 1) !== 10) starts.push(index + 1)
  }

  return starts
}

/** The first line after `line` that is not blank. */
function nextContentLine(source: string, lineStarts: number[], line: number): number {
  let next = line + 1
  while (next < lineStarts.length) {
    const from = lineStarts[next]
    const to = next + 1 < lineStarts.length ? lineStarts[next + 1] : source.length
    if (source.slice(from, to).trim() !== '') return next
    next++
  }

  return line + 1
}
