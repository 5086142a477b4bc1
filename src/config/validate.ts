/**
 * Validate a config object read from one file. Every problem names the file,
 * the key path, and a hint; nothing is silently ignored.
 */
import picomatch from 'picomatch'
import {ruleById} from '../../rules/index.js'
import type {OptionSpec, SeveritySetting} from '../engine/rule.js'
import {parsePhrase, compilePhrases} from '../language/phrases.js'
import {checkPatternSafety} from '../language/safe-regex.js'
import {checkPolynomialBacktracking} from './regex-safety.js'
import {ConfigError, didYouMean} from './errors.js'
import type {
  CustomRuleConfig,
  FitlintConfig,
  OverrideConfig,
  RuleEntry,
  RuleSetting
} from './types.js'

const TOP_LEVEL_KEYS = [
  '$schema',
  'extends',
  'rules',
  'settings',
  'overrides',
  'phrases',
  'accept',
  'customRules'
]

export const SETTINGS_SPEC: Record<string, OptionSpec> = {
  siteDisclaimer: {
    type: 'boolean',
    description: 'The site template adds a medical disclaimer to every page.'
  },
  affiliateDisclosureTemplate: {
    type: 'enum',
    values: ['top', 'none'],
    description: 'The site template adds an affiliate disclosure at the top of every page.'
  },
  audience: {
    type: 'enum',
    values: ['general', 'clinicians'],
    description: 'Who reads the site; `clinicians` silences consumer cautions.'
  }
}

const OVERRIDE_KEYS = ['files', 'excludedFiles', 'rules', 'settings']
const CUSTOM_RULE_KEYS = [
  'id',
  'phrases',
  'pattern',
  'message',
  'note',
  'replace',
  'severity',
  'unlessSectionMentions',
  'unlessDocumentMentions',
  'ifDocumentMentions'
]

const SEVERITIES: Record<string, SeveritySetting> = {
  off: 'off',
  on: 'on',
  info: 'info',
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

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} \`${String(value)}\``
}

function checkKeys(
  file: string,
  path: string,
  value: Record<string, unknown>,
  known: string[]
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const guess = didYouMean(key, known.filter((k) => k !== '$schema'))
      throw new ConfigError(
        file,
        path ? `${path}.${key}` : key,
        'unknown key',
        guess ? `did you mean \`${guess}\`?` : `allowed keys: ${known.filter((k) => k !== '$schema').join(', ')}`
      )
    }
  }
}

function stringList(file: string, path: string, value: unknown, allowString = false): string[] {
  if (allowString && typeof value === 'string') return [value]
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new ConfigError(
      file,
      path,
      `expected ${allowString ? 'a string or ' : ''}a list of strings, got ${describe(value)}`
    )
  }

  return value as string[]
}

export function parseSeverity(file: string, path: string, value: unknown): SeveritySetting {
  const severity = SEVERITIES[String(value)]
  if (severity === undefined || (typeof value !== 'string' && typeof value !== 'number')) {
    throw new ConfigError(
      file,
      path,
      `invalid severity ${describe(value)}`,
      'use one of "off", "info", "warn", "error" (or "on" for the rule’s own severities)'
    )
  }

  return severity
}

function checkOptions(
  file: string,
  path: string,
  value: unknown,
  spec: Record<string, OptionSpec>
): void {
  if (!isObject(value)) {
    throw new ConfigError(file, path, `expected an object of options, got ${describe(value)}`)
  }

  const known = Object.keys(spec)
  for (const [key, option] of Object.entries(value)) {
    const optionSpec = spec[key]
    if (!optionSpec) {
      const guess = didYouMean(key, known)
      throw new ConfigError(
        file,
        `${path}.${key}`,
        'unknown option',
        guess
          ? `did you mean \`${guess}\`?`
          : known.length > 0
            ? `options: ${known.join(', ')}`
            : 'this rule takes no options'
      )
    }

    checkOption(file, `${path}.${key}`, option, optionSpec)
  }
}

function checkOption(file: string, path: string, value: unknown, spec: OptionSpec): void {
  const fail = (expected: string): never => {
    throw new ConfigError(file, path, `expected ${expected}, got ${describe(value)}`, spec.description)
  }

  switch (spec.type) {
    case 'boolean': {
      if (typeof value !== 'boolean') fail('true or false')
      break
    }

    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail('a non-negative number')
      break
    }

    case 'string': {
      if (typeof value !== 'string') fail('a string')
      break
    }

    case 'string[]': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) fail('a list of strings')
      break
    }

    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object of lists of strings')
      for (const [key, list] of Object.entries(value as Record<string, unknown>)) {
        if (spec.keys && !spec.keys.includes(key)) {
          const guess = didYouMean(key, spec.keys)
          throw new ConfigError(file, `${path}.${key}`, 'unknown key', guess ? `did you mean \`${guess}\`?` : `keys: ${spec.keys.join(', ')}`)
        }

        if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
          throw new ConfigError(file, `${path}.${key}`, `expected a list of strings, got ${describe(list)}`, spec.description)
        }
      }

      break
    }

    case 'enum': {
      if (typeof value !== 'string' || !spec.values?.includes(value)) {
        fail(`one of ${(spec.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`)
      }

      break
    }
  }
}

/** Parse one rule entry. `customIds` are ids defined by custom rules. */
export function parseRuleEntry(
  file: string,
  path: string,
  ruleId: string,
  entry: unknown,
  customIds: Set<string>
): RuleSetting {
  const rule = ruleById.get(ruleId)
  if (!rule && !customIds.has(ruleId)) {
    const guess = didYouMean(ruleId, [...ruleById.keys(), ...customIds])
    throw new ConfigError(
      file,
      path,
      `unknown rule id \`${ruleId}\``,
      guess ? `did you mean \`${guess}\`?` : `known rules: ${[...ruleById.keys()].join(', ')}`
    )
  }

  let severityValue: unknown = entry
  let options: Record<string, unknown> = {}
  if (Array.isArray(entry)) {
    if (entry.length === 0 || entry.length > 2) {
      throw new ConfigError(file, path, 'expected `severity` or `[severity, {options}]`')
    }

    severityValue = entry[0]
    if (entry.length === 2) {
      checkOptions(file, `${path}[1]`, entry[1], rule?.options ?? {})
      options = entry[1] as Record<string, unknown>
    }
  }

  return {severity: parseSeverity(file, Array.isArray(entry) ? `${path}[0]` : path, severityValue), options}
}

function checkGlobs(file: string, path: string, value: unknown): string[] {
  const globs = stringList(file, path, value, true)
  if (globs.length === 0) throw new ConfigError(file, path, 'expected at least one glob')
  globs.forEach((glob, index) => {
    const problem = globProblem(glob)
    if (problem) {
      throw new ConfigError(file, `${path}${Array.isArray(value) ? `[${index}]` : ''}`, `invalid glob \`${glob}\`: ${problem}`, 'globs look like `posts/**/*.md` or `*.html`')
    }
  })
  return globs
}

/** Why a glob is broken, if it is. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'empty pattern'
  let depth = 0
  let brace = 0
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index)
    if (char === '\\') {
      index++
      continue
    }

    if (char === '[') depth++
    else if (char === ']' && depth > 0) depth--
    else if (char === '{') brace++
    else if (char === '}') brace--
    if (brace < 0) return 'unbalanced `}`'
  }

  if (depth > 0) return 'unclosed `[`'
  if (brace > 0) return 'unclosed `{`'
  try {
    picomatch.makeRe(glob)
  } catch (error) {
    return String((error as Error).message)
  }

  return undefined
}

const PHRASE_HINT =
  'phrases use fitlint’s phrase syntax: `(a|b)` alternatives, `[a]` optional words, `*` any word, `#` a number; use `pattern` for a regular expression'

/**
 * Compile custom rule phrases as the rule will (no named word lists), so a
 * bad phrase is a config error here, not an internal error in every file.
 */
function checkPhrases(file: string, path: string, phrases: string[]): void {
  phrases.forEach((phrase, index) => {
    try {
      parsePhrase(phrase, {})
    } catch (error) {
      throw new ConfigError(file, `${path}[${index}]`, (error as Error).message, PHRASE_HINT)
    }
  })

  try {
    compilePhrases(phrases, {}, 'iu')
  } catch (error) {
    throw new ConfigError(file, path, `cannot compile these phrases: ${(error as Error).message}`, PHRASE_HINT)
  }
}

function checkCustomRule(file: string, path: string, value: unknown): CustomRuleConfig {
  if (!isObject(value)) throw new ConfigError(file, path, `expected an object, got ${describe(value)}`)
  checkKeys(file, path, value, CUSTOM_RULE_KEYS)
  const id = value.id
  if (typeof id !== 'string' || !/^[a-z][a-z\d]*(?:[-/][a-z\d]+)*$/.test(id)) {
    throw new ConfigError(file, `${path}.id`, `expected a kebab-case id, got ${describe(id)}`, 'e.g. "house/no-bro-science"')
  }

  if (ruleById.has(id)) {
    throw new ConfigError(file, `${path}.id`, `\`${id}\` is a built-in rule id`, 'pick another id, e.g. "house/' + id + '"')
  }

  if (typeof value.message !== 'string' || value.message.trim() === '') {
    throw new ConfigError(file, `${path}.message`, 'expected the message to show (a non-empty string)')
  }

  if (value.phrases === undefined && value.pattern === undefined) {
    throw new ConfigError(file, path, 'a custom rule needs `phrases` or `pattern`')
  }

  if (value.phrases !== undefined) {
    const phrases = stringList(file, `${path}.phrases`, value.phrases)
    if (phrases.length === 0 || phrases.some((phrase) => phrase.trim() === '')) {
      throw new ConfigError(file, `${path}.phrases`, 'expected non-empty phrases')
    }

    checkPhrases(file, `${path}.phrases`, phrases)
  }

  if (value.pattern !== undefined) {
    if (typeof value.pattern !== 'string') {
      throw new ConfigError(file, `${path}.pattern`, `expected a regular expression string, got ${describe(value.pattern)}`)
    }

    try {
      new RegExp(value.pattern, 'iu')
    } catch (error) {
      throw new ConfigError(file, `${path}.pattern`, `invalid regular expression: ${(error as Error).message}`)
    }

    const unsafe = checkPatternSafety(value.pattern)
    if (unsafe) {
      throw new ConfigError(file, `${path}.pattern`, `unsafe regular expression: ${unsafe}`, 'avoid nested quantifiers like `(a+)+` and back-references; use `phrases` for plain text')
    }

    const slow = checkPolynomialBacktracking(value.pattern, 'iu')
    if (slow) {
      throw new ConfigError(file, `${path}.pattern`, `unsafe regular expression: ${slow.reason}`, slow.hint)
    }
  }

  if (value.note !== undefined && typeof value.note !== 'string') {
    throw new ConfigError(file, `${path}.note`, `expected a string, got ${describe(value.note)}`)
  }

  if (value.replace !== undefined) stringList(file, `${path}.replace`, value.replace)
  if (value.severity !== undefined) {
    const severity = parseSeverity(file, `${path}.severity`, value.severity)
    if (severity === 'off' || severity === 'on') {
      throw new ConfigError(file, `${path}.severity`, 'expected "info", "warn" or "error"')
    }

    value.severity = severity
  }

  for (const key of ['unlessSectionMentions', 'unlessDocumentMentions', 'ifDocumentMentions']) {
    if (value[key] !== undefined) checkPhrases(file, `${path}.${key}`, stringList(file, `${path}.${key}`, value[key]))
  }

  return value as unknown as CustomRuleConfig
}

function checkSettings(file: string, path: string, value: unknown): void {
  if (!isObject(value)) throw new ConfigError(file, path, `expected an object, got ${describe(value)}`)
  checkOptions(file, path, value, SETTINGS_SPEC)
}

/**
 * Validate the structure of one config file. Rule ids are checked here
 * against built-in rules and the custom rules this file defines; ids of custom
 * rules defined in an extended config are accepted too (`inheritedCustomIds`).
 */
export function validateConfig(
  raw: unknown,
  file: string,
  inheritedCustomIds: Set<string> = new Set()
): FitlintConfig {
  if (!isObject(raw)) {
    throw new ConfigError(file, undefined, `expected a config object, got ${describe(raw)}`)
  }

  checkKeys(file, '', raw, TOP_LEVEL_KEYS)

  if (raw.extends !== undefined) stringList(file, 'extends', raw.extends, true)

  const customIds = new Set(inheritedCustomIds)
  if (raw.customRules !== undefined) {
    if (!Array.isArray(raw.customRules)) {
      throw new ConfigError(file, 'customRules', `expected a list of custom rules, got ${describe(raw.customRules)}`)
    }

    raw.customRules.forEach((rule, index) => {
      const custom = checkCustomRule(file, `customRules[${index}]`, rule)
      if (customIds.has(custom.id) && !inheritedCustomIds.has(custom.id)) {
        throw new ConfigError(file, `customRules[${index}].id`, `duplicate custom rule id \`${custom.id}\``)
      }

      customIds.add(custom.id)
    })
  }

  const checkRules = (path: string, rules: unknown): void => {
    if (!isObject(rules)) throw new ConfigError(file, path, `expected an object of rule ids, got ${describe(rules)}`)
    for (const [ruleId, entry] of Object.entries(rules)) {
      parseRuleEntry(file, `${path}.${ruleId}`, ruleId, entry as RuleEntry, customIds)
    }
  }

  if (raw.rules !== undefined) checkRules('rules', raw.rules)
  if (raw.settings !== undefined) checkSettings(file, 'settings', raw.settings)

  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) {
      throw new ConfigError(file, 'overrides', `expected a list of overrides, got ${describe(raw.overrides)}`)
    }

    raw.overrides.forEach((override: unknown, index) => {
      const path = `overrides[${index}]`
      if (!isObject(override)) throw new ConfigError(file, path, `expected an object, got ${describe(override)}`)
      checkKeys(file, path, override, OVERRIDE_KEYS)
      if (override.files === undefined) {
        throw new ConfigError(file, `${path}.files`, 'missing `files`', 'e.g. "files": ["reviews/**"]')
      }

      checkGlobs(file, `${path}.files`, override.files)
      if (override.excludedFiles !== undefined) checkGlobs(file, `${path}.excludedFiles`, override.excludedFiles)
      if (override.rules !== undefined) checkRules(`${path}.rules`, override.rules)
      if (override.settings !== undefined) checkSettings(file, `${path}.settings`, override.settings)
    })
  }

  if (raw.phrases !== undefined) {
    if (!isObject(raw.phrases)) throw new ConfigError(file, 'phrases', `expected an object keyed by rule id, got ${describe(raw.phrases)}`)
    for (const [ruleId, changes] of Object.entries(raw.phrases)) {
      const path = `phrases.${ruleId}`
      const rule = ruleById.get(ruleId)
      if (!rule) {
        const guess = didYouMean(ruleId, ruleById.keys())
        throw new ConfigError(file, path, `unknown rule id \`${ruleId}\``, guess ? `did you mean \`${guess}\`?` : undefined)
      }

      if (!rule.compile) throw new ConfigError(file, path, `rule \`${ruleId}\` has no phrase data to change`)
      if (!isObject(changes)) throw new ConfigError(file, path, `expected {"add": {...}, "remove": [...]}, got ${describe(changes)}`)
      checkKeys(file, path, changes, ['add', 'remove'])
      if (changes.remove !== undefined) stringList(file, `${path}.remove`, changes.remove)
      if (changes.add !== undefined) {
        if (!isObject(changes.add)) throw new ConfigError(file, `${path}.add`, `expected an object of group → phrases, got ${describe(changes.add)}`)
        for (const [group, list] of Object.entries(changes.add)) {
          stringList(file, `${path}.add.${group}`, list)
        }
      }

      try {
        rule.compile(changes as never)
      } catch (error) {
        throw new ConfigError(file, path, (error as Error).message)
      }
    }
  }

  if (raw.accept !== undefined) stringList(file, 'accept', raw.accept)

  return raw as FitlintConfig
}

export type {OverrideConfig}
