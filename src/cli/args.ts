/**
 * Command-line flags (yargs), per DESIGN.md's contract.
 */
import yargs from 'yargs'
import type {SeveritySetting} from '../engine/rule.js'
import {UsageError} from '../config/errors.js'

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const
export type ReportFormat = (typeof FORMATS)[number]

export interface CliOptions {
  patterns: string[]
  format: ReportFormat
  outputFile?: string
  stdin: boolean
  stdinFilename?: string
  quiet: boolean
  maxWarnings: number
  rules: Array<{id: string; severity: SeveritySetting}>
  config?: string
  noConfig: boolean
  ignorePath?: string
  printConfig?: string
  explain?: string
  color?: boolean
  verbose: boolean
  cache: boolean
  cacheLocation: string
  changedSince?: string
  changedLines: boolean
  shard?: {index: number; count: number}
  /** Worker threads; 1 lints in the main thread. */
  concurrency: number | 'auto'
}

export type ParsedArgs = {kind: 'run'; options: CliOptions} | {kind: 'exit'; code: number; output: string}

const SEVERITY = /^(off|on|info|warn|warning|error|0|1|2)$/

export async function parseArgs(argv: string[], version: string): Promise<ParsedArgs> {
  let output = ''
  let exitCode: number | undefined
  const parser = yargs(argv)
    .scriptName('fitlint')
    .usage(
      '$0 [paths or globs...]\n\nLint fitness and health articles (.md .markdown .mdx .html .htm .txt).\nA folder means every such file under it; node_modules and .fitlintignore entries are skipped.'
    )
    .option('format', {
      alias: 'f',
      choices: FORMATS,
      default: 'stylish' as ReportFormat,
      describe: 'Report format'
    })
    .option('output-file', {alias: 'o', type: 'string', describe: 'Write the report to a file instead of stdout'})
    .option('stdin', {type: 'boolean', default: false, describe: 'Lint text from stdin'})
    .option('stdin-filename', {type: 'string', describe: 'Path to use for stdin (format, config, ignore)'})
    .option('quiet', {alias: 'q', type: 'boolean', default: false, describe: 'Report errors only'})
    .option('max-warnings', {type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this'})
    .option('rule', {type: 'string', array: true, nargs: 1, default: [] as string[], describe: 'Set a rule: id=off|info|warn|error (repeatable)'})
    .option('config', {alias: 'c', type: 'string', describe: 'Use this config file (no search)'})
    .option('config-lookup', {type: 'boolean', default: true, describe: 'Look for config files (--no-config-lookup, or --no-config, to ignore them and use the recommended preset)'})
    .option('ignore-path', {type: 'string', describe: 'Ignore file to use instead of .fitlintignore'})
    .option('print-config', {type: 'string', describe: 'Print the resolved config for a file and exit'})
    .option('explain', {type: 'string', describe: 'Print the documentation of a rule and exit'})
    .option('color', {type: 'boolean', describe: 'Force colour on or off (--no-color)'})
    .option('verbose', {type: 'boolean', default: false, describe: 'Show each message’s note and docs link'})
    .option('cache', {type: 'boolean', default: false, describe: 'Only lint files whose content, config or fitlint version changed since the last --cache run'})
    .option('cache-location', {type: 'string', default: '.fitlintcache', describe: 'Cache file (or folder for it)'})
    .option('changed-since', {type: 'string', describe: 'Only lint files changed since this git ref (commits, staged, unstaged, untracked)'})
    .option('changed-lines', {type: 'boolean', default: false, describe: 'With --changed-since: only report messages on added or edited lines'})
    .option('shard', {type: 'string', describe: 'Lint shard K of N (K/N) of the files, for parallel CI jobs'})
    .option('concurrency', {type: 'string', default: '1', describe: 'Lint on N threads (auto: one per core)'})
    .version(version)
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .strictOptions()
    .wrap(Math.min(100, process.stdout.columns || 80))
    .exitProcess(false)
    .parserConfiguration({'boolean-negation': true})
    .fail((message, error) => {
      throw new UsageError(error?.message ?? message)
    })

  const args = await parser.parseAsync(argv, {}, (_error, _argv, text) => {
    output = text
  })

  if ((args.help || args.version) && output) {
    exitCode = 0
  }

  if (exitCode !== undefined) return {kind: 'exit', code: exitCode, output}

  const rules: CliOptions['rules'] = []
  for (const entry of args.rule as string[]) {
    for (const part of entry.split(',')) {
      const match = /^\s*([\w/-]+)\s*[=:]\s*(\w+)\s*$/.exec(part)
      if (!match || !SEVERITY.test(match[2])) {
        throw new UsageError(`invalid --rule \`${part}\`: expected id=off|info|warn|error, e.g. --rule uncited-claim=off`)
      }

      const severity = ({warning: 'warn', '0': 'off', '1': 'warn', '2': 'error'} as Record<string, SeveritySetting>)[match[2]] ?? (match[2] as SeveritySetting)
      rules.push({id: match[1], severity})
    }
  }

  const maxWarnings = args['max-warnings'] as number
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
    throw new UsageError('--max-warnings expects a whole number ≥ 0')
  }

  if (args.stdin && args._.length > 0) {
    throw new UsageError('--stdin lints stdin only; do not pass paths too')
  }

  if (args['stdin-filename'] && !args.stdin) {
    throw new UsageError('--stdin-filename needs --stdin')
  }

  if (args['changed-lines'] && args['changed-since'] === undefined) {
    throw new UsageError('--changed-lines needs --changed-since REF')
  }

  if (args.stdin && (args['changed-since'] !== undefined || args.shard !== undefined)) {
    throw new UsageError('--stdin lints stdin only; --changed-since and --shard select files from paths')
  }

  if (typeof args['changed-since'] === 'string' && args['changed-since'].trim() === '') {
    throw new UsageError('--changed-since expects a git ref, e.g. --changed-since origin/main')
  }

  return {
    kind: 'run',
    options: {
      patterns: args._.map(String),
      format: args.format as ReportFormat,
      outputFile: args['output-file'],
      stdin: Boolean(args.stdin),
      stdinFilename: args['stdin-filename'],
      quiet: Boolean(args.quiet),
      maxWarnings,
      rules,
      config: typeof args.config === 'string' ? args.config : undefined,
      // `--no-config` negates `--config` (yargs boolean negation).
      noConfig: (args.config as unknown) === false || args['config-lookup'] === false,
      ignorePath: args['ignore-path'],
      printConfig: args['print-config'],
      explain: args.explain,
      color: args.color as boolean | undefined,
      verbose: Boolean(args.verbose),
      cache: Boolean(args.cache),
      // Given twice (a wrapper's default, then the user's): the last wins.
      cacheLocation: String([args['cache-location']].flat().at(-1)),
      changedSince: args['changed-since'] as string | undefined,
      changedLines: Boolean(args['changed-lines']),
      shard: args.shard === undefined ? undefined : parseShard(String(args.shard)),
      concurrency: parseConcurrency(String(args.concurrency))
    }
  }
}

function parseShard(value: string): {index: number; count: number} {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = match ? Number(match[1]) : Number.NaN
  const count = match ? Number(match[2]) : Number.NaN
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError(`invalid --shard \`${value}\`: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`)
  }

  return {index, count}
}

function parseConcurrency(value: string): number | 'auto' {
  if (value === 'auto') return 'auto'
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new UsageError(`invalid --concurrency \`${value}\`: expected a number of threads (1–256) or auto`)
  }

  return Number(value)
}
