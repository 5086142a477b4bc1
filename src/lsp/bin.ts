#!/usr/bin/env node
/**
 * `fitlint-language-server --stdio` (also `--node-ipc`, `--socket=PORT`,
 * `--pipe=NAME`; stdio is the default).
 *
 * Over stdio the reader answers what vscode-jsonrpc would only log: a body
 * that is not JSON gets a Parse error (-32700) and a message that is not a
 * request, notification or response gets an Invalid Request error (-32600),
 * as JSON-RPC 2.0 says; the server then keeps reading.
 */
import {format} from 'node:util'
import {
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message
} from 'vscode-languageserver/node.js'
import {SERVER_NAME, startServer, version} from './server.js'

const USAGE = `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The fitlint language server: fitlint diagnostics, quick fixes and rule docs
in any editor that speaks the Language Server Protocol. Talks over stdio
unless told otherwise.

initializationOptions: {"trusted": true, "enable": true, "rules": {"rule-id": "off|info|warn|error"},
  "debounce": 200, "maxFileSize": 2000000, "trace": "off|messages|verbose"}
`

/** Sent to the connection in place of a message that was answered with an error. */
const SKIP: Message = {jsonrpc: '2.0', method: '$/fitlint/skip'} as Message

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Why `value` is not a JSON-RPC message, if it is not. */
export function invalidMessage(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'batch messages are not supported'
  if (!isObject(value)) return 'a message must be a JSON object'
  const id = value.id
  const validId = id === undefined || id === null || typeof id === 'string' || typeof id === 'number'
  if (!validId) return '`id` must be a string, a number or null'
  if ('method' in value) {
    if (typeof value.method !== 'string') return '`method` must be a string'
    if (value.params !== undefined && typeof value.params !== 'object') return '`params` must be an object or an array'
    return undefined
  }

  if (id !== undefined && ('result' in value || 'error' in value)) return undefined
  return 'a message needs a `method` (request, notification) or a `result`/`error` (response)'
}

function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout)
  const reply = (id: unknown, code: number, message: string) => {
    const error = {jsonrpc: '2.0', id: typeof id === 'string' || typeof id === 'number' ? id : null, error: {code, message}}
    writer.write(error as unknown as Message).catch(() => undefined)
  }

  const reader = new StreamMessageReader(process.stdin, {
    charset: 'utf-8',
    contentTypeDecoder: {
      name: 'application/json',
      async decode(buffer: Uint8Array, options: {charset: string}): Promise<Message> {
        let value: unknown
        try {
          value = JSON.parse(new TextDecoder(options.charset).decode(buffer))
        } catch (error) {
          reply(null, ErrorCodes.ParseError, `Parse error: ${(error as Error).message}`)
          return SKIP
        }

        const problem = invalidMessage(value)
        if (problem) {
          // Anything but a (broken) response gets an answer, with id null if it has no usable id.
          const looksLikeResponse = isObject(value) && !('method' in value) && ('result' in value || 'error' in value)
          if (!looksLikeResponse) reply(isObject(value) ? value.id : null, ErrorCodes.InvalidRequest, `Invalid Request: ${problem}`)

          return SKIP
        }

        return value as Message
      }
    }
  })

  // After a bad header vscode-jsonrpc stops reading the current chunk; a
  // message right behind it would wait for the next chunk. Read on.
  reader.onError(() => {
    setImmediate(() => (reader as unknown as {onData(data: Uint8Array): void}).onData(new Uint8Array(0)))
  })

  return createConnection(ProposedFeatures.all, reader, writer)
}

function main(): void {
  const argv = process.argv.slice(2)
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(version() + '\n')
    return
  }

  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE)
    return
  }

  const other = argv.some((arg) => arg === '--node-ipc' || /^--(?:socket|pipe)(?:=|$)/.test(arg))
  // stdout is the protocol channel: keep stray logging off it.
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
    console[method] = (...args: unknown[]) => process.stderr.write(format(...args) + '\n')
  }

  const connection = other ? createConnection(ProposedFeatures.all) : stdioConnection()
  const server = startServer(connection)
  connection.onNotification('$/fitlint/skip', () => undefined)

  if (!other) {
    const exit = () => process.exit(server.shutdownReceived() ? 0 : 1)
    process.stdin.on('end', exit)
    process.stdin.on('close', exit)
  }

  // Keep serving whatever happens inside one handler.
  process.on('uncaughtException', (error) => {
    connection.console.error(`fitlint: uncaught error: ${error.stack ?? error.message}`)
  })
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`fitlint: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`)
  })

  connection.listen()
}

main()
