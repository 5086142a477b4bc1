/**
 * Code actions for fitlint diagnostics: quick fixes from each message's
 * `expected` (replace the flagged text, or insert a paragraph such as the
 * disclaimer template), "disable <rule> for this line" and "disable <rule>
 * in this file" (inline control comments in the document's format).
 */
import {
  CodeActionKind,
  type CodeAction,
  type Range,
  type TextEdit,
  type WorkspaceEdit
} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Format} from '../article/types.js'
import type {Entry, FixKind} from './diagnostics.js'
import {
  disableFile,
  disableLine,
  insertAfterBlock,
  insertAtDocumentStart,
  insertBeforeBlock,
  type Splice
} from './edits.js'

/** Message ids that are not rules: nothing to disable or fix. */
const NOT_RULES = new Set(['parse', 'encoding', 'directive', 'config', 'internal-error', 'too-large'])

export interface CodeActionOptions {
  /** The client applies `documentChanges` (versioned edits). */
  documentChanges: boolean
  /** `context.only` of the request. */
  only?: string[]
}

function intersects(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character)
  return !before(a.end, b.start) && !before(b.end, a.start)
}

function quote(value: string, max = 48): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return '“' + (flat.length > max ? flat.slice(0, max - 1).trimEnd() + '…' : flat) + '”'
}

export function fixSplice(document: TextDocument, format: Format, entry: Entry, expected: string): Splice {
  const text = document.getText()
  const kind: FixKind = entry.message.fitlint?.fix ?? 'replace'
  switch (kind) {
    case 'insert-after': {
      return insertAfterBlock(text, format, entry.start, entry.end, expected)
    }

    case 'insert-before': {
      return insertBeforeBlock(text, format, entry.start, expected)
    }

    case 'insert-document-start': {
      return insertAtDocumentStart(text, format, expected)
    }

    default: {
      return {start: entry.start, end: entry.end, newText: format === 'html' ? expected.replace(/&/g, '&amp;').replace(/</g, '&lt;') : expected}
    }
  }
}

function fixTitle(kind: FixKind, expected: string): string {
  switch (kind) {
    case 'insert-after':
    case 'insert-before':
    case 'insert-document-start': {
      return `Insert ${quote(expected)}`
    }

    default: {
      return expected === '' ? 'Remove the flagged text' : `Replace with ${quote(expected)}`
    }
  }
}

export function codeActions(
  document: TextDocument,
  format: Format,
  entries: Entry[],
  range: Range,
  options: CodeActionOptions
): CodeAction[] {
  if (options.only && !options.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === '')) {
    return []
  }

  const edit = (splice: Splice): WorkspaceEdit => {
    const textEdit: TextEdit = {
      range: {start: document.positionAt(splice.start), end: document.positionAt(splice.end)},
      newText: splice.newText
    }
    return options.documentChanges
      ? {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits: [textEdit]}]}
      : {changes: {[document.uri]: [textEdit]}}
  }

  const fixes: CodeAction[] = []
  const disables: CodeAction[] = []
  const seen = new Set<string>()
  const text = document.getText()

  for (const entry of entries) {
    const ruleId = entry.message.ruleId
    if (!ruleId || NOT_RULES.has(ruleId) || !intersects(entry.diagnostic.range, range)) continue

    const expected = (entry.message.expected ?? []).filter((value): value is string => typeof value === 'string')
    const kind: FixKind = entry.message.fitlint?.fix ?? 'replace'
    expected.slice(0, 5).forEach((value, index) => {
      if (kind !== 'replace' && value.trim() === '') return
      fixes.push({
        title: fixTitle(kind, value),
        kind: CodeActionKind.QuickFix,
        diagnostics: [entry.diagnostic],
        isPreferred: index === 0,
        edit: edit(fixSplice(document, format, entry, value))
      })
    })

    const line = document.positionAt(entry.start).line
    const lineKey = `line:${line}:${ruleId}`
    if (!seen.has(lineKey)) {
      seen.add(lineKey)
      const splice = disableLine(text, format, entry.start, ruleId)
      if (splice) {
        disables.push({
          title: `Disable ${ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [entry.diagnostic],
          edit: edit(splice)
        })
      }
    }

    const fileKey = `file:${ruleId}`
    if (!seen.has(fileKey)) {
      seen.add(fileKey)
      const splice = disableFile(text, format, ruleId)
      if (splice) {
        disables.push({
          title: `Disable ${ruleId} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [entry.diagnostic],
          edit: edit(splice)
        })
      }
    }
  }

  return [...fixes, ...disables]
}
