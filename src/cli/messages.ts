/**
 * Messages that leave the process or the run: stored in the cache, sent back
 * from worker threads. `storeMessage` keeps every field a reporter reads
 * (place, fatal, note, url, expected, actual, fitlint's own) as plain JSON;
 * `restoreMessage` rebuilds a VFileMessage identical to the original.
 *
 * `addLineHashes` gives every message a fingerprint for SARIF's
 * `primaryLocationLineHash` while the text is still at hand (the engine drops
 * file contents after linting): a hash of the rule id and the normalised text
 * of the message's first line, plus an occurrence index among messages with
 * the same hash. It ignores the line number, so edits elsewhere in the
 * article do not change it.
 */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

type Place = NonNullable<VFileMessage['place']>

export interface FitlintExtra {
  severity?: string
  group?: string
  fix?: string
  offset?: [number, number]
  /** `hash:occurrence`, see `addLineHashes`. */
  lineHash?: string
}

export type Message = VFileMessage & {fitlint?: FitlintExtra}

export interface StoredMessage {
  reason: string
  ruleId?: string
  source?: string
  place?: Place
  /** `true` error, `false` warning, absent: info. */
  fatal?: boolean
  note?: string
  url?: string
  expected?: string[]
  actual?: string
  fitlint?: FitlintExtra
}

export function storeMessage(message: Message): StoredMessage {
  const stored: StoredMessage = {reason: message.reason}
  if (message.ruleId !== undefined) stored.ruleId = message.ruleId
  if (message.source !== undefined) stored.source = message.source
  if (message.place !== undefined) stored.place = message.place
  if (message.fatal !== undefined && message.fatal !== null) stored.fatal = message.fatal
  if (message.note !== undefined) stored.note = message.note
  if (message.url !== undefined) stored.url = message.url
  if (message.expected !== undefined) stored.expected = message.expected
  if (message.actual !== undefined) stored.actual = message.actual
  if (message.fitlint !== undefined) stored.fitlint = message.fitlint
  return stored
}

export function restoreMessage(stored: StoredMessage, file: VFile): Message {
  const message: Message = new VFileMessage(stored.reason, {
    place: stored.place,
    ruleId: stored.ruleId,
    source: stored.source
  })
  message.file = file.path ?? ''
  message.fatal = stored.fatal
  if (stored.note !== undefined) message.note = stored.note
  if (stored.url !== undefined) message.url = stored.url
  if (stored.expected !== undefined) message.expected = stored.expected
  if (stored.actual !== undefined) message.actual = stored.actual
  if (stored.fitlint !== undefined) message.fitlint = stored.fitlint
  return message
}

/** The 1-based line a message starts on (1 when it has none). */
export function startLine(message: VFileMessage): number {
  const place = message.place
  if (place && 'start' in place) return place.start.line
  if (place && 'line' in place) return place.line
  return message.line ?? 1
}

/** Give each message of `file` a `fitlint.lineHash` computed from `text`. */
export function addLineHashes(file: VFile, text: string): void {
  if (file.messages.length === 0) return
  // Line breaks as vfile-location counts them.
  const lines = text.split(/\r\n|\r|\n/)
  const seen = new Map<string, number>()
  for (const message of file.messages as Message[]) {
    const line = (lines[startLine(message) - 1] ?? '').replace(/\s+/g, ' ').trim()
    const hash = createHash('sha256')
      .update(String(message.ruleId ?? ''))
      .update('\u0000')
      .update(line)
      .digest('hex')
      .slice(0, 16)
    const occurrence = (seen.get(hash) ?? 0) + 1
    seen.set(hash, occurrence)
    message.fitlint = {...message.fitlint, lineHash: `${hash}:${occurrence}`}
  }
}
