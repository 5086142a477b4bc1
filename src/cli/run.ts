/**
 * The `fitlint` command: parse flags, lint, report, exit 0 / 1 / 2.
 *
 * 0: no errors, and warnings within `--max-warnings`;
 * 1: lint errors, or too many warnings;
 * 2: usage or config error, or an internal crash.
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {builtinRules, ruleById} from '../../rules/index.js'
import {ConfigError, InputError, UsageError, didYouMean} from '../config/errors.js'
import {ConfigResolver} from '../config/resolve.js'
import type {RuleSetting} from '../config/types.js'
import {loadReporter, wantsRepositoryRoot} from '../reporters/index.js'
import {parseArgs, type CliOptions} from './args.js'
import {EXTENSIONS, runEngine, type EngineOptions} from './engine.js'
import type {ChangedLines, Changes} from './git.js'
import type {Progress} from './progress.js'
import {explainRule} from './explain.js'
import {writeAtomic} from './write.js'
import {packageVersion} from './version.js'

export interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
  cwd: string
  env: NodeJS.ProcessEnv
  isTTY: boolean
  /** Is stderr a terminal (progress)? */
  stderrIsTTY?: boolean
}

const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY)
})

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`fitlint: config error in ${error.message}\n`)
      return 2
    }

    if (error instanceof InputError) {
      io.stderr.write(`fitlint: ${error.message}\n`)
      return 2
    }

    if (error instanceof UsageError) {
      io.stderr.write(`fitlint: ${error.message}\nRun \`fitlint --help\` for usage.\n`)
      return 2
    }

    io.stderr.write(`fitlint: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
    return 2
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const parsed = await parseArgs(argv, packageVersion())
  if (parsed.kind === 'exit') {
    io.stdout.write(parsed.output + '\n')
    return parsed.code
  }

  const options = parsed.options
  if (options.explain !== undefined) {
    const text = await explainRule(options.explain)
    io.stdout.write(text)
    return 0
  }

  const resolver = new ConfigResolver({
    cwd: io.cwd,
    configPath: options.config,
    noConfig: options.noConfig,
    ruleOverrides: ruleOverrides(options)
  })

  if (options.config !== undefined && !fs.existsSync(path.resolve(io.cwd, options.config))) {
    throw new UsageError(`cannot find config file \`${options.config}\``)
  }

  if (options.printConfig !== undefined) {
    const config = await resolver.resolve(path.resolve(io.cwd, options.printConfig))
    io.stdout.write(JSON.stringify(config, undefined, 2) + '\n')
    return 0
  }

  if (!options.stdin && options.patterns.length === 0) {
    throw new UsageError('no files given: pass paths, folders or globs (e.g. `fitlint articles/`), or --stdin')
  }

  if (options.ignorePath !== undefined) {
    const problem = unreadable(path.resolve(io.cwd, options.ignorePath))
    if (problem) {
      io.stderr.write(`fitlint: cannot read ignore file ${options.ignorePath}: ${problem}\n`)
      return 2
    }
  }

  // Everything below loads only with the flags that need it.
  let root: string | undefined
  let changes: Changes | undefined
  if (options.changedSince !== undefined || options.shard || wantsRepositoryRoot(options.format)) {
    const git = await import('./git.js')
    if (options.changedSince !== undefined) {
      changes = await git.changedSince(options.changedSince, io.cwd, {lines: options.changedLines})
      if (changes.warning) io.stderr.write(changes.warning + '\n')
      root = changes.root
    } else {
      root = (await git.gitRoot(io.cwd)) ?? io.cwd
    }
  }

  const filters: Array<(absolute: string) => boolean> = []
  if (changes) {
    const changed = changes.files
    filters.push((absolute) => changed.has(absolute))
  }

  if (options.shard) {
    const {shardFilter} = await import('./shard.js')
    filters.push(shardFilter(options.shard, root ?? io.cwd))
  }

  const cache =
    options.cache && !options.stdin
      ? await (await import('./cache.js')).LintCache.open(path.resolve(io.cwd, options.cacheLocation), packageVersion())
      : undefined

  let progress: Progress | undefined
  // Progress only for people at a terminal: never in CI logs or pipes.
  const showProgress = !options.stdin && Boolean(io.stderrIsTTY) && !io.env.CI && io.env.TERM !== 'dumb'
  const progressModule = showProgress ? await import('./progress.js') : undefined

  const engineOptions: EngineOptions = {
    patterns: options.patterns,
    cwd: io.cwd,
    resolver,
    ignorePath: options.ignorePath,
    stdin: options.stdin ? io.stdin : undefined,
    stdinFilename: options.stdinFilename,
    select: filters.length > 0 ? (absolute) => filters.every((filter) => filter(absolute)) : undefined,
    cache,
    concurrency: options.stdin ? 1 : options.concurrency,
    onStart(total) {
      if (progressModule && total > 0) progress = progressModule.createProgress(io.stderr, total)
    },
    onFile() {
      progress?.tick()
    },
    onWarning(text) {
      io.stderr.write(`fitlint: ${text}\n`)
    }
  }

  let result
  try {
    result = await runEngine(engineOptions)
  } finally {
    progress?.done()
  }

  if (cache) {
    try {
      await cache.save()
    } catch (error) {
      io.stderr.write(`fitlint: cannot write the cache \`${cache.location}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    }
  }

  if (result.configErrors.length > 0) {
    for (const error of result.configErrors) {
      io.stderr.write(`fitlint: config error in ${error.message}\n`)
    }

    return 2
  }

  const missing = missingInputs(result.files)
  if (missing.length > 0) {
    throw new UsageError(missing.map((name) => `no files match \`${name}\``).join('\n'))
  }

  const files = result.files
  if (result.found === 0 && !options.stdin) {
    const notFiles = options.patterns.filter((pattern) => !isFile(path.resolve(io.cwd, pattern)))
    if (notFiles.length > 0) {
      throw new UsageError(
        `no files to lint in ${notFiles.map((pattern) => `\`${pattern}\``).join(', ')} (fitlint reads ${EXTENSIONS.join(' ')}; node_modules and .fitlintignore entries are skipped)`
      )
    }
  }

  if (changes && files.length === 0 && !options.quiet) {
    io.stderr.write(`fitlint: no changed files to lint since \`${options.changedSince}\`\n`)
  }

  if (changes?.lines) {
    keepChangedLines(files, changes.lines, io.cwd)
  }

  if (options.quiet) {
    for (const file of files) {
      file.messages = file.messages.filter((message) => message.fatal === true)
    }
  }

  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }

  const reporter = await loadReporter(options.format)
  const color = options.color ?? (!options.outputFile && io.isTTY && !io.env.NO_COLOR && options.format === 'stylish')
  const report = await reporter(files, {
    color,
    verbose: options.verbose,
    cwd: io.cwd,
    root,
    env: io.env,
    shard: options.shard,
    warn: (text) => io.stderr.write(`fitlint: ${text}\n`)
  })

  if (options.outputFile) {
    await writeAtomic(path.resolve(io.cwd, options.outputFile), report)
  } else if (report) {
    io.stdout.write(report.endsWith('\n') ? report : report + '\n')
  }

  if (result.internalErrors > 0) return 2
  if (errors > 0) return 1
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr.write(`fitlint: ${warnings} warnings; --max-warnings is ${options.maxWarnings}\n`)
    return 1
  }

  return 0
}

function ruleOverrides(options: CliOptions): Record<string, RuleSetting> {
  const overrides: Record<string, RuleSetting> = {}
  for (const {id, severity} of options.rules) {
    if (!ruleById.has(id)) {
      const guess = didYouMean(id, ruleById.keys())
      // Custom rules are checked when config is resolved.
      if (guess) throw new UsageError(`unknown rule \`${id}\` in --rule; did you mean \`${guess}\`?`)
    }

    overrides[id] = {severity, options: {}}
  }

  return overrides
}

/** Inputs the engine could not find (paths or globs that matched nothing). */
function missingInputs(files: VFile[]): string[] {
  const missing: string[] = []
  for (const file of files) {
    if (file.messages.some((message) => message.fatal && /^(No such file or folder|Cannot find file)/.test(message.reason))) {
      missing.push(file.path)
    }
  }

  return missing
}

/**
 * `--changed-lines`: keep messages that touch an added or edited line, and
 * every message of a document-level rule (a missing disclaimer belongs to
 * the whole changed file) or about the file itself (parse, encoding).
 */
function keepChangedLines(files: VFile[], lines: ChangedLines, cwd: string): void {
  const whole = new Set([...builtinRules.filter((rule) => rule.scope === 'document').map((rule) => rule.id), 'parse', 'encoding'])
  for (const file of files) {
    const changed = lines.get(path.resolve(cwd, file.path))
    if (changed === 'all') continue
    file.messages = file.messages.filter((message) => {
      if (!message.ruleId || whole.has(message.ruleId)) return true
      const place = message.place
      if (!place) return true
      const start = 'start' in place ? place.start.line : place.line
      const end = 'end' in place ? place.end.line : place.line
      for (let line = start; line <= end; line++) if (changed?.has(line)) return true
      return false
    })
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** Why `file` cannot be read as a text file, or undefined when it can. */
function unreadable(file: string): string | undefined {
  try {
    if (fs.statSync(file).isDirectory()) return 'it is a folder'
    fs.accessSync(file, fs.constants.R_OK)
    return undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'ENOENT (no such file)'
    if (code === 'EACCES') return 'EACCES (permission denied)'
    return code ?? (error as Error).message
  }
}
