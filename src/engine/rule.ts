/**
 * What a rule is: an id, a default severity, docs, and a pure function over
 * the Article that reports problems through its context.
 */
import type {Article} from '../article/types.js'

export type Severity = 'error' | 'warn' | 'info'
/** In config: a severity, `off`, or `on` (the rule's own severities). */
export type SeveritySetting = Severity | 'off' | 'on'

export const SEVERITY_FATAL: Record<Severity, boolean | undefined> = {
  error: true,
  warn: false,
  info: undefined
}

export interface Report {
  /** Source offsets of the flagged sentence or phrase. */
  start: number
  end: number
  reason: string
  note?: string
  /** Suggested replacement text(s): editors turn these into quick fixes. */
  expected?: string[]
  /** The flagged text, when it is a phrase. */
  actual?: string
  /** Severity of this message when the user has not forced one. */
  severity?: Severity
  /** Sub-group of the rule (`U3`, `O4`...), for docs and filtering. */
  group?: string
  /** Where `expected` goes: replace `actual` (default) or insert text. */
  fix?: {kind: 'replace' | 'insert-before' | 'insert-after' | 'insert-document-start'}
}

/** Global settings shared by rules (config `settings`). */
export interface Settings {
  /** The site template adds a medical disclaimer to every page. */
  siteDisclaimer?: boolean
  /** The site template adds an affiliate disclosure at the top of every page. */
  affiliateDisclosureTemplate?: 'top' | 'none'
  /** Readers are clinicians (`caution-required` stays quiet). */
  audience?: 'general' | 'clinicians'
  [key: string]: unknown
}

export interface RuleContext<Options = Record<string, unknown>> {
  article: Article
  options: Options
  settings: Settings
  /** The rule's compiled phrase data (built-in data plus config additions). */
  data: unknown
  /** Words and phrases the user accepts: never flagged. */
  isAccepted(text: string): boolean
  report(report: Report): void
}

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string
}

export interface Rule<Options = Record<string, unknown>> {
  id: string
  /** Default severity of the rule (its most common message). */
  severity: Severity
  scope: 'document' | 'sentence'
  docs: RuleDocs
  /** Names and types of the options the rule accepts, for validation. */
  options?: Record<string, OptionSpec>
  /** Compile the rule's phrase data (with config additions) once. */
  compile?(additions: PhraseChanges | undefined): unknown
  check(context: RuleContext<Options>): void
}

export interface OptionSpec {
  /** `object`: an object whose values are lists of strings, keys from `keys`. */
  type: 'boolean' | 'number' | 'string' | 'string[]' | 'enum' | 'object'
  values?: string[]
  keys?: string[]
  description: string
}

/** Config changes to a rule's phrase data: `{add: {...}, remove: [...]}`. */
export interface PhraseChanges {
  add?: Record<string, string[]>
  remove?: string[]
}
