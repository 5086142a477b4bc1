/**
 * A tiny LSP client for tests: spawns the built server over stdio, frames
 * JSON-RPC by hand (so tests can also send broken bytes), answers the
 * server's requests, and records notifications.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SERVER = path.join(ROOT, 'dist/src/lsp/bin.js')

export interface Notification {
  method: string
  params: any
}

export interface ResponseError {
  code: number
  message: string
}

export interface Diagnostic {
  range: {start: {line: number; character: number}; end: {line: number; character: number}}
  severity?: number
  code?: string | number
  codeDescription?: {href: string}
  source?: string
  message: string
}

export interface PublishDiagnostics {
  uri: string
  version?: number
  diagnostics: Diagnostic[]
}

type Waiter = {predicate: (message: Notification) => boolean; resolve: (message: Notification) => void}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams
  readonly notifications: Notification[] = []
  /** Responses with an id this client never sent (e.g. `null` for parse errors). */
  readonly strayResponses: Array<{id: unknown; error?: ResponseError; result?: unknown}> = []
  readonly serverRequests: Notification[] = []
  stderr = ''
  /** Settings returned for `workspace/configuration`. */
  configuration: Record<string, unknown> = {}
  readonly exited: Promise<number | null>
  private buffer = Buffer.alloc(0)
  private nextId = 1
  private readonly pending = new Map<number, {resolve: (value: any) => void; reject: (error: ResponseError) => void}>()
  private waiters: Waiter[] = []

  constructor(args: string[] = ['--stdio'], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}) {
    this.child = spawn(process.execPath, [SERVER, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {...process.env, ...options.env},
      stdio: 'pipe'
    })
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk))
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8')
    })
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)))
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n')
      if (headerEnd === -1) return
      const header = this.buffer.subarray(0, headerEnd).toString('ascii')
      const match = /Content-Length: *(\d+)/i.exec(header)
      if (!match) throw new Error('bad header from server: ' + header)
      const length = Number(match[1])
      if (this.buffer.length < headerEnd + 4 + length) return
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')
      this.buffer = this.buffer.subarray(headerEnd + 4 + length)
      this.onMessage(JSON.parse(body))
    }
  }

  private onMessage(message: any): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push({method: message.method, params: message.params})
      this.send({jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params)})
      return
    }

    if (message.method !== undefined) {
      const notification = {method: message.method, params: message.params}
      this.notifications.push(notification)
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(notification)) return true
        waiter.resolve(notification)
        return false
      })
      return
    }

    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined
    if (!pending) {
      this.strayResponses.push(message)
      this.waiters = this.waiters.filter((waiter) => {
        const fake = {method: '$/strayResponse', params: message}
        if (!waiter.predicate(fake)) return true
        waiter.resolve(fake)
        return false
      })
      return
    }

    this.pending.delete(message.id)
    if (message.error) pending.reject(message.error)
    else pending.resolve(message.result)
  }

  private answer(method: string, params: any): unknown {
    if (method === 'workspace/configuration') {
      return (params.items as Array<{section?: string}>).map((item) => (item.section ? this.configuration[item.section] ?? null : this.configuration))
    }

    return null
  }

  send(message: unknown): void {
    this.writeRaw(JSON.stringify(message))
  }

  /** Frame `body` with a correct Content-Length and write it. */
  writeRaw(body: string | Buffer): void {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]))
  }

  request<T = any>(method: string, params?: unknown): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {resolve, reject})
      this.send({jsonrpc: '2.0', id, method, params})
    })
  }

  notify(method: string, params?: unknown): void {
    this.send({jsonrpc: '2.0', method, params})
  }

  /** The next notification (from now, or already received after `since`) matching `predicate`. */
  waitFor(predicate: (message: Notification) => boolean, timeout = 10_000, since = this.notifications.length): Promise<Notification> {
    const existing = this.notifications.slice(since).find(predicate)
    if (existing) return Promise.resolve(existing)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (message) => {
          clearTimeout(timer)
          resolve(message)
        }
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter)
        reject(new Error(`timed out waiting for a notification; stderr:\n${this.stderr}`))
      }, timeout)
      this.waiters.push(waiter)
    })
  }

  /**
   * Diagnostics published for `uri` (optionally for a version, or matching a
   * test), looking at everything received since notification `since` (default: all).
   */
  async diagnostics(
    uri: string,
    options: {version?: number; test?: (params: PublishDiagnostics) => boolean; since?: number; timeout?: number} = {}
  ): Promise<PublishDiagnostics> {
    const found = await this.waitFor(
      (message) =>
        message.method === 'textDocument/publishDiagnostics' &&
        message.params.uri === uri &&
        (options.version === undefined || message.params.version === options.version) &&
        (!options.test || options.test(message.params)),
      options.timeout,
      options.since ?? 0
    )
    return found.params as PublishDiagnostics
  }

  async initialize(options: {rootPath?: string; initializationOptions?: unknown; capabilities?: unknown} = {}): Promise<any> {
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{uri: rootUri, name: 'test'}] : null,
      capabilities: options.capabilities ?? {
        workspace: {
          workspaceEdit: {documentChanges: true},
          didChangeWatchedFiles: {dynamicRegistration: true},
          configuration: false
        },
        textDocument: {
          publishDiagnostics: {versionSupport: true, codeDescriptionSupport: true},
          codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix']}}},
          hover: {contentFormat: ['markdown', 'plaintext']}
        }
      },
      initializationOptions: options.initializationOptions
    })
    this.notify('initialized', {})
    return result
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.notify('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
  }

  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text}]})
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', {textDocument: {uri}})
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode
    try {
      await Promise.race([this.request('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))])
      this.notify('exit')
    } catch {
      // Already gone.
    }

    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000)
    const code = await this.exited
    clearTimeout(timer)
    return code
  }
}

/** Apply LSP text edits to a string. */
export function applyEdits(
  text: string,
  edits: Array<{range: Diagnostic['range']; newText: string}>
): string {
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1)
  const offset = (position: {line: number; character: number}) =>
    Math.min(text.length, (lineStarts[position.line] ?? text.length) + position.character)
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
  let result = text
  for (const edit of sorted) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end))
  }

  return result
}

/** The edits of a code action's WorkspaceEdit for one document. */
export function editsOf(action: any, uri: string): Array<{range: Diagnostic['range']; newText: string}> {
  if (action.edit.documentChanges) {
    return action.edit.documentChanges.filter((change: any) => change.textDocument.uri === uri).flatMap((change: any) => change.edits)
  }

  return action.edit.changes[uri] ?? []
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href
}

/**
 * A temporary workspace holding `files` (path → content), at its real path
 * (macOS /var → /private/var). Its folder is added to `temps` for cleanup.
 */
export function makeWorkspace(prefix: string, temps: string[], files: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)))
  temps.push(root)
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    fs.writeFileSync(path.join(root, name), content)
  }

  return root
}
