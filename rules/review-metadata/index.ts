/**
 * review-metadata (document): a health page with front matter should say who
 * wrote it, who reviewed medical content, and when it was published,
 * updated and reviewed. Missing author (warning; error when the page names
 * red-flag symptoms), medical content without a qualified reviewer,
 * missing dates, future or impossible dates, `updated` before `published`,
 * and reviews older than `maxReviewAgeMonths`. One message per file listing
 * every problem, at the highest severity among them.
 */
import type {Article} from '../../src/article/types.js'
import type {PhraseChanges, Rule, Severity} from '../../src/engine/rule.js'
import {loadYaml} from '../../src/language/data.js'
import {pageProfile} from '../../src/language/page.js'
import {compilePhrases, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {allMatches} from '../../src/language/phrases.js'
import {sharedLexicons} from '../lexicon.js'
import {defaultRedFlagData, findRedFlag} from '../red-flag-symptom/index.js'

type KeyName = 'author' | 'authorCredentials' | 'reviewer' | 'reviewerCredentials' | 'published' | 'updated' | 'lastReviewed' | 'type' | 'exempt'

interface Data {
  keys: Record<KeyName, string[]>
  medicalCredentials: string[]
  medicalTopic: string[]
}

interface Compiled {
  keys: Record<KeyName, string[]>
  credential: RegExp
  medicalTopic: PhraseMatcher
}

export interface Options {
  maxReviewAgeMonths?: number
  /** Extra key names per field, e.g. {"author": ["contributor"]}. */
  keys?: Partial<Record<KeyName, string[]>>
  /** Date to judge staleness and future dates against (default: today, or SOURCE_DATE_EPOCH). */
  today?: string
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
}

function compile(_changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  return {
    keys: data.keys,
    // Abbreviations (MD, DO, PT) must be written in capitals; words (dietitian) in any case.
    credential: new RegExp(
      `\\b(?:${data.medicalCredentials.filter((value) => value !== value.toLowerCase()).map(escape).join('|')})\\b|\\b(?:${data.medicalCredentials.filter((value) => value === value.toLowerCase()).map(escape).join('|')})\\b`.replace(/\\b\(\?:\)\\b\|?/g, ''),
      ''
    ),
    medicalTopic: compilePhrases(data.medicalTopic, sharedLexicons(), 'giu')
  }
}

const LEVEL: Record<Severity, number> = {info: 0, warn: 1, error: 2}

interface Problem {
  severity: Severity
  text: string
}

function field(data: Record<string, unknown>, names: string[]): {key: string; value: unknown} | undefined {
  for (const name of names) {
    const value = data[name]
    if (value !== undefined && value !== null && value !== '') return {key: name, value}
  }

  return undefined
}

/** Parse a front-matter date; `invalid` for something that is not a date. */
function parseDate(value: unknown): Date | 'invalid' {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value
  const text = String(value).trim()
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
  if (!match) {
    const parsed = Date.parse(text)
    return Number.isNaN(parsed) || !/\d{4}/.test(text) ? 'invalid' : new Date(parsed)
  }

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'invalid'
  return date
}

function today(options: Options): Date {
  if (options.today) {
    const parsed = parseDate(options.today)
    if (parsed !== 'invalid') return parsed
  }

  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000)
  return new Date()
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function isMedical(article: Article, compiled: Compiled): boolean {
  const redFlags = defaultRedFlagData()
  if (article.sentences.some((sentence) => findRedFlag(article, sentence, redFlags))) return true
  let count = 0
  for (const sentence of article.sentences) {
    count += allMatches(compiled.medicalTopic, sentence.text).length
    if (count >= 3) return true
  }

  return false
}

export const rule: Rule<Options> = {
  id: 'review-metadata',
  severity: 'warn',
  scope: 'document',
  docs: {
    summary: 'Health pages with front matter name an author, a qualified reviewer for medical content, and sane published/updated/review dates.'
  },
  options: {
    maxReviewAgeMonths: {type: 'number', description: 'How old `last_reviewed` may get before it is stale (default 24).'},
    keys: {type: 'object', description: 'Extra key names per field, e.g. {"author": ["contributor"], "reviewer": ["checked_by"]}.', keys: ['author', 'authorCredentials', 'reviewer', 'reviewerCredentials', 'published', 'updated', 'lastReviewed', 'type', 'exempt']},
    today: {type: 'string', description: 'Date to judge against (YYYY-MM-DD); default today or SOURCE_DATE_EPOCH.'}
  },
  compile,
  check(context) {
    const {article, options} = context
    const compiled = context.data as Compiled
    const data = article.frontmatter?.data
    if (!data) return
    const keys = {...compiled.keys}
    for (const [name, extra] of Object.entries(options.keys ?? {})) {
      keys[name as KeyName] = [...(extra ?? []), ...(keys[name as KeyName] ?? [])]
    }

    if (field(data, keys.exempt)) return
    if (!pageProfile(article).isAdvicePage && data.ymyl !== true) return
    const type = String(field(data, keys.type)?.value ?? '').toLowerCase()
    const opinion = type === 'opinion' || type === 'news'
    const problems: Problem[] = []
    const medical = !opinion && isMedical(article, compiled)

    const author = field(data, keys.author)
    if (!author) {
      problems.push({severity: medical ? 'error' : 'warn', text: 'missing `author`'})
    }

    const reviewer = field(data, keys.reviewer)
    if (medical && !reviewer) {
      problems.push({severity: 'warn', text: 'medical content has no reviewer (`medically_reviewed_by`)'})
    }

    if (reviewer) {
      const credentials = `${String(reviewer.value)} ${String(field(data, keys.reviewerCredentials)?.value ?? '')}`
      if (!compiled.credential.test(credentials)) {
        problems.push({severity: 'info', text: `reviewer \`${String(reviewer.value)}\` lists no medical credential (MD, RD, DPT, PT, PharmD…); CSCS or CPT cover training technique only`})
      }

      if (author && String(author.value).trim().toLowerCase() === String(reviewer.value).trim().toLowerCase()) {
        problems.push({severity: 'info', text: 'the reviewer is the author'})
      }
    }

    const now = today(options)
    const dates: Partial<Record<'published' | 'updated' | 'lastReviewed', Date>> = {}
    for (const name of ['published', 'updated', 'lastReviewed'] as const) {
      const found = field(data, keys[name])
      if (!found) continue
      const date = parseDate(found.value)
      if (date === 'invalid') {
        problems.push({severity: 'error', text: `\`${found.key}: ${String(found.value)}\` is not a valid date (use YYYY-MM-DD)`})
        continue
      }

      if (date.getTime() > now.getTime() + 24 * 3600 * 1000) {
        problems.push({severity: 'error', text: `\`${found.key}\` is in the future (${iso(date)})`})
      }

      dates[name] = date
    }

    if (!field(data, keys.published)) {
      problems.push({severity: 'warn', text: 'missing `published` date'})
    }

    if (!opinion && !field(data, keys.updated) && !field(data, keys.lastReviewed)) {
      problems.push({severity: 'info', text: 'no `updated` or `last_reviewed` date'})
    }

    if (dates.published && dates.updated && dates.updated < dates.published) {
      problems.push({severity: 'error', text: `\`updated\` (${iso(dates.updated)}) is before \`published\` (${iso(dates.published)})`})
    }

    const maxAge = options.maxReviewAgeMonths ?? 24
    const reviewed = dates.lastReviewed ?? (reviewer ? dates.updated : undefined)
    if (!opinion && reviewed) {
      const months = (now.getTime() - reviewed.getTime()) / (30.44 * 24 * 3600 * 1000)
      if (months > maxAge) {
        problems.push({severity: 'warn', text: `last reviewed ${iso(reviewed)}, more than ${maxAge} months ago`})
      }
    }

    if (problems.length === 0) return
    const severity = problems.reduce<Severity>((worst, problem) => (LEVEL[problem.severity] > LEVEL[worst] ? problem.severity : worst), 'info')
    const frontmatter = article.frontmatter!
    context.report({
      start: frontmatter.start,
      end: frontmatter.end,
      reason: `Review metadata: ${problems.map((problem) => problem.text).join('; ')}.`,
      note: 'Google’s quality raters expect health (YMYL) pages to say who is responsible for them, written by experts and regularly reviewed; health publishers show the writer, the medical reviewer and review dates. E.g. `author: "Sam Lee, DPT"`, `medically_reviewed_by: "Ana Ruiz, MD"`, `published: 2024-03-04`, `last_reviewed: 2025-05-20`.',
      severity,
      group: 'metadata'
    })
  }
}

export type {PhraseMatch}
