/**
 * House rules from config (`customRules`): a phrase or pattern → a message,
 * with optional conditions on the section or document, like Vale's
 * existence, substitution and conditional checks.
 */
import type {Article} from '../article/types.js'
import type {CustomRuleConfig, ResolvedConfig} from '../config/types.js'
import {allMatches, compilePhrases, type PhraseMatcher} from '../language/phrases.js'
import type {Report, Severity} from './rule.js'

export interface CompiledCustomRule {
  id: string
  scope: 'sentence'
  severity: Severity
  check(article: Article, report: (report: Report) => void): void
}

const cache = new Map<string, CompiledCustomRule>()

export function customRulesFor(config: ResolvedConfig): CompiledCustomRule[] {
  return config.customRules.map((rule) => {
    const key = JSON.stringify(rule)
    let compiled = cache.get(key)
    if (!compiled) {
      compiled = compileCustomRule(rule)
      cache.set(key, compiled)
    }

    return compiled
  })
}

function mentions(list: string[] | undefined): PhraseMatcher | undefined {
  return list && list.length > 0 ? compilePhrases(list, {}, 'iu') : undefined
}

export function compileCustomRule(rule: CustomRuleConfig): CompiledCustomRule {
  const patterns: Array<PhraseMatcher | RegExp> = []
  if (rule.phrases) patterns.push(compilePhrases(rule.phrases, {}, 'iu'))
  if (rule.pattern) patterns.push(new RegExp(rule.pattern, 'giu'))
  const unlessSection = mentions(rule.unlessSectionMentions)
  const unlessDocument = mentions(rule.unlessDocumentMentions)
  const ifDocument = mentions(rule.ifDocumentMentions)

  return {
    id: rule.id,
    scope: 'sentence',
    severity: rule.severity ?? 'warn',
    check(article, report) {
      const whole = () => article.sentences.map((sentence) => sentence.text).join(' ')
      if (unlessDocument || ifDocument) {
        const text = whole()
        if (unlessDocument && unlessDocument.test(text)) return
        if (ifDocument && !ifDocument.test(text)) return
      }

      const sectionText = new Map<number, string>()
      for (const sentence of article.sentences) {
        for (const pattern of patterns) {
          for (const match of allMatches(pattern, sentence.text)) {
            if (unlessSection) {
              let text = sectionText.get(sentence.section)
              if (text === undefined) {
                text = article.sections[sentence.section].sentences
                  .map((index) => article.sentences[index].text)
                  .join(' ')
                sectionText.set(sentence.section, text)
              }

              if (unlessSection.test(text)) continue
            }

            const block = article.blocks[sentence.block]
            const from = sentence.textStart + match.start
            report({
              start: block.toSource(from),
              end: block.toSource(from + match.text.length - 1) + 1,
              reason: rule.message.replace(/\{match\}/g, match.text),
              note: rule.note,
              expected: rule.replace,
              actual: match.text,
              fix: rule.replace ? {kind: 'replace'} : undefined
            })
          }
        }
      }
    }
  }
}
