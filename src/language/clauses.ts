/**
 * Split a sentence into clauses: the unit negation, hedges and imperatives
 * are scoped to. Boundaries are semicolons, colons, dashes, and a comma
 * before a conjunction or after a leading subordinate clause ("If it hurts,
 * stop.").
 */

export interface Clause {
  start: number
  end: number
  text: string
  /** The conjunction or subordinator that opens the clause, lower case. */
  opener?: string
}

const SUBORDINATORS = new Set([
  'if',
  'when',
  'whenever',
  'once',
  'after',
  'before',
  'until',
  'unless',
  'while',
  'since',
  'because',
  'although',
  'though',
  'even',
  'as',
  'for',
  'during',
  'on',
  'in',
  'with',
  'without',
  'at',
  'by',
  'to',
  'after',
  'before'
])

const BOUNDARY =
  /\s*(?:;|:(?!\d)|\s[—–]\s|\s--\s|—|\s(?=but\s)|,\s*(?=(?:it|this|that|they|these|those)\s+\p{L}+s\b)|,\s*(?=(?:but|and|so|or|yet|because|which|while|whereas|although|though|since|then|unless|until|otherwise|instead|meaning|as long as|even if|even though|just|especially|except|rather than)\b))\s*/giu

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = []
  let from = 0
  BOUNDARY.lastIndex = 0
  let match: RegExpExecArray | null
  const cuts: Array<[number, number]> = []
  while ((match = BOUNDARY.exec(text))) {
    if (match[0].length === 0) {
      BOUNDARY.lastIndex++
      continue
    }

    cuts.push([match.index, match.index + match[0].length])
  }

  // A subordinate clause ("If it hurts, stop") ends at its first comma,
  // at the start of the sentence or of any clause.
  const starts = [0, ...cuts.map(([, cutEnd]) => cutEnd)]
  for (const from of starts) {
    // "And if it swells up, skip…": a leading conjunction before the subordinator.
    const firstWord = /^\W*(?:(?:and|but|so|or|then|also|now|plus)\s+)?([\p{L}']+)/iu.exec(text.slice(from))?.[1]?.toLowerCase()
    if (!firstWord || !SUBORDINATORS.has(firstWord)) continue
    const nextCut = cuts.find(([cutStart]) => cutStart > from)?.[0] ?? text.length
    const comma = text.indexOf(', ', from)
    if (comma !== -1 && comma < nextCut && !cuts.some(([a, b]) => a <= comma && comma < b)) {
      cuts.push([comma, comma + 2])
    }
  }

  cuts.sort((a, b) => a[0] - b[0])

  for (const [cutStart, cutEnd] of cuts) {
    if (cutStart > from) push(text, clauses, from, cutStart)
    from = cutEnd
  }

  if (from < text.length) push(text, clauses, from, text.length)
  return clauses
}

function push(text: string, clauses: Clause[], start: number, end: number): void {
  const slice = text.slice(start, end)
  if (slice.trim() === '') return
  const opener = /^\s*(but|and|so|or|yet|because|which|while|whereas|although|though|since|then|unless|until|otherwise|if|when|once|after|before)\b/i.exec(
    slice
  )?.[1]
  clauses.push({start, end, text: slice, opener: opener?.toLowerCase()})
}

/** The clause containing `offset`. */
export function clauseAt(clauses: Clause[], offset: number): Clause | undefined {
  for (const clause of clauses) {
    if (offset >= clause.start && offset < clause.end) return clause
  }

  return clauses[clauses.length - 1]
}
