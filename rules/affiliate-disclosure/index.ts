/**
 * affiliate-disclosure (document, error): affiliate or sponsored links
 * (Amazon tags, amzn.to, affiliate networks, `rel="sponsored"`, `/go/`
 * redirects, front matter `affiliate: true`) or discount codes need a clear
 * disclosure that the writer is paid, placed before the first such link. A
 * vague disclosure ("This post contains affiliate links." alone, #sp) or one
 * only after the first link is reported as insufficient or misplaced
 * (warning). One message per file, at the first affiliate link.
 */
import type {Article, Link, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {loadYaml} from '../../src/language/data.js'
import {negatedBefore} from '../../src/language/negation.js'
import {splitClauses} from '../../src/language/clauses.js'
import {applyPhraseChanges} from '../../src/language/phrase-data.js'
import {compilePhrases, firstMatch, type PhraseMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {sharedLexicons} from '../lexicon.js'

interface Data {
  hosts: string[]
  urlPatterns: string[]
  language: string[]
  disclosure: string[]
  vague: string[]
  standard: string
}

export interface Compiled {
  hosts: string[]
  urlPatterns: RegExp[]
  language: PhraseMatcher
  disclosure: PhraseMatcher
  vague: PhraseMatcher
  standard: string
}

const GROUPS = ['hosts', 'urlPatterns', 'language', 'disclosure', 'vague']

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = sharedLexicons()
  // Hosts and URL patterns are not phrases: check them separately.
  const phraseChanges = changes && {
    ...changes,
    add: Object.fromEntries(Object.entries(changes.add ?? {}).filter(([group]) => group !== 'hosts' && group !== 'urlPatterns'))
  }
  const groups = applyPhraseChanges(data as unknown as Record<string, unknown>, GROUPS, phraseChanges, lexicons)
  for (const [group] of Object.entries(changes?.add ?? {})) {
    if (!GROUPS.includes(group)) throw new Error(`unknown phrase group \`${group}\`; groups: ${GROUPS.join(', ')}`)
  }

  const urlPatterns = [...groups.urlPatterns, ...(changes?.add?.urlPatterns ?? [])].map((source) => {
    try {
      return new RegExp(source, 'i')
    } catch (error) {
      throw new Error(`invalid URL pattern \`${source}\`: ${(error as Error).message}`)
    }
  })
  return {
    hosts: [...groups.hosts, ...(changes?.add?.hosts ?? [])].map((host) => host.toLowerCase()),
    urlPatterns,
    language: compilePhrases(groups.language, lexicons, 'iu'),
    disclosure: compilePhrases(groups.disclosure, lexicons, 'iu'),
    vague: compilePhrases(groups.vague, lexicons, 'iu'),
    standard: data.standard
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://site.invalid').hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return undefined
  }
}

/** Why a link is an affiliate link, if it is one. */
export function affiliateReason(link: Link, compiled: Compiled): string | undefined {
  if (link.rel && /\bsponsored\b/i.test(link.rel)) return 'rel="sponsored"'
  const relative = !/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(link.url)
  const host = relative ? undefined : hostOf(link.url)
  if (host && compiled.hosts.some((known) => host === known || host.endsWith('.' + known))) return host
  // Journals, universities and governments do not run affiliate programmes:
  // `?ref=` or `/visit/` there is navigation.
  if (host && NON_COMMERCIAL.test(host)) return undefined
  for (const pattern of compiled.urlPatterns) {
    if (pattern.test(link.url)) return host ?? link.url.split(/[?#]/)[0]
  }

  return undefined
}

const NON_COMMERCIAL = /(?:\.gov|\.edu|\.ac\.[a-z]{2}|\.nhs\.uk|\.int|nejm\.org|thelancet\.com|bmj\.com|jamanetwork\.com|nature\.com|ncbi\.nlm\.nih\.gov|doi\.org|sciencedirect\.com|springer\.com|wiley\.com|cochranelibrary\.com)$/

interface Mark {
  start: number
  end: number
  what: string
}

/** A disclosure sentence that is not negated ("this post isn't sponsored"). */
function disclosureIn(sentence: Sentence, re: PhraseMatcher): PhraseMatch | undefined {
  const match = firstMatch(re, sentence.text)
  if (!match) return undefined
  if (negatedBefore(sentence.text, splitClauses(sentence.text), match.start)) return undefined
  return match
}

export function frontmatterFlag(article: Article, keys: string[]): boolean {
  const data = article.frontmatter?.data
  if (!data) return false
  return keys.some((key) => data[key] === true || data[key] === 'true' || data[key] === 'yes')
}

export const rule: Rule = {
  id: 'affiliate-disclosure',
  severity: 'error',
  scope: 'document',
  docs: {
    summary: 'Affiliate or sponsored links need a clear “we earn a commission” disclosure before the first one.'
  },
  options: {},
  compile,
  check(context) {
    const {article, settings} = context
    const compiled = context.data as Compiled
    if (settings.affiliateDisclosureTemplate === 'top') return

    // What needs a disclosure: tracked links, sponsorship language, codes.
    const marks: Mark[] = []
    for (const link of article.links) {
      const reason = affiliateReason(link, compiled)
      if (reason) marks.push({start: link.start, end: link.end, what: `affiliate link (${reason})`})
    }

    // Sidebar, widget and footer links of an HTML page: they need the disclosure too.
    for (const link of article.siteLinks ?? []) {
      const reason = affiliateReason(link, compiled)
      if (reason) marks.push({start: link.start, end: link.end, what: `affiliate link in the page's sidebar or footer (${reason})`})
    }

    for (const sentence of article.sentences) {
      const match = firstMatch(compiled.language, sentence.text)
      if (match && !negatedBefore(sentence.text, splitClauses(sentence.text), match.start)) {
        marks.push({start: sentence.start, end: sentence.end, what: `“${match.text}”`})
      }
    }

    const flagged = frontmatterFlag(article, ['affiliate', 'sponsored', 'affiliateLinks', 'affiliate_links'])
    if (marks.length === 0 && !flagged) return
    marks.sort((a, b) => a.start - b.start)
    // With only a front-matter flag, the page's prose after its title is where
    // the links will be: a disclosure right under the title is in time.
    const body = article.blocks.find((block) => block.kind !== 'heading') ?? article.blocks[0]
    const first: Mark = marks[0] ?? {start: body?.start ?? 0, end: body?.end ?? 0, what: 'front matter `affiliate: true`'}

    let clear: Sentence | undefined
    let vague: Sentence | undefined
    for (const sentence of article.sentences) {
      if (!clear && disclosureIn(sentence, compiled.disclosure)) clear = sentence
      if (!vague && disclosureIn(sentence, compiled.vague)) vague = sentence
    }

    const fix = {kind: 'insert-before' as const}
    if (clear && (clear.start <= first.start || (marks.length === 0 && clear.block === article.blocks.indexOf(article.blocks.find((block) => block.kind !== 'heading')!)))) return
    if (clear) {
      context.report({
        start: first.start,
        end: first.end,
        reason: `Affiliate disclosure comes after the first ${first.what}. Move it above the first link.`,
        note: 'The FTC expects disclosures to be clear and conspicuous and close to the recommendation, not below it or after the links (Endorsement Guides, 16 CFR 255). Readers must see it before they click.',
        expected: [compiled.standard],
        severity: 'warn',
        group: 'placement',
        fix
      })
      return
    }

    if (vague) {
      context.report({
        start: vague.start,
        end: vague.end,
        reason: 'Affiliate disclosure is too vague: say that you earn money from the links.',
        note: '“Affiliate links” alone may not be understood; the FTC suggests plain words such as “I get commissions for purchases made through links in this post”. Hashtags like #sp or #collab are not clear either.',
        expected: [compiled.standard],
        severity: 'warn',
        group: 'vague',
        fix: {kind: 'replace'}
      })
      return
    }

    context.report({
      start: first.start,
      end: first.end,
      reason: `${first.what.charAt(0).toUpperCase() + first.what.slice(1)} has no clear disclosure before it. Add above the first link: “${compiled.standard}”`,
      note: 'Material connections must be disclosed clearly and conspicuously, close to the recommendation (FTC Endorsement Guides; Amazon Associates requires its own statement). “Affiliate link” alone isn’t enough.',
      expected: [compiled.standard],
      group: 'missing',
      fix
    })
  }
}
