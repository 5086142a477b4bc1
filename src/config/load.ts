/**
 * Find and read config files: `.fitlintrc` (JSON), `.fitlintrc.json`,
 * `.fitlintrc.yaml|.yml`, `.fitlintrc.cjs|.mjs|.js`, or the `fitlint` field of
 * `package.json`, searched from the file's folder upwards; the nearest one
 * wins (as with unified-engine). Per-folder settings go in `overrides`.
 * `extends` pulls in presets and other config files. Results are cached.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {ConfigError} from './errors.js'
import {importModule} from './import-module.js'
import {PRESETS, presetName} from './presets.js'
import type {FitlintConfig} from './types.js'
import {validateConfig} from './validate.js'

export const CONFIG_NAMES = [
  '.fitlintrc',
  '.fitlintrc.json',
  '.fitlintrc.yaml',
  '.fitlintrc.yml',
  '.fitlintrc.cjs',
  '.fitlintrc.mjs',
  '.fitlintrc.js',
  'package.json'
]

/** One loaded config file, with its `extends` chain flattened (in order). */
export interface LoadedConfig {
  file: string
  /** Configs to merge, lowest priority first (presets, extended files, this). */
  layers: Array<{file: string; config: FitlintConfig}>
}

export interface LoaderOptions {
  /** Allow `.js`/`.cjs`/`.mjs` configs (they run code). Default true. */
  allowJs?: boolean
}

export class ConfigLoader {
  private readonly byFolder = new Map<string, Promise<string | undefined>>()
  private readonly byFile = new Map<string, Promise<LoadedConfig>>()
  readonly allowJs: boolean

  constructor(options: LoaderOptions = {}) {
    this.allowJs = options.allowJs !== false
  }

  /** Forget everything (config files changed). */
  clear(): void {
    this.byFolder.clear()
    this.byFile.clear()
  }

  /** The config file that applies to files in `folder`, if any. */
  find(folder: string): Promise<string | undefined> {
    const key = path.resolve(folder)
    let found = this.byFolder.get(key)
    if (!found) {
      found = this.search(key)
      this.byFolder.set(key, found)
    }

    return found
  }

  private async search(folder: string): Promise<string | undefined> {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(folder, name)
      if (!(await isFile(candidate))) continue
      if (name === 'package.json') {
        const field = await readPackageField(candidate)
        if (field === undefined) continue
      }

      return candidate
    }

    const parent = path.dirname(folder)
    if (parent === folder) return undefined
    return this.find(parent)
  }

  load(file: string): Promise<LoadedConfig> {
    const key = path.resolve(file)
    let loaded = this.byFile.get(key)
    if (!loaded) {
      loaded = this.loadChain(key, [])
      this.byFile.set(key, loaded)
      // Do not cache failures: the user may fix the file.
      loaded.catch(() => this.byFile.delete(key))
    }

    return loaded
  }

  private async loadChain(file: string, seen: string[]): Promise<LoadedConfig> {
    if (seen.includes(file)) {
      throw new ConfigError(file, 'extends', 'circular `extends`: ' + [...seen, file].map((f) => path.basename(f)).join(' → '))
    }

    const raw = await this.read(file)
    // Validate once to learn custom rule ids of extended configs first.
    const extendsList =
      raw && typeof raw === 'object' && !Array.isArray(raw) && 'extends' in raw
        ? (raw as {extends?: unknown}).extends
        : undefined
    const layers: LoadedConfig['layers'] = []
    const inheritedIds = new Set<string>()
    const list =
      extendsList === undefined
        ? []
        : typeof extendsList === 'string'
          ? [extendsList]
          : Array.isArray(extendsList)
            ? extendsList
            : undefined
    if (list === undefined || !list.every((item) => typeof item === 'string')) {
      // Let validation produce the message.
      validateConfig(raw, file)
    }

    for (const entry of list ?? []) {
      const preset = presetName(entry)
      if (preset) {
        layers.push({file: 'preset:' + preset, config: PRESETS[preset]()})
        continue
      }

      if (!/^\.{0,2}\/|^[a-zA-Z]:[\\/]|\.(?:json|ya?ml|c?js|mjs)$|^\.fitlintrc/.test(entry)) {
        throw new ConfigError(file, 'extends', `unknown preset \`${entry}\``, 'use "recommended", "strict", "publisher", or a path like "./base.fitlintrc.json"')
      }

      const target = path.resolve(path.dirname(file), entry)
      if (!(await isFile(target))) {
        throw new ConfigError(file, 'extends', `cannot find \`${entry}\` (looked at ${target})`)
      }

      const chain = await this.loadChain(target, [...seen, file])
      for (const layer of chain.layers) {
        for (const custom of layer.config.customRules ?? []) inheritedIds.add(custom.id)
      }

      layers.push(...chain.layers)
    }

    const config = validateConfig(raw, file, inheritedIds)
    layers.push({file, config})
    return {file, layers}
  }

  private async read(file: string): Promise<unknown> {
    const base = path.basename(file)
    const extension = path.extname(file)
    if (extension === '.js' || extension === '.cjs' || extension === '.mjs') {
      if (!this.allowJs) {
        throw new ConfigError(
          file,
          undefined,
          'JavaScript config files are not loaded here (the workspace is not trusted)',
          'trust the workspace, or use .fitlintrc.json / .fitlintrc.yaml'
        )
      }

      try {
        const url = pathToFileURL(file)
        url.searchParams.set('t', String((await fs.promises.stat(file)).mtimeMs))
        const module = (await importModule(url.href)) as {default?: unknown}
        return module.default ?? module
      } catch (error) {
        throw new ConfigError(file, undefined, `cannot load JavaScript config: ${(error as Error).message}`)
      }
    }

    let text: string
    try {
      text = stripBom(await fs.promises.readFile(file, 'utf8'))
    } catch (error) {
      throw new ConfigError(file, undefined, `cannot read config: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }

    if (base === 'package.json') {
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch (error) {
        throw new ConfigError(file, undefined, `invalid JSON: ${jsonError(text, error as Error)}`, 'this package.json has a `fitlint` field, so fitlint reads it; fix the JSON')
      }

      return (data as Record<string, unknown>).fitlint
    }

    if (extension === '.yaml' || extension === '.yml') {
      try {
        return parseYaml(text, {prettyErrors: true}) ?? {}
      } catch (error) {
        throw new ConfigError(file, undefined, `invalid YAML: ${String((error as Error).message).split('\n')[0]}`)
      }
    }

    // `.fitlintrc` and `.json`: JSON (comments are not allowed).
    if (text.trim() === '') return {}
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new ConfigError(file, undefined, `invalid JSON: ${jsonError(text, error as Error)}`, base === '.fitlintrc' ? '`.fitlintrc` is JSON; use `.fitlintrc.yaml` for YAML' : undefined)
    }
  }
}

/** A JSON.parse error with a line and column. */
function jsonError(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message)
  if (!match) return error.message
  const offset = Number(match[1])
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile()
  } catch {
    return false
  }
}

/**
 * The `fitlint` field of a package.json. A package.json that is not valid
 * JSON but seems to have the field gives `BROKEN`, so loading it reports the
 * JSON error (rather than silently using another config).
 */
async function readPackageField(file: string): Promise<unknown> {
  let text: string
  try {
    text = stripBom(await fs.promises.readFile(file, 'utf8'))
  } catch {
    return undefined
  }

  try {
    const data = JSON.parse(text) as unknown
    return data && typeof data === 'object' ? (data as Record<string, unknown>).fitlint : undefined
  } catch {
    // A broken package.json without our field is not our business.
    return /"fitlint"\s*:/.test(text) ? BROKEN : undefined
  }
}

const BROKEN = Symbol('broken package.json')

/** Editors on Windows start UTF-8 files with a byte order mark; JSON.parse and friends do not skip it. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
