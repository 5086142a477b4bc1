/**
 * caution-required (section, warning): advice that needs a caveat for some
 * readers — breath-holding and blood pressure; fasting and diabetes,
 * pregnancy, eating disorders; pregnancy and heavy lifting or lying supine;
 * vigorous starts for sedentary readers; stimulants; supplements and
 * medication; heat — when the caveat is not in the same section or in a
 * safety section ("Who should skip this?"). Once per trigger group and
 * section. Negated triggers ("Don't hold your breath") and sites for
 * clinicians (`settings.audience: clinicians`) are not reported.
 */
import type {Article, Sentence} from '../../src/article/types.js'
import type {PhraseChanges, Rule} from '../../src/engine/rule.js'
import {analyse, inReferenceSection} from '../../src/language/context.js'
import {loadYaml} from '../../src/language/data.js'
import {compileGroupMatchers, groupEntries, type CompiledMatcher, type GroupEntry} from '../../src/language/groups.js'
import {inRanges, negatedBefore} from '../../src/language/negation.js'
import {pageProfile} from '../../src/language/page.js'
import {compilePhrases, firstMatch, type PhraseMatcher} from '../../src/language/phrases.js'
import {sharedLexicons} from '../lexicon.js'

interface GroupData {
  who: string
  example: string
  patterns: GroupEntry[]
  caveats: string[]
}

interface Data {
  groups: Record<string, GroupData>
  safetySection: string[]
}

interface Group {
  id: string
  who: string
  example: string
  trigger: CompiledMatcher
  caveat: PhraseMatcher
}

interface Compiled {
  groups: Group[]
  safetySection: PhraseMatcher
}

function compile(changes: PhraseChanges | undefined): Compiled {
  const data = loadYaml<Data>(new URL('./data.yml', import.meta.url))
  const lexicons = sharedLexicons()
  const entries = groupEntries(data.groups, changes)
  const matchers = compileGroupMatchers(entries, lexicons)
  return {
    groups: Object.entries(data.groups).map(([id, group]) => ({
      id,
      who: group.who,
      example: group.example,
      trigger: matchers[id],
      caveat: compilePhrases(group.caveats, lexicons, 'iu')
    })),
    safetySection: compilePhrases(data.safetySection, lexicons, 'iu')
  }
}

const AVOID_BEFORE = /\b(?:skip|stay out of|stay away from|cut back on|cut out|swap|quit|forget|ditch|drop|limit|give up|steer clear of)\s+(?:\w+\s+){0,3}$/i

function sectionText(article: Article, section: number): string {
  const heading = article.sections[section].path.join(' ')
  return heading + ' ' + article.sections[section].sentences.map((index) => article.sentences[index].text).join(' ')
}

export const rule: Rule = {
  id: 'caution-required',
  severity: 'warn',
  scope: 'sentence',
  docs: {
    summary: 'Advice that is risky for some readers (breath-holding, fasting, pregnancy, vigorous starts, stimulants, supplements, heat) needs a caveat.'
  },
  options: {},
  compile,
  check(context) {
    const {article, settings} = context
    const compiled = context.data as Compiled
    if (settings.audience === 'clinicians') return
    if (!pageProfile(article).isAdvicePage) return

    // Caveats in safety sections apply to the whole page.
    const safetyText = article.sections
      .filter((section) => section.path.some((heading) => compiled.safetySection.test(heading)))
      .map((section) => sectionText(article, section.index))
      .join(' ')
    const done = new Set<string>()

    const fires = (group: Group, sentence: Sentence): boolean => {
      const key = group.id + '/' + sentence.section
      if (done.has(key)) return false
      if (firstMatch(group.caveat, sectionText(article, sentence.section))) return false
      if (safetyText && firstMatch(group.caveat, safetyText)) return false
      done.add(key)
      return true
    }

    for (const sentence of article.sentences) {
      if (sentence.isQuestion || sentence.isQuoted || sentence.inLink) continue
      const analysis = analyse(article, sentence)
      if (analysis.garbled || inReferenceSection(analysis)) continue
      if (article.blocks[sentence.block].containers.includes('blockquote')) continue
      for (const group of compiled.groups) {
        const match = group.trigger.match(sentence.text)
        if (!match) continue
        if (inRanges(analysis.quoted, match.start, match.end)) continue
        // A sauna suit is a weight-cutting device (unsafe-advice), not heat training.
        if (group.id === 'heat' && /^\s*suits?\b/i.test(sentence.text.slice(match.end))) continue
        if (negatedBefore(sentence.text, analysis.clauses, match.start)) continue
        // "Skip the pre-workout", "Stay out of the sauna": advice against it.
        if (AVOID_BEFORE.test(sentence.text.slice(Math.max(0, match.start - 40), match.start))) continue
        if (context.isAccepted(match.text)) continue
        if (!fires(group, sentence)) continue
        const block = article.blocks[sentence.block]
        context.report({
          start: block.toSource(sentence.textStart + match.start),
          end: block.toSource(sentence.textStart + match.end - 1) + 1,
          reason: `“${match.text}” needs a safety caveat for ${group.who}. Add e.g.: “${group.example}”`,
          note: 'Neither this section nor a safety section says who should take care. See the rule docs for the sources behind each caveat (AHA on breath-holding, ACOG on exercise in pregnancy, ACSM pre-participation screening, FDA on caffeine and supplements, CDC on heat illness).',
          actual: match.text,
          expected: [group.example],
          group: group.id,
          fix: {kind: 'insert-after'}
        })
      }
    }
  }
}
