/**
 * Polynomial backtracking in custom rule patterns.
 *
 * `checkPatternSafety` (src/language/safe-regex.ts) rejects star height > 1,
 * back-references and lookarounds, but adjacent quantifiers over the same
 * characters (`\w*\w*\w*!`, `.*.*x`, `a+?a+?b`) or a quantifier inside a
 * bounded repeat (`(?:a*){3}b`, `(a+){1000}b`) backtrack in O(n^k): on one
 * 1,200-character sentence that is seconds to hours. Such patterns are
 * found with scslre (the analysis behind eslint-plugin-regexp's
 * `no-super-linear-backtracking`), a pure JavaScript check on the regex's
 * automaton, run once when the config is loaded.
 *
 * Not rejected: super-linear time that only comes from trying the pattern at
 * every position of the text (scslre's "Move", e.g. `\d+ ?mg`): that is
 * O(n²) in the sentence length, and sentences are capped at 1,200
 * characters.
 */
import {createRequire} from 'node:module'

interface Quantifier {
  raw: string
}

interface Report {
  type: 'Trade' | 'Self' | 'Move'
  exponential: boolean
  character: {pick: string}
  startQuant?: Quantifier
  endQuant?: Quantifier
  quant?: Quantifier
  parentQuant?: Quantifier
}

type Analyse = (
  literal: {source: string; flags: string},
  options: {reportTypes?: {Move?: boolean; Self?: boolean; Trade?: boolean}; maxReports?: number}
) => {reports: Report[]}

let analyse: Analyse | undefined

export interface Backtracking {
  reason: string
  hint: string
}

/** Why `pattern` (compiled with `flags`) can backtrack polynomially, and what to do; undefined when it cannot. */
export function checkPolynomialBacktracking(pattern: string, flags = 'iu'): Backtracking | undefined {
  // Loaded on first use: only configs with a custom `pattern` need it.
  analyse ??= (createRequire(import.meta.url)('scslre') as {analyse: Analyse}).analyse
  let reports: Report[]
  try {
    reports = analyse({source: pattern, flags}, {reportTypes: {Move: false, Self: true, Trade: true}, maxReports: 1}).reports
  } catch (error) {
    // The pattern compiled with RegExp; a pattern scslre cannot read is not
    // known to be safe.
    return {reason: `cannot check it for backtracking (${(error as Error).message})`, hint: 'simplify the pattern, or use `phrases`'}
  }

  const report = reports[0]
  if (!report) return undefined
  const growth = report.exponential ? 'exponentially' : 'polynomially'
  const repeated = JSON.stringify(report.character.pick.toLowerCase())
  if (report.type === 'Trade') {
    return {
      reason: `\`${report.startQuant!.raw}\` and \`${report.endQuant!.raw}\` can match the same characters and backtrack ${growth} on a long run of ${repeated}`,
      hint: 'make quantifiers next to each other match different characters (`\\w+ \\w+`, not `\\w*\\w*`; `[^,]*,`, not `.*.*,`), or use `phrases` for plain text'
    }
  }

  return {
    reason: `\`${report.quant!.raw}\` is repeated by \`${report.parentQuant!.raw}\` and can backtrack ${growth} on a long run of ${repeated}`,
    hint: 'do not repeat a group that holds a `+` or `*` (`(?:a+){3}`); write the repetition out, or use `phrases`'
  }
}
