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
import {ruleById} from '../../rules/index.js'
import {ConfigError, UsageError, didYouMean} from '../config/errors.js'
import {ConfigResolver} from '../config/resolve.js'
import type {RuleSetting} from '../config/types.js'
import {loadReporter} from '../reporters/index.js'
import {parseArgs, type CliOptions} from './args.js'
import {EXTENSIONS, runEngine} from './engine.js'
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
}

const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY)
})

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`fitlint: config error in ${error.message}\n`)
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

  const result = await runEngine({
    patterns: options.patterns,
    cwd: io.cwd,
    resolver,
    ignorePath: options.ignorePath,
    stdin: options.stdin ? io.stdin : undefined,
    stdinFilename: options.stdinFilename
  })

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
  if (files.length === 0 && !options.stdin) {
    const notFiles = options.patterns.filter((pattern) => !isFile(path.resolve(io.cwd, pattern)))
    if (notFiles.length > 0) {
      throw new UsageError(
        `no files to lint in ${notFiles.map((pattern) => `\`${pattern}\``).join(', ')} (fitlint reads ${EXTENSIONS.join(' ')}; node_modules and .fitlintignore entries are skipped)`
      )
    }
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
  const report = await reporter(files, {color, verbose: options.verbose, cwd: io.cwd})

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

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
