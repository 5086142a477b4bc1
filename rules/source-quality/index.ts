/**
 * source-quality (sentence, warning): a health claim whose only support is a
 * weak source (social media, blogs, wikis, press releases, preprints, shops,
 * link shorteners, or the site itself), or animal, in-vitro or pilot evidence
 * stated as a human fact ("Ashwagandha builds muscle, per a study in rats").
 * Source tiers are data (data.yml) and can be extended with rule options.
 */
import type {Article, Link, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {claimEvidence} from '../../src/language/claims.js'
import {analyse, inReferenceSection} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {debunkFrame} from '../../src/language/negation.js'
import {applyPhraseChanges} from '../../src/language/phrase-data.js'
import {compilePhrases, firstMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {sharedLexicons} from '../lexicon.js'

interface Data {
  tiers: {strong: string[]; acceptable: string[]; weak: string[]}
  paths: string[]
  studyCue: string[]
}

interface Compiled {
  tiers: Data['tiers']
  paths: RegExp[]
  studyCue: PhraseMatcher
}

export interface Options {
  strongHosts?: string[]
  acceptableHosts?: string[]
  weakHosts?: string[]
  /** The site's own hosts: links to them are self-citations. */
  siteHosts?: string[]
}

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const groups = applyPhraseChanges(data as unknown as Record<string, unknown>, ['studyCue'], changes, sharedLexicons())
  return {
    tiers: data.tiers,
    paths: data.paths.map((source) => new RegExp(source, 'i')),
    studyCue: compilePhrases(groups.studyCue, sharedLexicons(), 'iu')
  }
}

type Tier = 'strong' | 'acceptable' | 'weak' | 'self' | 'unknown'

function matchesHost(host: string, list: string[]): boolean {
  return list.some((entry) => {
    const known = entry.toLowerCase().replace(/^www\./, '')
    return host === known || host.endsWith('.' + known)
  })
}

export function tierOf(link: Link, compiled: Compiled, options: Options): Tier {
  if (/^(?:\/(?!\/)|\.{1,2}\/|#)/.test(link.url)) return 'self'
  let host: string
  try {
    host = new URL(link.url).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return 'unknown'
  }

  if (matchesHost(host, options.siteHosts ?? [])) return 'self'
  if (matchesHost(host, [...(options.weakHosts ?? []), ...compiled.tiers.weak])) return 'weak'
  if (compiled.paths.some((path) => path.test(link.url))) return 'weak'
  if (matchesHost(host, [...(options.strongHosts ?? []), ...compiled.tiers.strong])) return 'strong'
  if (matchesHost(host, [...(options.acceptableHosts ?? []), ...compiled.tiers.acceptable])) return 'acceptable'
  return 'unknown'
}

const PRESENT_CLAIM = /\b(?:builds?|boosts?|burns?|increases?|raises?|lowers?|reduces?|cuts?|prevents?|cures?|reverses?|improves?|melts?|doubles?|triples?|works?|heals?|protects?|blocks?|causes?|is|are)\b/i

function isClaim(article: Article, sentence: Sentence): boolean {
  if (sentence.kind === 'heading' || sentence.isQuestion || sentence.isQuoted) return false
  const analysis = analyse(article, sentence)
  if (analysis.garbled || inReferenceSection(analysis)) return false
  if (article.blocks[sentence.block].containers.includes('blockquote')) return false
  return claimEvidence(sentence.text) !== undefined && !debunkFrame(sentence.text)
}

export const rule: Rule<Options> = {
  id: 'source-quality',
  severity: 'warn',
  scope: 'sentence',
  docs: {
    summary: 'Health claims should rest on strong sources, not only social media, blogs, shops, or animal and pilot studies.'
  },
  options: {
    strongHosts: {type: 'string[]', description: 'Extra hosts of strong sources (journals, agencies).'},
    acceptableHosts: {type: 'string[]', description: 'Extra hosts of acceptable sources.'},
    weakHosts: {type: 'string[]', description: 'Extra hosts that are weak as the only source.'},
    siteHosts: {type: 'string[]', description: 'Your own site’s hosts: links there are self-citations.'}
  },
  compile,
  check(context) {
    const {article, options} = context
    const compiled = context.data as Compiled
    for (const sentence of article.sentences) {
      if (!isClaim(article, sentence)) continue
      const links = sentence.links.map((index) => article.links[index])
      const tiers = links.map((link) => tierOf(link, compiled, options))
      if (links.length > 0 && tiers.every((tier) => tier === 'weak' || tier === 'self')) {
        const weak = links[tiers.findIndex((tier) => tier === 'weak' || tier === 'self')]
        let host = 'this site'
        try {
          host = tiers.includes('weak') ? new URL(weak.url).hostname.replace(/^www\./, '') : 'this site'
        } catch {}

        if (context.isAccepted(host)) continue
        context.report({
          start: sentence.start,
          end: sentence.end,
          reason: `Claim relies only on ${host}. Cite a peer-reviewed study (PubMed/DOI), a guideline, or a government or medical-association source.`,
          note: 'Health publishers source claims from peer-reviewed studies, academic and government institutions and medical associations; social media, blogs, press releases, shops and self-links are weak as the only support (publisher editorial policies; Wikipedia MEDRS).',
          actual: host,
          group: tiers.includes('weak') ? 'weak-source' : 'self-citation'
        })
        continue
      }

      const cue = firstMatch(compiled.studyCue, sentence.text)
      if (!cue) continue
      const before = sentence.text.slice(0, cue.start)
      // "Resveratrol boosts endurance in mice" says where it was seen; "…, per a
      // study in rats" leans a human claim on it.
      if (/^in\s/i.test(cue.text) && !/\b(?:per|according to|study|studies|trial|research|experiment|paper)\b[^,.;]*$/i.test(before)) continue
      // "In mice, X raised Y" describes the study; "X builds muscle, per a
      // study in rats" states a human fact from it.
      if (!PRESENT_CLAIM.test(before) || /\b(?:may|might|could|possibly|perhaps)\b/i.test(before)) continue
      if (context.isAccepted(cue.text)) continue
      const kind = /mice|rat|rodent|animal|pig|dog|monkey|worm|fl(?:y|ies)|zebrafish|mouse/i.test(cue.text)
        ? 'animal'
        : /pilot|small|tiny|preliminary/i.test(cue.text)
          ? 'pilot'
          : 'in-vitro'
      context.report({
        start: sentence.start,
        end: sentence.end,
        reason: `Evidence is ${kind === 'animal' ? 'from animals' : kind === 'pilot' ? 'a small or pilot study' : 'from cells in a lab'}; say so, and don’t state a human benefit as fact.`,
        note: 'The FTC does not accept animal or in-vitro studies alone as substantiation for health claims in people, and editorial policies forbid presenting one preliminary study as fact.',
        actual: cue.text,
        group: kind
      })
    }
  }
}
