/**
 * The configuration file shape (`.fitlintrc*`, `package.json#fitlint`) and
 * the resolved form rules see.
 */
import type {PhraseChanges, Settings, Severity, SeveritySetting} from '../engine/rule.js'

/** `"warn"`, `["error", {options}]`, or ESLint-style numbers 0/1/2. */
export type RuleEntry =
  | SeveritySetting
  | 0
  | 1
  | 2
  | [SeveritySetting | 0 | 1 | 2]
  | [SeveritySetting | 0 | 1 | 2, Record<string, unknown>]

export interface CustomRuleConfig {
  id: string
  /** Phrases (plain text, case-insensitive, whole words) that trigger it. */
  phrases?: string[]
  /** Regular expression source (checked for safety) that triggers it. */
  pattern?: string
  message: string
  note?: string
  /** Suggested replacement(s). */
  replace?: string[]
  severity?: Severity
  /** Only fire when the sentence's section does NOT mention one of these. */
  unlessSectionMentions?: string[]
  /** Only fire when the document does NOT mention one of these. */
  unlessDocumentMentions?: string[]
  /** Only fire when the document DOES mention one of these. */
  ifDocumentMentions?: string[]
}

export interface OverrideConfig {
  files: string | string[]
  excludedFiles?: string | string[]
  rules?: Record<string, RuleEntry>
  settings?: Settings
}

export interface FitlintConfig {
  /** Presets (`recommended`, `strict`, `publisher`) or paths to other configs. */
  extends?: string | string[]
  rules?: Record<string, RuleEntry>
  settings?: Settings
  overrides?: OverrideConfig[]
  /** Add or remove phrases of a rule's data, per rule id. */
  phrases?: Record<string, PhraseChanges>
  /** Words and phrases that never trigger a message. */
  accept?: string[]
  /** House rules: phrase → message. */
  customRules?: CustomRuleConfig[]
}

export interface RuleSetting {
  severity: SeveritySetting
  options: Record<string, unknown>
}

/** Config for one file, after presets, extends and overrides. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>
  settings: Settings
  phrases: Record<string, PhraseChanges>
  accept: string[]
  customRules: CustomRuleConfig[]
  /** The config files that made this up (for `--print-config`, caching). */
  sources: string[]
}
