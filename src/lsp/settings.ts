/**
 * Language server settings: from `initializationOptions`, then from
 * `workspace/didChangeConfiguration` or the `fitlint` configuration section.
 * Bad values are reported and ignored, never fatal.
 *
 * Workspace trust is NOT a setting: it only comes from
 * `initializationOptions.trusted`, so a workspace's own settings file cannot
 * trust itself.
 */
import type {SeveritySetting} from '../engine/rule.js'

export type TraceLevel = 'off' | 'messages' | 'verbose'

export interface ServerSettings {
  /** Lint at all. */
  enable: boolean
  /** Rule severity overrides, like `--rule id=severity`. */
  rules: Record<string, SeveritySetting>
  /** Server-side logging of lint runs (timings, config reloads). */
  trace: TraceLevel
  /** Milliseconds to wait after an edit before linting. */
  debounce: number
  /** Documents longer than this (in characters) are not linted as you type. */
  maxFileSize: number
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  rules: {},
  trace: 'off',
  debounce: 200,
  maxFileSize: 2_000_000
}

const SEVERITIES: Record<string, SeveritySetting> = {
  off: 'off',
  on: 'on',
  info: 'info',
  information: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  '0': 'off',
  '1': 'warn',
  '2': 'error'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Merge `raw` (an object with any of the setting keys) over `base`.
 * `warn` receives one line per ignored value.
 */
export function mergeSettings(
  base: ServerSettings,
  raw: unknown,
  warn: (message: string) => void
): ServerSettings {
  const result: ServerSettings = {...base, rules: {...base.rules}}
  if (raw === undefined || raw === null) return result
  if (!isObject(raw)) {
    warn(`fitlint settings: expected an object, got ${typeof raw}`)
    return result
  }

  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') result.enable = raw.enable
    else warn('fitlint settings: `enable` must be true or false')
  }

  if (raw.rules !== undefined && raw.rules !== null) {
    if (isObject(raw.rules)) {
      // A new `rules` object replaces the previous one (settings are whole).
      result.rules = {}
      for (const [id, value] of Object.entries(raw.rules)) {
        const severity = typeof value === 'string' || typeof value === 'number' ? SEVERITIES[String(value).toLowerCase()] : undefined
        if (severity) result.rules[id] = severity
        else warn(`fitlint settings: \`rules.${id}\`: use "off", "info", "warn" or "error"`)
      }
    } else {
      warn('fitlint settings: `rules` must be an object of rule id → severity')
    }
  }

  // VS Code nests it: `fitlint.trace.server`.
  const trace = isObject(raw.trace) ? raw.trace.server : raw.trace
  if (trace !== undefined) {
    if (trace === 'off' || trace === 'messages' || trace === 'verbose') result.trace = trace
    else warn('fitlint settings: `trace` must be "off", "messages" or "verbose"')
  }

  if (raw.debounce !== undefined) {
    if (typeof raw.debounce === 'number' && Number.isFinite(raw.debounce) && raw.debounce >= 0) {
      result.debounce = Math.min(raw.debounce, 10_000)
    } else {
      warn('fitlint settings: `debounce` must be a number of milliseconds')
    }
  }

  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) {
      result.maxFileSize = raw.maxFileSize
    } else {
      warn('fitlint settings: `maxFileSize` must be a positive number of characters')
    }
  }

  return result
}

/** Whether two settings give the same lint results (ignoring trace). */
export function sameLintSettings(a: ServerSettings, b: ServerSettings): boolean {
  return (
    a.enable === b.enable &&
    a.maxFileSize === b.maxFileSize &&
    JSON.stringify(Object.entries(a.rules).sort()) === JSON.stringify(Object.entries(b.rules).sort())
  )
}
