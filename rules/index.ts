/**
 * The built-in rules, in catalog order.
 */
import type {Rule} from '../src/engine/rule.js'
import {rule as affiliateDisclosure} from './affiliate-disclosure/index.js'
import {rule as cautionRequired} from './caution-required/index.js'
import {rule as medicalDisclaimer} from './medical-disclaimer/index.js'
import {rule as overclaim} from './overclaim/index.js'
import {rule as redFlagSymptom} from './red-flag-symptom/index.js'
import {rule as reviewMetadata} from './review-metadata/index.js'
import {rule as sourceQuality} from './source-quality/index.js'
import {rule as supplementDisclaimer} from './supplement-disclaimer/index.js'
import {rule as uncitedClaim} from './uncited-claim/index.js'
import {rule as unsafeAdvice} from './unsafe-advice/index.js'

export const builtinRules: Rule[] = [
  medicalDisclaimer as Rule,
  uncitedClaim,
  unsafeAdvice,
  redFlagSymptom,
  overclaim,
  affiliateDisclosure,
  supplementDisclaimer as Rule,
  cautionRequired,
  sourceQuality as Rule,
  reviewMetadata as Rule
]

export const ruleById = new Map<string, Rule>(builtinRules.map((rule) => [rule.id, rule]))
