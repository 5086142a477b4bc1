/**
 * Reference markers written in prose: `[3]`, `[2, 5]`, `(Smith et al., 2019)`,
 * `Lake & Lauder (2012)`, `doi:10.…`, `PMID 123456`. Links and footnote
 * references are citations too; they come from the tree, not from text.
 */
import type {CitationKind} from './types.js'

export interface TextCitation {
  kind: CitationKind
  start: number
  end: number
  value: string
}

const NAME = String.raw`(?:(?:van|von|de|der|den|da|di|du|le|la|del|dos|das|ten|ter)\s+){0,3}\p{Lu}[\p{L}'’\-]{1,30}`
const YEAR = String.raw`(?:1[89]|20)\d\d[a-z]?`
const AUTHORS = String.raw`${NAME}(?:\s+et\s+al\.?|\s+(?:&|and)\s+${NAME}|,\s+${NAME},?\s+(?:&|and)\s+${NAME})?`

const PATTERNS: Array<[CitationKind, RegExp]> = [
  ['bracket', /\[\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,10}\]/g],
  [
    'author-year',
    new RegExp(
      String.raw`\((?:see\s+|e\.g\.,?\s+|cf\.\s+)?${AUTHORS},?\s+${YEAR}(?:\s*[;,]\s*(?:${AUTHORS},?\s+)?${YEAR}){0,8}\)`,
      'gu'
    )
  ],
  // Narrative form: `Lake & Lauder (2012)`, `Smith et al. (2019)`, or a single
  // name followed by a reporting verb (`Nielsen (2014) found`), so that
  // `Guide (2024)` in a title is not a citation.
  [
    'author-year',
    new RegExp(
      String.raw`${NAME}(?:\s+et\s+al\.?|\s+(?:&|and)\s+${NAME})\s+\(${YEAR}\)|${NAME}\s+\(${YEAR}\)\s+(?:found|showed|shows|reported|observed|concluded|noted|demonstrated|suggested|argued|measured)\b`,
      'gu'
    )
  ],
  ['doi', /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)10\.\d{4,9}\/[^\s"<>]+/gi],
  ['pmid', /\b(?:PMID|PMCID):?\s*(?:PMC)?\d{4,9}\b/g],
  // A bare URL in plain text (Markdown and HTML links come from the tree).
  ['link', /\bhttps?:\/\/[^\s)<>\]]+/g]
]

export function findTextCitations(text: string): TextCitation[] {
  const found: TextCitation[] = []
  // Cheap pre-check: every pattern needs a bracket, a year or an id.
  if (!/[[(]|doi|PMC?ID|https?:/i.test(text)) return found
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(text))) {
      found.push({
        kind,
        start: match.index,
        end: match.index + match[0].length,
        value: match[0]
      })
    }
  }

  return found
}
