/**
 * Score fitlint against a labeled corpus (format: ../shared/corpus/dev/README.md).
 *
 * Sentence rules: a finding matches a label with the same rule whose range it
 * overlaps. An uncited-claim finding on a sentence labeled overclaim or
 * unsafe-advice is optional (neither hit nor false alarm). Document rules:
 * `medical-disclaimer` should fire exactly when `needsDisclaimer &&
 * !hasDisclaimer`; `affiliate-disclosure` exactly when
 * `needsAffiliateDisclosure && !hasAffiliateDisclosure`.
 */

export const SENTENCE_RULES = ['uncited-claim', 'unsafe-advice', 'red-flag-symptom', 'overclaim'] as const
export const DOCUMENT_RULES = ['medical-disclaimer', 'affiliate-disclosure'] as const

export interface Labels {
  topic?: string
  needsDisclaimer: boolean
  hasDisclaimer: boolean
  needsAffiliateDisclosure: boolean
  hasAffiliateDisclosure: boolean
  findings: Array<{rule: string; quote: string}>
  notes?: string
}

export interface Finding {
  rule: string
  start: number
  end: number
  reason: string
  /** The flagged phrase, when the message has one. */
  actual?: string
}

export interface FileScore {
  file: string
  /** Per sentence rule: true positives (findings), matched labels, all findings, all labels. */
  rules: Record<string, {tp: number; fp: number; matched: number; labels: number}>
  misses: Array<{rule: string; quote: string}>
  falseAlarms: Array<{rule: string; text: string; reason: string; actual?: string}>
  documents: Record<string, {expected: boolean; fired: boolean}>
  problems: string[]
}

export function scoreFile(file: string, text: string, labels: Labels, findings: Finding[]): FileScore {
  const score: FileScore = {file, rules: {}, misses: [], falseAlarms: [], documents: {}, problems: []}
  for (const rule of SENTENCE_RULES) score.rules[rule] = {tp: 0, fp: 0, matched: 0, labels: 0}

  const ranges = labels.findings.map((label) => {
    const start = text.indexOf(label.quote)
    if (start === -1 || text.indexOf(label.quote, start + 1) !== -1) {
      score.problems.push(`quote does not occur exactly once: ${label.quote}`)
    }

    return {...label, start, end: start + label.quote.length, hit: false}
  })

  const overlaps = (a: {start: number; end: number}, b: {start: number; end: number}) =>
    a.start < b.end && b.start < a.end

  for (const finding of findings) {
    if (!(SENTENCE_RULES as readonly string[]).includes(finding.rule)) continue
    const same = ranges.filter((label) => label.rule === finding.rule && label.start !== -1 && overlaps(label, finding))
    if (same.length > 0) {
      score.rules[finding.rule].tp++
      for (const label of same) label.hit = true
      continue
    }

    if (
      finding.rule === 'uncited-claim' &&
      ranges.some((label) => (label.rule === 'overclaim' || label.rule === 'unsafe-advice') && overlaps(label, finding))
    ) {
      continue
    }

    score.rules[finding.rule].fp++
    score.falseAlarms.push({rule: finding.rule, text: text.slice(finding.start, finding.end), reason: finding.reason, actual: finding.actual})
  }

  for (const label of ranges) {
    if (!(SENTENCE_RULES as readonly string[]).includes(label.rule)) continue
    score.rules[label.rule].labels++
    if (label.hit) score.rules[label.rule].matched++
    else score.misses.push({rule: label.rule, quote: label.quote})
  }

  const fired = (rule: string) => findings.some((finding) => finding.rule === rule)
  score.documents['medical-disclaimer'] = {
    expected: labels.needsDisclaimer && !labels.hasDisclaimer,
    fired: fired('medical-disclaimer')
  }
  score.documents['affiliate-disclosure'] = {
    expected: labels.needsAffiliateDisclosure && !labels.hasAffiliateDisclosure,
    fired: fired('affiliate-disclosure')
  }
  return score
}

export interface Summary {
  rules: Record<string, {tp: number; fp: number; fn: number; precision: number; recall: number; f1: number; labels: number}>
  documents: Record<string, {tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number}>
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

export function summarize(scores: FileScore[]): Summary {
  const summary: Summary = {rules: {}, documents: {}}
  for (const rule of SENTENCE_RULES) {
    let tp = 0
    let fp = 0
    let matched = 0
    let labels = 0
    for (const score of scores) {
      tp += score.rules[rule].tp
      fp += score.rules[rule].fp
      matched += score.rules[rule].matched
      labels += score.rules[rule].labels
    }

    const precision = ratio(tp, tp + fp)
    const recall = ratio(matched, labels)
    summary.rules[rule] = {tp, fp, fn: labels - matched, precision, recall, f1: f1(precision, recall), labels}
  }

  for (const rule of DOCUMENT_RULES) {
    let tp = 0
    let fp = 0
    let fn = 0
    let tn = 0
    for (const score of scores) {
      const {expected, fired} = score.documents[rule]
      if (expected && fired) tp++
      else if (!expected && fired) fp++
      else if (expected && !fired) fn++
      else tn++
    }

    const precision = ratio(tp, tp + fp)
    const recall = ratio(tp, tp + fn)
    summary.documents[rule] = {tp, fp, fn, tn, precision, recall, f1: f1(precision, recall)}
  }

  return summary
}
