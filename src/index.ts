/**
 * fitlint's library API.
 *
 * ```js
 * import {lint} from 'fitlint'
 * const file = await lint('Push through the pain.', {format: 'markdown'})
 * console.log(file.messages)
 * ```
 */
import {VFile, type Compatible} from 'vfile'
import type {Format} from './article/types.js'
import {ConfigResolver, type ResolveOptions} from './config/resolve.js'
import type {RuleSetting} from './config/types.js'
import {lintVFile} from './engine/lint-file.js'

export interface LintOptions {
  /** File path: picks the format and the config file (not read from disk). */
  filePath?: string
  /** Format, when there is no path or the extension is not one fitlint knows. */
  format?: Format
  /** Working directory to resolve configs from (default: `process.cwd()`). */
  cwd?: string
  /** Use this config file instead of searching for one. */
  configPath?: string
  /** Ignore config files: the `recommended` preset only. */
  noConfig?: boolean
  /** Rule overrides, like `--rule`: `{'uncited-claim': 'off'}`. */
  rules?: Record<string, RuleSetting['severity'] | RuleSetting>
  /** Allow JavaScript config files (default true). */
  allowJs?: boolean
  /** Reuse a resolver between calls (caches config lookups). */
  resolver?: ConfigResolver
}

/**
 * Lint text or a VFile. Returns the VFile with `messages`.
 * Throws `ConfigError` when a config file is broken.
 */
export async function lint(input: Compatible | VFile, options: LintOptions = {}): Promise<VFile> {
  const file =
    input instanceof VFile
      ? input
      : new VFile(
          typeof input === 'string' || input instanceof Uint8Array
            ? {value: input, path: options.filePath}
            : input
        )
  if (options.filePath && !file.path) file.path = options.filePath
  const resolver = options.resolver ?? createResolver(options)
  const config = await resolver.resolve(file.path)
  // A string (or a VFile holding one) is the text as given: only bytes are
  // checked for invalid UTF-8. Callers re-lint edited texts (the language
  // server on every change): unchanged parts are not parsed again.
  return lintVFile(file, config, {format: options.format, lossyStrings: false, reuse: true})
}

export function createResolver(options: LintOptions = {}): ConfigResolver {
  const ruleOverrides: Record<string, RuleSetting> = {}
  for (const [id, value] of Object.entries(options.rules ?? {})) {
    ruleOverrides[id] = typeof value === 'string' ? {severity: value, options: {}} : value
  }

  const resolveOptions: ResolveOptions = {
    cwd: options.cwd,
    configPath: options.configPath,
    noConfig: options.noConfig,
    ruleOverrides,
    allowJs: options.allowJs
  }
  return new ConfigResolver(resolveOptions)
}

export {ConfigResolver} from './config/resolve.js'
export {ConfigError} from './config/errors.js'
export {builtinRules} from '../rules/index.js'
export {buildArticle} from './article/build.js'
export {loadParser} from './parse/index.js'
export type {Article, Sentence, Block, Format} from './article/types.js'
export type {Rule, Report, Severity} from './engine/rule.js'
export type {FitlintConfig, ResolvedConfig} from './config/types.js'
