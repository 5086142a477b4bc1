/**
 * Built-in presets, usable in `extends`:
 * - `recommended` (the default): every rule on, at the severities of the
 *   rules catalog (each rule's own per-message severities).
 * - `strict`: every rule on; anything below error becomes an error, so a
 *   warning fails CI.
 * - `publisher`: house defaults for editorial teams: the site template is
 *   assumed to add the medical disclaimer, and review metadata is an error.
 */
import {builtinRules} from '../../rules/index.js'
import type {FitlintConfig} from './types.js'

function allRules(severity: 'on' | 'error'): Record<string, 'on' | 'error'> {
  const rules: Record<string, 'on' | 'error'> = {}
  for (const rule of builtinRules) rules[rule.id] = severity
  return rules
}

export const PRESETS: Record<string, () => FitlintConfig> = {
  recommended: () => ({rules: allRules('on')}),
  strict: () => ({rules: allRules('error')}),
  publisher: () => {
    const rules: FitlintConfig['rules'] = allRules('on')
    if (builtinRules.some((rule) => rule.id === 'review-metadata')) {
      rules['review-metadata'] = 'error'
    }

    return {
      rules,
      settings: {siteDisclaimer: true}
    }
  }
}

export function presetName(value: string): string | undefined {
  const name = value.replace(/^fitlint:/, '')
  return Object.hasOwn(PRESETS, name) ? name : undefined
}
