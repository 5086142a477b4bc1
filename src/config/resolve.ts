/**
 * Resolve the config for one file: the nearest config file (or `--config`),
 * its `extends` chain, matching `overrides`, then `--rule` flags. A config
 * file without `extends` starts from the `recommended` preset; with no config
 * file at all, `recommended` applies.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import type {PhraseChanges, Settings} from '../engine/rule.js'
import {ConfigLoader, type LoadedConfig} from './load.js'
import {PRESETS} from './presets.js'
import type {FitlintConfig, ResolvedConfig, RuleSetting} from './types.js'
import {parseRuleEntry} from './validate.js'

export interface ResolveOptions {
  /** Use this config file instead of searching (`--config`). */
  configPath?: string
  /** Ignore config files (`--no-config`). */
  noConfig?: boolean
  /** `--rule id=severity` overrides, already parsed. */
  ruleOverrides?: Record<string, RuleSetting>
  /** Extra settings (API callers, language server). */
  settings?: Settings
  cwd?: string
  allowJs?: boolean
}

export class ConfigResolver {
  readonly loader: ConfigLoader
  private readonly options: ResolveOptions
  private readonly cache = new Map<string, ResolvedConfig>()

  constructor(options: ResolveOptions = {}) {
    this.options = options
    this.loader = new ConfigLoader({allowJs: options.allowJs})
  }

  clear(): void {
    this.loader.clear()
    this.cache.clear()
  }

  /** The config file that applies to `filePath` (undefined: defaults). */
  async configFileFor(filePath: string | undefined): Promise<string | undefined> {
    if (this.options.noConfig) return undefined
    const cwd = this.options.cwd ?? process.cwd()
    if (this.options.configPath) return path.resolve(cwd, this.options.configPath)
    const folder = filePath ? path.dirname(path.resolve(cwd, filePath)) : cwd
    return this.loader.find(folder)
  }

  async resolve(filePath: string | undefined): Promise<ResolvedConfig> {
    const cwd = this.options.cwd ?? process.cwd()
    const configFile = await this.configFileFor(filePath)
    const loaded: LoadedConfig = configFile
      ? await this.loader.load(configFile)
      : {file: 'preset:recommended', layers: []}
    const absolute = filePath ? path.resolve(cwd, filePath) : undefined

    // Which overrides match decides the result: cache on that.
    const matched: string[] = []
    for (const [layerIndex, layer] of loaded.layers.entries()) {
      ;(layer.config.overrides ?? []).forEach((override, index) => {
        if (absolute && overrideMatches(layer.file, override, absolute)) {
          matched.push(`${layerIndex}:${index}`)
        }
      })
    }

    const key = loaded.file + '|' + matched.join(',')
    const cached = this.cache.get(key)
    if (cached) return cached
    const resolved = this.merge(loaded, absolute)
    this.cache.set(key, resolved)
    return resolved
  }

  private merge(loaded: LoadedConfig, absolute: string | undefined): ResolvedConfig {
    const result: ResolvedConfig = {
      rules: {},
      settings: {},
      phrases: {},
      accept: [],
      customRules: [],
      sources: []
    }

    const layers = [...loaded.layers]
    const own = layers[layers.length - 1]
    if (!own || own.config.extends === undefined) {
      layers.unshift({file: 'preset:recommended', config: PRESETS.recommended()})
    }

    const customIds = new Set<string>()
    for (const layer of layers) {
      for (const custom of layer.config.customRules ?? []) customIds.add(custom.id)
    }

    for (const layer of layers) {
      result.sources.push(layer.file)
      applyLayer(result, layer.file, layer.config, customIds)
    }

    for (const layer of layers) {
      for (const override of layer.config.overrides ?? []) {
        if (absolute && overrideMatches(layer.file, override, absolute)) {
          applyLayer(result, layer.file, {rules: override.rules, settings: override.settings}, customIds)
        }
      }
    }

    for (const [ruleId, setting] of Object.entries(this.options.ruleOverrides ?? {})) {
      const previous = result.rules[ruleId]
      result.rules[ruleId] = {
        severity: setting.severity,
        options: Object.keys(setting.options).length > 0 ? setting.options : previous?.options ?? {}
      }
    }

    Object.assign(result.settings, this.options.settings)
    return result
  }
}

function applyLayer(
  result: ResolvedConfig,
  file: string,
  config: FitlintConfig,
  customIds: Set<string>
): void {
  for (const [ruleId, entry] of Object.entries(config.rules ?? {})) {
    const setting = parseRuleEntry(file, `rules.${ruleId}`, ruleId, entry, customIds)
    const previous = result.rules[ruleId]
    result.rules[ruleId] = {
      severity: setting.severity,
      // A bare severity keeps options set by an earlier layer (as ESLint).
      options: Array.isArray(entry) && entry.length === 2 ? setting.options : previous?.options ?? {}
    }
  }

  Object.assign(result.settings, config.settings)

  for (const [ruleId, changes] of Object.entries(config.phrases ?? {})) {
    const target: PhraseChanges = (result.phrases[ruleId] ??= {})
    if (changes.remove) target.remove = [...(target.remove ?? []), ...changes.remove]
    if (changes.add) {
      target.add ??= {}
      for (const [group, list] of Object.entries(changes.add)) {
        target.add[group] = [...(target.add[group] ?? []), ...list]
      }
    }
  }

  if (config.accept) result.accept.push(...config.accept)
  for (const custom of config.customRules ?? []) {
    const index = result.customRules.findIndex((rule) => rule.id === custom.id)
    if (index === -1) result.customRules.push(custom)
    else result.customRules[index] = custom
    // Custom rules are on unless configured otherwise.
    result.rules[custom.id] ??= {severity: 'on', options: {}}
  }
}

function overrideMatches(
  configFile: string,
  override: NonNullable<FitlintConfig['overrides']>[number],
  absolute: string
): boolean {
  const base = configFile.startsWith('preset:') ? process.cwd() : path.dirname(configFile)
  const relative = path.relative(base, absolute).split(path.sep).join('/')
  const test = (globs: string | string[]): boolean =>
    (Array.isArray(globs) ? globs : [globs]).some((glob) =>
      picomatch.isMatch(relative, glob, {dot: true, matchBase: !glob.includes('/')})
    )
  if (!test(override.files)) return false
  if (override.excludedFiles && test(override.excludedFiles)) return false
  return true
}
