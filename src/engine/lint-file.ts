/**
 * Lint one VFile: check it is text, build the Article with the parser for its
 * format, resolve its config, run the rules. Used by the CLI (through
 * unified-engine), the library API and the language server alike.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {buildArticle, formatFromPath, ParseError} from '../article/build.js'
import type {Format} from '../article/types.js'
import type {ResolvedConfig} from '../config/types.js'
import {loadParser, loadReusingMarkdown} from '../parse/index.js'
import {runRules} from './run.js'

export interface LintFileOptions {
  /** Format to use instead of the one from the file extension. */
  format?: Format
  /**
   * Whether a U+FFFD in a string value means bytes were lost when decoding
   * it (default true: the CLI reads files as UTF-8 strings). The library
   * API passes false: a string it is given is the text. Bytes are always
   * checked exactly (a valid file may contain U+FFFD itself).
   */
  lossyStrings?: boolean
  /**
   * The text may be an edit of one linted before (library API, language
   * server): reuse the parse of unchanged parts. Same messages either way.
   */
  reuse?: boolean
}

/** Add a fatal message for a file that cannot be linted. */
export function failFile(file: VFile, reason: string, line?: number, column?: number): void {
  const message = new VFileMessage(reason, {
    place: line ? {line, column: column ?? 1} : undefined,
    source: 'fitlint',
    ruleId: 'parse'
  })
  message.file = file.path ?? ''
  message.fatal = true
  file.messages.push(message)
}

export async function lintVFile(
  file: VFile,
  config: ResolvedConfig,
  options: LintFileOptions = {}
): Promise<VFile> {
  const value = file.value
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
    failFile(file, 'Cannot lint: the file has no content')
    return file
  }

  const {text, invalid} = decode(value, options.lossyStrings ?? true)
  if (looksBinary(text)) {
    failFile(file, 'Cannot lint: this looks like a binary file, not text')
    return file
  }

  const format = options.format ?? formatFromPath(file.path)
  await loadParser(format)
  if (options.reuse && format === 'markdown') await loadReusingMarkdown()
  let article
  try {
    article = buildArticle(text, format, {reuse: options.reuse})
  } catch (error) {
    if (error instanceof ParseError) {
      failFile(file, error.message, error.line, error.column)
      return file
    }

    if (isStackOverflow(error)) {
      failFile(file, TOO_DEEP)
      return file
    }

    throw error
  }

  if (invalid) {
    const message = new VFileMessage(
      'File is not valid UTF-8: some bytes could not be read and were replaced; save it as UTF-8',
      {source: 'fitlint', ruleId: 'encoding'}
    )
    message.file = file.path ?? ''
    message.fatal = false
    file.messages.push(message)
  }

  try {
    runRules(article, config, file)
  } catch (error) {
    if (!isStackOverflow(error)) throw error
    // runRules adds its messages at the end: none of them are in the file.
    failFile(file, 'Cannot lint: checking this file ran out of stack (something in it is nested or repeated too deeply); fitlint cannot check it')
  }

  return file
}

/**
 * The parsers and tree walkers recurse: a file nested deeper than the pre-scan
 * in `parse/depth.ts` sees (thousands of HTML elements or JSX tags) overflows
 * the stack. That is one clear message for the file, not an internal error.
 */
const TOO_DEEP = 'Cannot lint: the file is nested too deeply (elements inside elements, thousands of levels); fitlint cannot read this file'

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

/**
 * The text of a file, and whether it was not valid UTF-8. Bytes are checked
 * exactly. A string from a lossy decoder (the CLI reads files as UTF-8
 * strings) with U+FFFD in it most likely had a byte that could not be read.
 */
function decode(value: string | Uint8Array, lossyStrings: boolean): {text: string; invalid: boolean} {
  if (typeof value === 'string') return {text: value, invalid: lossyStrings && value.includes('\uFFFD')}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(value), invalid: false}
  } catch {
    return {text: new TextDecoder('utf-8').decode(value), invalid: true}
  }
}

/** NUL bytes in the first 8 KB: a binary file. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8000)
  let nul = 0
  for (let index = 0; index < head.length; index++) {
    if (head.charCodeAt(index) === 0) nul++
  }

  return nul > 0 && nul >= Math.min(4, head.length / 100)
}
