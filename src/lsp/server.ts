/**
 * The fitlint language server: documents in, diagnostics out.
 *
 * - Open and changed documents are linted after a debounce (adaptive: a slow
 *   document waits longer); a result is published only if the document has
 *   not changed since (versions + a generation counter), so stale results
 *   never replace newer ones. Closing a document clears its diagnostics.
 * - One `ConfigResolver` per server, as in the CLI; `.fitlintrc*`,
 *   `.fitlintignore` and `package.json` changes clear its caches and re-lint.
 * - Untrusted workspaces (`initializationOptions.trusted: false`) never run
 *   JavaScript config files.
 * - Nothing a document or config does can stop the server: errors become a
 *   diagnostic for that document.
 */
import path from 'node:path'
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type FileEvent,
  type InitializeResult
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {packageVersion} from '../cli/version.js'
import {ConfigResolver} from '../config/resolve.js'
import type {RuleSetting} from '../config/types.js'
import {codeActions} from './code-actions.js'
import {hover} from './hover.js'
import {IgnoreIndex} from './ignore.js'
import {filePathOf, lintDocument, type LintContext, type LintResult} from './lint-document.js'
import {DEFAULT_SETTINGS, mergeSettings, sameLintSettings, type ServerSettings} from './settings.js'

export const SERVER_NAME = 'fitlint-language-server'

/** Files whose change means: reload config and re-lint. */
const WATCHED = ['**/.fitlintrc*', '**/.fitlintignore', '**/package.json']
const CONFIG_FILE = /^(?:\.fitlintrc(?:\.(?:json|ya?ml|c?js|mjs))?|\.fitlintignore|package\.json)$/
/** Milliseconds to gather file events before reloading config. */
const RELOAD_DELAY = 50

interface DocumentState {
  /** Bumped on every open/change/config reload: results of older runs are dropped. */
  generation: number
  timer?: ReturnType<typeof setTimeout>
  /** The last result (published or computed for a request). */
  result?: LintResult
  /** Generation the result belongs to. */
  resultGeneration?: number
  /** The next lint runs without debounce (just opened). */
  immediate: boolean
}

export interface ServerHandle {
  shutdownReceived(): boolean
}

export function version(): string {
  try {
    return packageVersion()
  } catch {
    return '0.0.0'
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function startServer(connection: Connection): ServerHandle {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  const ignore = new IgnoreIndex()
  const shownConfigErrors = new Set<string>()
  const configSources = new Set<string>()
  let generation = 0
  let initSettings: ServerSettings = DEFAULT_SETTINGS
  let settings: ServerSettings = DEFAULT_SETTINGS
  let trusted = true
  let folders: string[] = []
  let cwd = process.cwd()
  let capabilities: ClientCapabilities = {}
  let resolver = createResolver()
  let shutdown = false

  function createResolver(): ConfigResolver {
    const ruleOverrides: Record<string, RuleSetting> = {}
    for (const [id, severity] of Object.entries(settings.rules)) ruleOverrides[id] = {severity, options: {}}
    return new ConfigResolver({cwd, ruleOverrides, allowJs: trusted})
  }

  const log = (message: string) => {
    if (settings.trace !== 'off') connection.console.log(message)
  }

  const warn = (message: string) => connection.console.warn(message)

  const context = (): LintContext => ({
    resolver,
    ignore,
    settings,
    onSources(sources) {
      for (const source of sources) if (!source.startsWith('preset:')) configSources.add(source)
    }
  })

  // ---------------------------------------------------------------- linting

  function schedule(uri: string, delay: number): void {
    const state = states.get(uri)
    if (!state) return
    state.generation = ++generation
    if (state.timer) clearTimeout(state.timer)
    const scheduled = state.generation
    state.timer = setTimeout(() => {
      state.timer = undefined
      void run(uri, scheduled)
    }, delay)
  }

  function debounceFor(state: DocumentState): number {
    if (state.immediate) {
      state.immediate = false
      return 0
    }

    // A document that takes long to lint waits at least that long between
    // runs, so typing in it does not keep the server busy. Debounce 0 means 0.
    if (settings.debounce === 0) return 0
    const last = state.result?.duration ?? 0
    return Math.max(settings.debounce, Math.min(last, 5000))
  }

  async function run(uri: string, scheduled: number): Promise<void> {
    const state = states.get(uri)
    const document = documents.get(uri)
    if (!state || !document || state.generation !== scheduled || shutdown) return
    const result = await lintSafely(document)
    const now = states.get(uri)
    // Closed, changed, or config reloaded meanwhile: a newer run will publish.
    if (!now || now !== state || now.generation !== scheduled || documents.get(uri)?.version !== result.version) {
      log(`dropped a stale result for ${uri} (version ${result.version})`)
      return
    }

    now.result = result
    now.resultGeneration = scheduled
    publish(result)
  }

  async function lintSafely(document: TextDocument): Promise<LintResult> {
    try {
      const result = await lintDocument(document, context())
      if (result.internalError) {
        connection.console.error(`fitlint: internal error linting ${document.uri}: ${result.internalError.stack ?? result.internalError.message}`)
      }

      log(`linted ${document.uri} v${document.version} in ${result.duration.toFixed(1)} ms: ${result.diagnostics.length} diagnostics${result.skipped ? ` (${result.skipped})` : ''}`)
      return result
    } catch (error) {
      // lintDocument does not throw; this is a last line of defence.
      connection.console.error(`fitlint: internal error: ${(error as Error)?.stack ?? String(error)}`)
      return {uri: document.uri, version: document.version, format: undefined, diagnostics: [], entries: [], duration: 0}
    }
  }

  function publish(result: LintResult): void {
    if (result.configError) {
      const key = result.configError.message
      if (!shownConfigErrors.has(key)) {
        shownConfigErrors.add(key)
        void connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Error, message: `fitlint: config error in ${key}`})
      }
    }

    void connection.sendDiagnostics({uri: result.uri, version: result.version, diagnostics: result.diagnostics})
  }

  /** The lint result for the document's current text (lints now if needed). */
  async function currentResult(document: TextDocument): Promise<LintResult> {
    const state = states.get(document.uri)
    if (state?.result && state.result.version === document.version && state.resultGeneration === state.generation) {
      return state.result
    }

    const result = await lintSafely(document)
    const now = states.get(document.uri)
    if (now && documents.get(document.uri)?.version === result.version) {
      now.result = result
      now.resultGeneration = now.generation
    }

    return result
  }

  function relintAll(): void {
    for (const document of documents.all()) {
      const state = states.get(document.uri)
      if (state) schedule(document.uri, 0)
    }
  }

  let reloadTimer: ReturnType<typeof setTimeout> | undefined
  const reloadReasons = new Set<string>()

  /** Reload config soon: a burst of file events (a branch switch, an install) reloads once. */
  function reloadConfig(reason: string): void {
    reloadReasons.add(reason)
    if (reloadTimer) clearTimeout(reloadTimer)
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined
      log(`reloading config: ${[...reloadReasons].join(', ')}`)
      reloadReasons.clear()
      resolver.clear()
      ignore.clear()
      shownConfigErrors.clear()
      relintAll()
    }, RELOAD_DELAY)
  }

  function applySettings(raw: unknown): void {
    const next = mergeSettings(initSettings, raw, warn)
    const changed = !sameLintSettings(settings, next)
    const rulesChanged = JSON.stringify(settings.rules) !== JSON.stringify(next.rules)
    settings = next
    if (rulesChanged) resolver = createResolver()
    if (changed) relintAll()
  }

  async function pullSettings(): Promise<void> {
    if (!capabilities.workspace?.configuration) return
    try {
      const value: unknown = await connection.workspace.getConfiguration('fitlint')
      if (isObject(value)) applySettings(value)
    } catch (error) {
      warn(`fitlint: could not read settings: ${(error as Error).message}`)
    }
  }

  // ------------------------------------------------------------- lifecycle

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities ?? {}
    const options: unknown = params.initializationOptions
    if (isObject(options)) {
      if (typeof options.trusted === 'boolean') trusted = options.trusted
      else if (options.trusted !== undefined) warn('fitlint: `initializationOptions.trusted` must be true or false; assuming trusted')
    }

    initSettings = mergeSettings(DEFAULT_SETTINGS, options, warn)
    settings = initSettings
    folders = (params.workspaceFolders ?? [])
      .map((folder) => filePathOf(folder.uri))
      .filter((folder): folder is string => folder !== undefined)
    if (folders.length === 0) {
      const root = params.rootUri ? filePathOf(params.rootUri) : params.rootPath ?? undefined
      if (root) folders.push(root)
    }

    cwd = folders[0] ?? process.cwd()
    resolver = createResolver()

    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
        hoverProvider: true,
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: SERVER_NAME, version: version()}
    }
  })

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: WATCHED.map((globPattern) => ({globPattern}))})
        .catch((error: unknown) => warn(`fitlint: could not watch config files: ${(error as Error).message}`))
    }

    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)))
        folders = folders.filter((folder) => !removed.has(folder))
        for (const folder of event.added) {
          const added = filePathOf(folder.uri)
          if (added) folders.push(added)
        }

        reloadConfig('workspace folders changed')
      })
    }

    void pullSettings()
    log(`fitlint language server ${version()} (${trusted ? 'trusted' : 'untrusted: JavaScript configs are not loaded'}) in ${cwd}`)
  })

  connection.onShutdown(() => {
    shutdown = true
    if (reloadTimer) clearTimeout(reloadTimer)
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer)
  })

  // ---------------------------------------------------------------- events

  documents.onDidOpen((event) => {
    const previous = states.get(event.document.uri)
    if (previous?.timer) clearTimeout(previous.timer)
    states.delete(event.document.uri)
    // A malformed didOpen (no text): not a document we can lint.
    if (typeof event.document.getText() !== 'string' || typeof event.document.version !== 'number') return
    states.set(event.document.uri, {generation: ++generation, immediate: true})
  })

  documents.onDidChangeContent((event) => {
    const state = states.get(event.document.uri)
    if (state) schedule(event.document.uri, debounceFor(state))
  })

  documents.onDidClose((event) => {
    const state = states.get(event.document.uri)
    if (state?.timer) clearTimeout(state.timer)
    states.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onDidChangeConfiguration((params) => {
    const value: unknown = params.settings
    if (isObject(value) && isObject(value.fitlint)) applySettings(value.fitlint)
    else void pullSettings()
  })

  connection.onDidChangeWatchedFiles((params) => {
    const relevant = params.changes.filter((change: FileEvent) => {
      const filePath = filePathOf(change.uri)
      if (filePath === undefined) return false
      if (configSources.has(filePath)) return true
      // Dependencies' package.json files are not config (npm install touches thousands).
      return CONFIG_FILE.test(path.basename(filePath)) && !filePath.split(/[\\/]/).includes('node_modules')
    })
    if (relevant.length > 0) reloadConfig(relevant.map((change) => change.uri).join(', '))
  })

  // -------------------------------------------------------------- requests

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const result = await currentResult(document)
    if (!result.format) return []
    return codeActions(document, result.format, result.entries, params.range, {
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      only: params.context.only
    })
  })

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return null
    const result = await currentResult(document)
    return hover(result.entries, params.position)
  })

  documents.listen(connection)
  return {shutdownReceived: () => shutdown}
}
