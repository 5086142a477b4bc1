/**
 * A cheap guard before parsing Markdown and MDX: how deep do containers
 * (block quotes, list items) nest? micromark is slow on deep nesting (a list
 * nested 5,000 deep on one line takes 15 s; 700 deep by indentation, 8 s)
 * and the tree walkers after it run out of stack. A file nested deeper than
 * any article gets one clear fatal message instead, fast.
 *
 * The scan is an estimate, linear in the text: per line, the container
 * markers before its content (`> - 1. >`); across lines, the stack of list
 * items opened by indentation.
 */

/** Most container markers on one line (`>` × 1000 still lints). */
export const MAX_LINE_NESTING = 1000
/** Most list items nested by indentation. */
export const MAX_INDENT_NESTING = 200

export interface NestingProblem {
  /** What nests: for the message. */
  what: string
  limit: number
  /** 1-based line where the limit is passed. */
  line: number
}

/** Most JSX elements nested in MDX (micromark's JSX parsing slows down fast beyond). */
export const MAX_JSX_NESTING = 1000

export function findNestingProblem(source: string, mdx = false): NestingProblem | undefined {
  return findContainerProblem(source) ?? (mdx ? findJsxProblem(source) : undefined)
}

/**
 * JSX depth, estimated: `<Tag …>` and `<>` open, `</…>` closes, `<Tag …/>`
 * does neither. Fenced code and code spans (`` `<div>` ``) are skipped.
 */
function findJsxProblem(source: string): NestingProblem | undefined {
  let depth = 0
  let line = 0
  let fence = ''
  let close = -2
  let start = 0
  while (start <= source.length) {
    line++
    let end = start
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++
    const next = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)
    // A fence opens or closes: ``` or ~~~ after white space and `>`.
    let first = start
    while (first < end && /[\s>]/.test(source.charAt(first))) first++
    const marker = source.startsWith('```', first) ? '```' : source.startsWith('~~~', first) ? '~~~' : ''
    if (marker && (fence === '' || fence === marker)) {
      fence = fence === '' ? marker : ''
      start = next
      continue
    }

    if (fence !== '') {
      start = next
      continue
    }

    for (let index = start; index < end; index++) {
      const code = source.charCodeAt(index)
      if (code === 96 /* ` */) {
        const closing = source.indexOf('`', index + 1)
        if (closing !== -1 && closing < end) index = closing
        continue
      }

      if (code !== 60 /* < */) continue
      const after = source.charCodeAt(index + 1)
      if (after === 47 /* / */) {
        if (depth > 0) depth--
        continue
      }

      const letter = (after >= 65 && after <= 90) || (after >= 97 && after <= 122)
      if (!letter && after !== 62 /* > */) continue
      // The next `>` after this `<` (remembered, so `<a<a<a…` stays linear).
      if (close <= index) close = source.indexOf('>', index + 1)
      if (close === -1) return undefined
      if (source.charCodeAt(close - 1) === 47 /* / */) continue
      depth++
      if (depth > MAX_JSX_NESTING) return {what: 'JSX elements', limit: MAX_JSX_NESTING, line}
    }

    if (end >= source.length) break
    start = next
  }

  return undefined
}

function findContainerProblem(source: string): NestingProblem | undefined {
  const indents: number[] = []
  let line = 1
  let start = 0
  while (start <= source.length) {
    let end = start
    while (end < source.length) {
      const code = source.charCodeAt(end)
      if (code === 10 || code === 13) break
      end++
    }

    // Container markers at the start of the line.
    let index = start
    let markers = 0
    let firstItem = -1
    let column = 0
    let content = -1
    for (;;) {
      while (index < end) {
        const code = source.charCodeAt(index)
        if (code === 32) column++
        else if (code === 9) column += 4 - (column % 4)
        else break
        index++
      }

      if (index >= end) break
      const code = source.charCodeAt(index)
      if (code === 62 /* > */) {
        markers++
        index++
        column++
        continue
      }

      let after = index
      if (code === 45 || code === 43 || code === 42 /* - + * */) {
        after = index + 1
      } else {
        while (after < end && after - index < 9 && source.charCodeAt(after) >= 48 && source.charCodeAt(after) <= 57) after++
        const next = source.charCodeAt(after)
        after = after > index && (next === 46 || next === 41) /* . ) */ ? after + 1 : index
      }

      const next = source.charCodeAt(after)
      if (after > index && (after === end || next === 32 || next === 9)) {
        if (firstItem === -1 && markers === 0) firstItem = column
        markers++
        column += after - index
        index = after
        continue
      }

      content = column
      break
    }

    if (markers > MAX_LINE_NESTING) return {what: 'block quotes and lists', limit: MAX_LINE_NESTING, line}

    // List items nested by indentation.
    if (firstItem !== -1) {
      while (indents.length > 0 && indents[indents.length - 1] >= firstItem) indents.pop()
      indents.push(firstItem)
      if (indents.length > MAX_INDENT_NESTING) return {what: 'lists', limit: MAX_INDENT_NESTING, line}
    } else if (content === 0 && markers === 0) {
      // Text at the margin ends every list.
      indents.length = 0
    }

    if (end >= source.length) break
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)
    line++
  }

  return undefined
}
