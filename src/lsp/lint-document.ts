/**
 * Lint one open document with the same pipeline as the CLI (`lint` with a
 * shared `ConfigResolver`) and turn the result into diagnostics. Never
 * throws: a broken config or a crash becomes one diagnostic for this
 * document.
 */
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {DiagnosticSeverity, type Diagnostic} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {FORMAT_BY_EXTENSION} from '../article/build.js'
import type {Format} from '../article/types.js'
import {ConfigError} from '../config/errors.js'
import type {ConfigResolver} from '../config/resolve.js'
import {lint} from '../index.js'
import {documentDiagnostic, toEntry, type Entry, type FitlintMessage} from './diagnostics.js'
import type {IgnoreIndex} from './ignore.js'
import type {ServerSettings} from './settings.js'

/** Language ids editors use → fitlint formats. */
const FORMAT_BY_LANGUAGE: Record<string, Format> = {
  markdown: 'markdown',
  mdx: 'mdx',
  html: 'html',
  plaintext: 'text',
  text: 'text'
}

export interface LintResult {
  uri: string
  version: number
  format: Format | undefined
  diagnostics: Diagnostic[]
  /** Lint messages with their diagnostics (code actions, hover). */
  entries: Entry[]
  configError?: ConfigError
  internalError?: Error
  /** Milliseconds spent linting. */
  duration: number
  /** Why the document was not linted, if it was not. */
  skipped?: 'disabled' | 'format' | 'ignored' | 'too-large'
}

export interface LintContext {
  resolver: ConfigResolver
  ignore: IgnoreIndex
  settings: ServerSettings
  /** Told the config files each document's config came from (to watch them). */
  onSources?(sources: string[]): void
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/**
 * The format of a document, or undefined when fitlint does not lint it.
 * Files on disk go by extension, like the CLI; other extensions only when
 * the editor says the document is Markdown, MDX or HTML (not any plain text
 * file). Unsaved documents go by language id.
 */
export function documentFormat(uri: string, languageId: string): Format | undefined {
  const filePath = filePathOf(uri)
  const byLanguage = FORMAT_BY_LANGUAGE[languageId]
  if (filePath) {
    const byExtension = FORMAT_BY_EXTENSION[path.extname(filePath).toLowerCase()]
    if (byExtension) return byExtension
    return byLanguage === 'text' ? undefined : byLanguage
  }

  return byLanguage
}

export async function lintDocument(document: TextDocument, context: LintContext): Promise<LintResult> {
  const result: LintResult = {
    uri: document.uri,
    version: document.version,
    format: documentFormat(document.uri, document.languageId),
    diagnostics: [],
    entries: [],
    duration: 0
  }

  if (!context.settings.enable) {
    result.skipped = 'disabled'
    return result
  }

  if (!result.format) {
    result.skipped = 'format'
    return result
  }

  const filePath = filePathOf(document.uri)
  const started = performance.now()
  try {
    if (filePath && (await context.ignore.isIgnored(filePath))) {
      result.skipped = 'ignored'
      return result
    }

    const text = document.getText()
    if (text.length > context.settings.maxFileSize) {
      result.skipped = 'too-large'
      result.diagnostics.push(
        documentDiagnostic(
          'too-large',
          `fitlint: not linted as you type: the document has ${text.length} characters, more than fitlint.maxFileSize (${context.settings.maxFileSize}). Run \`fitlint\` on it, or raise the setting.`,
          DiagnosticSeverity.Information
        )
      )
      return result
    }

    // Cached by the resolver; `lint` gets the same object back.
    const config = await context.resolver.resolve(filePath)
    context.onSources?.(config.sources)
    const file = await lint(text, {filePath, format: result.format, resolver: context.resolver})
    for (const message of file.messages as FitlintMessage[]) {
      const entry = toEntry(message, document)
      result.entries.push(entry)
      result.diagnostics.push(entry.diagnostic)
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      result.configError = error
      const diagnostic = documentDiagnostic('config', `fitlint: config error in ${error.message}\nThis document is not linted until the config is fixed.`)
      if (error.file && path.isAbsolute(error.file)) {
        diagnostic.relatedInformation = [
          {
            location: {uri: pathToFileURL(error.file).href, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}},
            message: error.key ? `\`${error.key}\`` : 'config file'
          }
        ]
      }

      result.diagnostics = [diagnostic]
      result.entries = []
    } else {
      result.internalError = error instanceof Error ? error : new Error(String(error))
      result.diagnostics = [
        documentDiagnostic(
          'internal-error',
          `fitlint crashed while linting this document: ${result.internalError.message}\nOther documents are still linted. Please report this at https://github.com/fitlint/fitlint/issues.`
        )
      ]
      result.entries = []
    }
  } finally {
    result.duration = performance.now() - started
  }

  return result
}
