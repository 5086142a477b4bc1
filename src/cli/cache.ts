/**
 * `--cache`: remember each file's messages under a hash of its content, of
 * its resolved config and of fitlint's version, and replay them when nothing
 * changed. One JSON file (default `.fitlintcache`), written atomically; a
 * missing, corrupt or other-version cache is ignored and rebuilt.
 *
 * The version includes a stamp of the build (the newest modification time
 * of fitlint's compiled files and rule data): a rebuilt development copy
 * starts a new cache, an installed release keeps it.
 *
 * review-metadata judges dates against today, so a file whose result could
 * depend on the date (that rule on, and a 4-digit number in the text) is also
 * keyed by today's date (UTC, or SOURCE_DATE_EPOCH's): at worst such a file
 * is linted again once a day.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {ResolvedConfig} from '../config/types.js'
import type {StoredMessage} from './messages.js'
import {writeFileAtomic} from './write.js'

const FORMAT = 'fitlint-cache'
const SCHEMA = 1

interface Entry {
  /** Hash of the content, config and (when it matters) today's date. */
  key: string
  messages: StoredMessage[]
}

/**
 * On disk, the strings many messages share (reason, note, url, rule id,
 * suggestions) are stored once in `strings` and messages refer to them by
 * index: a cache of an archive is mostly the same notes over and over.
 */
interface PackedMessage {
  r: number
  i?: number
  s?: number
  n?: number
  u?: number
  e?: number[]
  /** A range as `[startLine, startColumn, startOffset, endLine, endColumn, endOffset]`, or as stored. */
  p?: StoredMessage['place'] | number[]
  f?: boolean
  a?: string
  x?: StoredMessage['fitlint']
}

interface PackedEntry {
  key: string
  messages: PackedMessage[]
}

interface CacheFile {
  format: typeof FORMAT
  schema: typeof SCHEMA
  version: string
  strings: string[]
  files: Record<string, PackedEntry>
}

export class LintCache {
  readonly location: string
  private readonly version: string
  private readonly entries: Map<string, Entry>
  private readonly visited = new Set<string>()
  private readonly configHashes = new WeakMap<ResolvedConfig, string>()
  private changed = false

  private constructor(location: string, version: string, entries: Map<string, Entry>, changed: boolean) {
    this.location = location
    this.version = version
    this.entries = entries
    this.changed = changed
  }

  /** Open the cache at `location` (a file, or a folder to put `.fitlintcache` in). */
  static async open(location: string, packageVersion: string): Promise<LintCache> {
    const version = `${packageVersion}+${await buildStamp()}`
    let file = location
    try {
      if ((await fs.promises.stat(location)).isDirectory()) file = path.join(location, '.fitlintcache')
    } catch {
      if (/[\\/]$/.test(location)) file = path.join(location, '.fitlintcache')
    }

    let entries = new Map<string, Entry>()
    let valid = false
    try {
      const data = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Partial<CacheFile>
      if (
        data &&
        data.format === FORMAT &&
        data.schema === SCHEMA &&
        data.version === version &&
        Array.isArray(data.strings) &&
        data.files &&
        typeof data.files === 'object'
      ) {
        entries = unpack(data.strings, data.files)
        valid = true
      }
    } catch {
      // Missing or corrupt: start afresh.
      entries = new Map()
    }

    return new LintCache(file, version, entries, !valid)
  }

  /** The key a file's messages are stored under. */
  key(text: string, config: ResolvedConfig): string {
    let configHash = this.configHashes.get(config)
    if (configHash === undefined) {
      configHash = sha256(JSON.stringify(config))
      this.configHashes.set(config, configHash)
    }

    const day = dateMatters(text, config) ? today() : ''
    return sha256(`${sha256(text)}\u0000${configHash}\u0000${day}`)
  }

  get(absolute: string, key: string): StoredMessage[] | undefined {
    this.visited.add(absolute)
    const entry = this.entries.get(absolute)
    return entry && entry.key === key ? entry.messages : undefined
  }

  set(absolute: string, key: string, messages: StoredMessage[]): void {
    this.visited.add(absolute)
    this.entries.set(absolute, {key, messages})
    this.changed = true
  }

  /** Drop an entry (a file whose lint failed for a reason worth retrying). */
  delete(absolute: string): void {
    if (this.entries.delete(absolute)) this.changed = true
  }

  /** Write the cache if anything changed; entries of deleted files are dropped. */
  async save(): Promise<void> {
    for (const file of this.entries.keys()) {
      if (!this.visited.has(file) && !fs.existsSync(file)) {
        this.entries.delete(file)
        this.changed = true
      }
    }

    if (!this.changed) return
    const data: CacheFile = {format: FORMAT, schema: SCHEMA, version: this.version, ...pack(this.entries)}
    await fs.promises.mkdir(path.dirname(this.location), {recursive: true})
    await writeFileAtomic(this.location, JSON.stringify(data))
    this.changed = false
  }
}

function pack(entries: Map<string, Entry>): Pick<CacheFile, 'strings' | 'files'> {
  const strings: string[] = []
  const index = new Map<string, number>()
  const intern = (value: string): number => {
    let found = index.get(value)
    if (found === undefined) {
      found = strings.length
      strings.push(value)
      index.set(value, found)
    }

    return found
  }

  const files: Record<string, PackedEntry> = {}
  for (const [file, entry] of entries) {
    files[file] = {
      key: entry.key,
      messages: entry.messages.map((message) => {
        const packed: PackedMessage = {r: intern(message.reason)}
        if (message.ruleId !== undefined) packed.i = intern(message.ruleId)
        if (message.source !== undefined) packed.s = intern(message.source)
        if (message.note !== undefined) packed.n = intern(message.note)
        if (message.url !== undefined) packed.u = intern(message.url)
        if (message.expected !== undefined) packed.e = message.expected.map(intern)
        if (message.place !== undefined) packed.p = packPlace(message.place)
        if (message.fatal !== undefined) packed.f = message.fatal
        if (message.actual !== undefined) packed.a = message.actual
        if (message.fitlint !== undefined) packed.x = message.fitlint
        return packed
      })
    }
  }

  return {strings, files}
}

function packPlace(place: NonNullable<StoredMessage['place']>): PackedMessage['p'] {
  if (!('start' in place)) return place
  const numbers = [place.start.line, place.start.column, place.start.offset, place.end.line, place.end.column, place.end.offset]
  return numbers.every((value) => typeof value === 'number') ? (numbers as number[]) : place
}

function unpackPlace(packed: NonNullable<PackedMessage['p']>): StoredMessage['place'] {
  if (!Array.isArray(packed)) return packed
  if (packed.length !== 6 || !packed.every((value) => typeof value === 'number')) throw new Error('bad cache place')
  return {
    start: {line: packed[0], column: packed[1], offset: packed[2]},
    end: {line: packed[3], column: packed[4], offset: packed[5]}
  }
}

/** Throws on anything malformed (the cache is then rebuilt). */
function unpack(strings: unknown[], files: Record<string, PackedEntry>): Map<string, Entry> {
  const text = (index: unknown): string => {
    const value = typeof index === 'number' ? strings[index] : undefined
    if (typeof value !== 'string') throw new Error('bad cache string')
    return value
  }

  const entries = new Map<string, Entry>()
  for (const [file, entry] of Object.entries(files)) {
    if (typeof entry?.key !== 'string' || !Array.isArray(entry.messages)) throw new Error('bad cache entry')
    entries.set(file, {
      key: entry.key,
      messages: entry.messages.map((packed) => {
        const message: StoredMessage = {reason: text(packed.r)}
        if (packed.i !== undefined) message.ruleId = text(packed.i)
        if (packed.s !== undefined) message.source = text(packed.s)
        if (packed.p !== undefined) message.place = unpackPlace(packed.p)
        if (packed.f !== undefined) message.fatal = packed.f
        if (packed.n !== undefined) message.note = text(packed.n)
        if (packed.u !== undefined) message.url = text(packed.u)
        if (packed.e !== undefined) message.expected = packed.e.map(text)
        if (packed.a !== undefined) message.actual = packed.a
        if (packed.x !== undefined) message.fitlint = packed.x
        return message
      })
    })
  }

  return entries
}

/** The newest modification time of the compiled code and rule data. */
async function buildStamp(): Promise<string> {
  // This module is dist/src/cli/cache.js: dist/ is two folders up.
  const dist = new URL('../../', import.meta.url)
  let newest = 0
  const walk = async (folder: URL): Promise<void> => {
    let entries: fs.Dirent[]
    try {
      entries = await fs.promises.readdir(folder, {withFileTypes: true})
    } catch {
      return
    }

    await Promise.all(
      entries.map(async (entry) => {
        if (entry.isDirectory()) return walk(new URL(entry.name + '/', folder))
        if (!/\.(js|json|ya?ml)$/.test(entry.name)) return
        const stats = await fs.promises.stat(new URL(entry.name, folder)).catch(() => undefined)
        if (stats && stats.mtimeMs > newest) newest = stats.mtimeMs
      })
    )
  }

  await Promise.all([walk(new URL('src/', dist)), walk(new URL('rules/', dist))])
  return Math.floor(newest).toString(36)
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

function dateMatters(text: string, config: ResolvedConfig): boolean {
  const setting = config.rules['review-metadata']
  return Boolean(setting && setting.severity !== 'off') && /\d{4}/.test(text)
}

function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH
  const now = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()
  return now.toISOString().slice(0, 10)
}
