/**
 * Find, read and lint files with unified-engine: globs, folders, extensions,
 * `.fitlintignore`, `node_modules`, stdin. Config resolution and linting are
 * fitlint's own (`lintVFile`), so the CLI, the API and the language server
 * share them.
 *
 * Two steps, so big archives stay fast:
 *
 * 1. Find: `find.ts` lists the files as unified-engine's finder would (with
 *    its ignore handling), but follows each symlinked folder once and skips
 *    FIFOs and dangling links in folders; sorted by path as unified-engine
 *    sorts them. `select` (`--shard`, `--changed-since`) drops files before
 *    anything is read.
 * 2. Lint: the selected files go through unified-engine in batches of
 *    `BATCH`. unified-engine's queue step scans every file of a run once per
 *    file, which is quadratic: 8,000 files cost it 5 s, 100,000 would cost
 *    minutes. Batches keep that linear and bound how many file contents are
 *    in memory at once (which matters when workers lint in parallel).
 *
 * Per file, the plugin replays the cache (`--cache`), or lints in a worker
 * (`--concurrency`) or in this thread, and adds each message's line hash
 * for SARIF while the text is still there.
 */
import fs from 'node:fs'
import {readFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {engine} from 'unified-engine'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {FORMAT_BY_EXTENSION} from '../article/build.js'
import {ConfigError, InputError} from '../config/errors.js'
import type {ConfigResolver} from '../config/resolve.js'
import type {ResolvedConfig} from '../config/types.js'
import {failFile, lintVFile} from '../engine/lint-file.js'
import type {LintCache} from './cache.js'
import {findFiles} from './find.js'
import {loadIgnore, type IgnoreClass, type IgnoreInstance} from './unified-engine-internals.js'
import {addLineHashes, restoreMessage, storeMessage, type Message} from './messages.js'
import type {WorkerPool} from './workers.js'

export const EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION)

/** Files per unified-engine run. */
const BATCH = 256

export interface EngineRun {
  files: VFile[]
  /** Files found before `select` (0: the paths hold nothing to lint). */
  found: number
  configErrors: ConfigError[]
  internalErrors: number
}

export interface EngineOptions {
  patterns: string[]
  cwd: string
  resolver: ConfigResolver
  ignorePath?: string
  stdin?: NodeJS.ReadableStream
  stdinFilename?: string
  /** Keep only files (absolute paths) for which this is true. */
  select?: (absolute: string) => boolean
  cache?: LintCache
  /** Worker threads (`auto`: one per core); 1 or unset lints in this thread. */
  concurrency?: number | 'auto'
  /** Called once the files to lint are known (progress). */
  onStart?: (total: number) => void
  /** Called after each file is linted (progress). */
  onFile?: (file: VFile) => void
  /** A path skipped while finding files, and why. */
  onWarning?: (text: string) => void
}

interface PluginOptions {
  resolver: ConfigResolver
  state: EngineRun
  cache?: LintCache
  /** The worker pool, started on first use (so a fully cached run starts none). */
  pool?: () => WorkerPool
  onFile?: (file: VFile) => void
}

const fitlintEngine: Plugin<[PluginOptions]> = function (options) {
  // The engine wants a parser; the real parsing happens in `lintVFile`,
  // which picks the parser per format.
  this.parser = () => ({type: 'root', children: []})
  return async (_tree, file) => {
    const absolute = file.path ? path.resolve(file.cwd, file.path) : undefined
    // Lint into a scratch file: unified-engine's queue step looks at other
    // files' `fatal` messages while this one is still being linted (between
    // awaits), and a file that turns fatal then makes it flush early and wait
    // forever. The messages reach `file` below in one synchronous step, with
    // `fatal` hidden until the run is over.
    const scratch = new VFile({path: file.path, cwd: file.cwd, value: await exactValue(file, absolute)})
    scratch.data = file.data
    try {
      const config = await options.resolver.resolve(absolute)
      await lintFile(scratch, config, options)
    } catch (error) {
      if (error instanceof ConfigError) {
        if (!options.state.configErrors.some((known) => known.message === error.message)) {
          options.state.configErrors.push(error)
        }

        failFile(scratch, 'Cannot lint: broken config (' + error.file + ')')
      } else {
        options.state.internalErrors++
        failFile(
          scratch,
          'Internal error while linting this file: ' +
            String((error as Error)?.message ?? error) +
            ' (please report it at https://github.com/fitlint/fitlint/issues)'
        )
      }
    }

    const fatal: number[] = []
    for (const message of scratch.messages) {
      if (message.fatal === true) {
        fatal.push(file.messages.length)
        message.fatal = false
      }

      file.messages.push(message)
    }

    file.data.fitlintFatal = fatal

    // Keep memory flat on big archives: the report only needs messages.
    file.value = ''
    options.onFile?.(file)
  }
}

/**
 * unified-engine reads files as UTF-8 strings, where a byte that is not
 * UTF-8 becomes U+FFFD. A file with U+FFFD in it is read again as bytes, so
 * a valid file that really contains U+FFFD is not reported as broken.
 */
async function exactValue(file: VFile, absolute: string | undefined): Promise<VFile['value']> {
  const value = file.value
  if (typeof value !== 'string' || !value.includes('\uFFFD') || !absolute || file.data.unifiedEngineStreamIn) return value
  try {
    return await readFile(absolute)
  } catch {
    return value
  }
}

/** Lint one read file: from the cache, in a worker with room, or here. */
async function lintFile(file: VFile, config: ResolvedConfig, options: PluginOptions): Promise<void> {
  const text = typeof file.value === 'string' ? file.value : undefined
  const fromDisk = file.path && !file.data.unifiedEngineStreamIn ? path.resolve(file.cwd, file.path) : undefined
  const cache = text !== undefined && fromDisk ? options.cache : undefined
  const key = cache?.key(text!, config)
  if (cache && key) {
    const stored = cache.get(fromDisk!, key)
    if (stored) {
      file.messages.push(...stored.map((message) => restoreMessage(message, file)))
      return
    }
  }

  const before = file.messages.length
  const here = async () => {
    await lintVFile(file, config)
    const hashed = text ?? (file.value instanceof Uint8Array ? new TextDecoder().decode(file.value) : undefined)
    if (hashed !== undefined) addLineHashes(file, hashed)
  }

  if (options.pool && text !== undefined && file.path) {
    const stored = await options.pool().lint(file.path, file.cwd, text, config, here)
    if (stored) file.messages.push(...stored.map((message) => restoreMessage(message, file)))
  } else {
    await here()
  }

  if (cache && key) {
    cache.set(fromDisk!, key, (file.messages.slice(before) as Message[]).map(storeMessage))
  }
}

function restoreFatal(file: VFile): void {
  const fatal = file.data.fitlintFatal as number[] | undefined
  if (!fatal) return
  for (const index of fatal) file.messages[index].fatal = true
  delete file.data.fitlintFatal
}

/**
 * unified-engine reports a file it cannot read as "Cannot process file" (the
 * reason is only in `cause`): say what went wrong, as fitlint's other
 * messages about a whole file do.
 */
function explainReadError(file: VFile): void {
  const index = file.messages.findIndex((message) => message.fatal === true && message.reason === 'Cannot process file' && !message.ruleId)
  if (index === -1) return
  const cause = file.messages[index].cause as NodeJS.ErrnoException | undefined
  file.messages.splice(index, 1)
  // `EIO: i/o error, read` (without the path, which the report shows).
  const reason = cause?.message ? cause.message.replace(/, (\w+) '.*'$/, ', $1') : String(cause ?? 'unknown error')
  failFile(file, `Cannot read file: ${reason}`)
}

export async function runEngine(options: EngineOptions): Promise<EngineRun> {
  const state: EngineRun = {files: [], found: 0, configErrors: [], internalErrors: 0}
  if (options.stdin) {
    // unified-engine does not apply ignore files to stdin: a path that
    // `.fitlintignore` lists is skipped quietly, as when it is named.
    if (options.stdinFilename && (await isIgnored(options, options.stdinFilename))) {
      if (!(options.stdin as {isTTY?: boolean}).isTTY) {
        for await (const _chunk of options.stdin) {
          // Read it all, so the writer does not get EPIPE.
        }
      }

      return state
    }

    options.onStart?.(1)
    state.files = await runBatch(options, {resolver: options.resolver, state, onFile: options.onFile}, [])
    state.found = state.files.length
    return state
  }

  const found = await listFiles(options)
  const files: VFile[] = []
  const selected: VFile[] = []
  for (const file of found) {
    // Paths that match nothing carry a fatal message: keep them, unlinted,
    // so the CLI can say so.
    if (file.messages.some((message) => message.fatal)) {
      files.push(file)
      continue
    }

    const absolute = path.resolve(options.cwd, file.path)
    if (options.select && !options.select(absolute)) continue
    const fresh = new VFile({path: absolute})
    files.push(fresh)
    selected.push(fresh)
  }

  state.found = found.length
  options.onStart?.(selected.length)
  // This thread lints too: N threads are N - 1 workers.
  const requested = options.concurrency === 'auto' ? os.availableParallelism() : options.concurrency ?? 1
  const workers = Math.min(requested, selected.length) - 1
  let pool: WorkerPool | undefined
  let startPool: (() => WorkerPool) | undefined
  if (workers > 0) {
    const {WorkerPool} = await import('./workers.js')
    startPool = () => (pool ??= new WorkerPool(workers))
  }

  const plugin: PluginOptions = {resolver: options.resolver, state, cache: options.cache, pool: startPool, onFile: options.onFile}
  try {
    for (let start = 0; start < selected.length; start += BATCH) {
      await runBatch(options, plugin, selected.slice(start, start + BATCH))
    }
  } finally {
    await pool?.close()
  }

  state.files = files
  return state
}

/**
 * unified-engine reads every `.fitlintignore` from a file's folder up to the
 * root (or the `--ignore-path` file); a FIFO, socket or device by that name
 * would block the run for ever. Only regular files are read: anything else
 * is a clear error. Each folder is looked at once.
 */
function ignoreFileChecker(options: EngineOptions): (folder: string) => Error | undefined {
  const checked = new Map<string, Error | undefined>()
  const check = (candidate: string): Error | undefined => {
    let stats: fs.Stats
    try {
      stats = fs.statSync(candidate)
    } catch {
      return undefined
    }

    return stats.isFile() || stats.isDirectory() ? undefined : new InputError(`cannot read ignore file ${path.relative(options.cwd, candidate) || candidate}: not a regular file (a FIFO, socket or device would block the run)`)
  }

  if (options.ignorePath) {
    const problem = check(path.resolve(options.cwd, options.ignorePath))
    return () => problem
  }

  const inFolder = (folder: string): Error | undefined => {
    if (checked.has(folder)) return checked.get(folder)
    const parent = path.dirname(folder)
    const problem = check(path.join(folder, '.fitlintignore')) ?? (parent === folder ? undefined : inFolder(parent))
    checked.set(folder, problem)
    return problem
  }

  return inFolder
}

/** One unified-engine run over `files` (or stdin). */
function runBatch(options: EngineOptions, plugin: PluginOptions, files: VFile[]): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: unified(),
        files,
        extensions: EXTENSIONS,
        cwd: options.cwd,
        ignoreName: '.fitlintignore',
        ignorePath: options.ignorePath,
        ignorePathResolveFrom: ignoreResolveFrom(options),
        detectIgnore: true,
        silentlyIgnore: true,
        detectConfig: false,
        plugins: [[fitlintEngine as Plugin<unknown[]>, plugin]],
        out: false,
        output: false,
        streamIn: options.stdin,
        filePath: options.stdinFilename,
        streamError: {write: (_chunk: unknown, callback?: () => void) => { callback?.(); return true }} as unknown as NodeJS.WritableStream,
        reporter: () => '',
        quiet: true,
        silent: true
      },
      (error, _code, context) => {
        if (error) {
          reject(error)
          return
        }

        const result = (context?.files ?? []).filter(
          (file) => file.data.unifiedEngineGiven && !file.data.unifiedEngineIgnored
        )
        for (const file of result) {
          restoreFatal(file)
          explainReadError(file)
        }

        resolve(result)
      }
    )
  })
}

function createIgnore(Ignore: IgnoreClass, options: EngineOptions): IgnoreInstance {
  const ignore = new Ignore({
    cwd: options.cwd,
    detectIgnore: true,
    ignoreName: '.fitlintignore',
    ignorePath: options.ignorePath,
    ignorePathResolveFrom: ignoreResolveFrom(options)
  })
  const unreadable = ignoreFileChecker(options)
  return {
    check(filePath, callback) {
      const problem = unreadable(path.dirname(path.resolve(options.cwd, filePath)))
      if (problem) {
        callback(problem)
        return
      }

      ignore.check(filePath, (error, ignored) => callback(error ? ignoreFileError(error) : undefined, ignored))
    }
  }
}

/** unified-engine's "Cannot read file `sub/.fitlintignore`" (cause: EISDIR, EACCES…) as a clear error. */
function ignoreFileError(error: Error): Error {
  const match = /^Cannot read file `(.*)`$/.exec(error.message)
  if (!match) return error
  const cause = error.cause as NodeJS.ErrnoException | undefined
  return new InputError(`cannot read ignore file ${match[1]}: ${cause?.code ?? cause?.message ?? 'unknown error'}`)
}

/**
 * `.fitlintignore` works like `.gitignore`: its patterns are relative to its
 * own folder. `--ignore-path` patterns are relative to the working folder
 * (as ESLint's).
 */
function ignoreResolveFrom(options: EngineOptions): 'cwd' | 'dir' {
  return options.ignorePath ? 'cwd' : 'dir'
}

async function isIgnored(options: EngineOptions, filePath: string): Promise<boolean> {
  const Ignore = await loadIgnore()
  return new Promise((resolve, reject) => {
    createIgnore(Ignore, options).check(filePath, (error, ignored) => {
      if (error) reject(error)
      else resolve(Boolean(ignored))
    })
  })
}

async function listFiles(options: EngineOptions): Promise<VFile[]> {
  const Ignore = await loadIgnore()
  const files = await findFiles({
    patterns: options.patterns,
    cwd: options.cwd,
    extensions: EXTENSIONS,
    ignore: createIgnore(Ignore, options),
    warn: options.onWarning
  })
  // As unified-engine's file-system step: sorted by path.
  return files.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0))
}
