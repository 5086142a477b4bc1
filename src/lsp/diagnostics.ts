/**
 * fitlint messages (vfile messages) → LSP diagnostics.
 *
 * Ranges come from the messages' source offsets (`place.start.offset`), which
 * index the very text that was linted, so `TextDocument.positionAt` gives
 * LSP positions (UTF-16, any line ending) without re-counting columns.
 */
import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFileMessage} from 'vfile-message'
import type {Severity} from '../engine/rule.js'

export type FixKind = 'replace' | 'insert-before' | 'insert-after' | 'insert-document-start'

/** The non-standard `fitlint` field of a message. */
export interface FitlintExtra {
  severity?: Severity
  group?: string
  fix?: FixKind
  offset?: [number, number]
}

export type FitlintMessage = VFileMessage & {fitlint?: FitlintExtra}

/** A published diagnostic with the message it came from. */
export interface Entry {
  diagnostic: Diagnostic
  message: FitlintMessage
  /** Source offsets of the flagged text. */
  start: number
  end: number
}

const BY_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

export function severityOf(message: FitlintMessage): DiagnosticSeverity {
  const severity = message.fitlint?.severity
  if (severity && severity in BY_SEVERITY) return BY_SEVERITY[severity]
  if (message.fatal === true) return DiagnosticSeverity.Error
  if (message.fatal === false) return DiagnosticSeverity.Warning
  return DiagnosticSeverity.Information
}

/** Source offsets of a message (falls back to its line/column). */
export function messageOffsets(message: FitlintMessage, document: TextDocument): [number, number] {
  const length = document.getText().length
  const clamp = (value: number) => Math.max(0, Math.min(length, value))
  const extra = message.fitlint?.offset
  if (extra && Number.isFinite(extra[0]) && Number.isFinite(extra[1])) {
    return [clamp(extra[0]), clamp(Math.max(extra[0], extra[1]))]
  }

  const place = message.place
  if (place && 'start' in place) {
    const start = place.start.offset ?? pointOffset(document, place.start.line, place.start.column)
    const end = place.end.offset ?? pointOffset(document, place.end.line, place.end.column)
    return [clamp(start), clamp(Math.max(start, end))]
  }

  if (place && 'line' in place) {
    const start = place.offset ?? pointOffset(document, place.line, place.column)
    return [clamp(start), clamp(start)]
  }

  return [0, 0]
}

function pointOffset(document: TextDocument, line: number | undefined, column: number | undefined): number {
  return document.offsetAt({line: Math.max(0, (line ?? 1) - 1), character: Math.max(0, (column ?? 1) - 1)})
}

export function toEntry(message: FitlintMessage, document: TextDocument): Entry {
  const [start, end] = messageOffsets(message, document)
  let range: Range = {start: document.positionAt(start), end: document.positionAt(end)}
  if (start === end) {
    // A point (parse errors): underline the rest of the word, at least.
    const line = document.getText({start: range.start, end: {line: range.start.line, character: Number.MAX_SAFE_INTEGER}})
    const word = /^\S*/.exec(line)?.[0].length ?? 0
    range = {start: range.start, end: {line: range.start.line, character: range.start.character + Math.max(1, word)}}
    if (line.length === 0) range.end = range.start
  }

  const diagnostic: Diagnostic = {
    range,
    severity: severityOf(message),
    source: 'fitlint',
    message: message.note ? `${message.reason}\n${message.note}` : message.reason
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return {diagnostic, message, start, end}
}

/** One diagnostic for the whole document at its start (config and internal errors). */
export function documentDiagnostic(code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity,
    source: 'fitlint',
    code,
    message
  }
}
