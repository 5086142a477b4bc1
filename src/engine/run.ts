/**
 * Run the enabled rules over an Article and turn their reports into vfile
 * messages: severity from config (or the rule's own), `ruleId`,
 * `source: 'fitlint'`, `reason`, `note`, `url`, `place`, `expected`.
 * Inline `fitlint-disable` comments and the config's accept list are applied
 * here, once, for every rule.
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {VFileMessage} from 'vfile-message'
import {builtinRules, ruleById} from '../../rules/index.js'
import type {Article} from '../article/types.js'
import type {ResolvedConfig} from '../config/types.js'
import {compilePhrases} from '../language/phrases.js'
import {customRulesFor} from './custom-rules.js'
import {indexDirectives} from './directives.js'
import {ruleUrl} from './docs.js'
import {SEVERITY_FATAL, type PhraseChanges, type Report, type Rule, type Severity} from './rule.js'

const compiledData = new Map<string, unknown>()

/** A rule's compiled data for the given config changes (cached). */
export function ruleData(rule: Rule, changes: PhraseChanges | undefined): unknown {
  if (!rule.compile) return undefined
  const key = rule.id + '\u0000' + (changes ? JSON.stringify(changes) : '')
  let data = compiledData.get(key)
  if (data === undefined) {
    data = rule.compile(changes)
    compiledData.set(key, data)
  }

  return data
}

const acceptCache = new Map<string, (text: string) => boolean>()

function acceptMatcher(accept: string[]): (text: string) => boolean {
  if (accept.length === 0) return () => false
  const key = accept.join('\u0000')
  let matcher = acceptCache.get(key)
  if (!matcher) {
    const re = compilePhrases(accept, {}, 'iu')
    matcher = (text: string) => re.test(text)
    acceptCache.set(key, matcher)
  }

  return matcher
}

export interface RunResult {
  messages: VFileMessage[]
}

export function runRules(article: Article, config: ResolvedConfig, file: VFile): void {
  const place = location(article.source)
  const directives = indexDirectives(article.directives, article.source)
  const isAccepted = acceptMatcher(config.accept)
  const knownIds = new Set<string>([...ruleById.keys(), ...config.customRules.map((rule) => rule.id)])
  const messages: VFileMessage[] = []

  const toPoint = (offset: number) => {
    const point = place.toPoint(Math.max(0, Math.min(offset, article.source.length)))
    return point ?? {line: 1, column: 1, offset: 0}
  }

  const emit = (rule: {id: string; scope: 'document' | 'sentence'}, severity: Severity, report: Report) => {
    if (directives.isSuppressed({ruleId: rule.id, start: report.start, scope: rule.scope})) return
    if (report.actual !== undefined && isAccepted(report.actual)) return
    const start = toPoint(report.start)
    const end = toPoint(Math.max(report.end, report.start))
    const message = new VFileMessage(report.reason, {
      place: {start, end},
      ruleId: rule.id,
      source: 'fitlint'
    })
    message.file = file.path ?? ''
    message.fatal = SEVERITY_FATAL[severity]
    if (ruleById.has(rule.id)) message.url = ruleUrl(rule.id)
    if (report.note) message.note = report.note
    if (report.expected) message.expected = report.expected
    if (report.actual !== undefined) message.actual = report.actual
    const extra = message as VFileMessage & {fitlint?: unknown}
    extra.fitlint = {severity, group: report.group, fix: report.fix?.kind, offset: [report.start, report.end]}
    messages.push(message)
  }

  for (const rule of builtinRules) {
    const setting = config.rules[rule.id]
    if (!setting || setting.severity === 'off') continue
    const forced = setting.severity === 'on' ? undefined : setting.severity
    const data = ruleData(rule, config.phrases[rule.id])
    rule.check({
      article,
      options: setting.options,
      settings: config.settings,
      data,
      isAccepted,
      report(report) {
        emit(rule, forced ?? report.severity ?? rule.severity, report)
      }
    })
  }

  for (const custom of customRulesFor(config)) {
    const setting = config.rules[custom.id]
    if (!setting || setting.severity === 'off') continue
    const forced = setting.severity === 'on' ? undefined : setting.severity
    custom.check(article, (report) => {
      emit(custom, forced ?? custom.severity, report)
    })
  }

  // Directives naming rules that do not exist.
  for (const directive of article.directives) {
    for (const id of directive.ruleIds) {
      if (!knownIds.has(id)) {
        emit(
          {id: 'directive', scope: 'sentence'},
          'warn',
          {
            start: directive.start,
            end: directive.end,
            reason: `Unknown rule \`${id}\` in \`fitlint-${directive.keyword}\` comment.`,
            note: `Known rules: ${[...knownIds].join(', ')}.`
          }
        )
      }
    }
  }

  for (const problem of article.problems) {
    const message = new VFileMessage(problem.reason, {
      place: {start: toPoint(problem.start), end: toPoint(problem.end)},
      source: 'fitlint',
      ruleId: 'parse'
    })
    message.file = file.path ?? ''
    message.fatal = problem.fatal ? true : false
    messages.push(message)
  }

  messages.sort(
    (a, b) =>
      (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) -
        (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0) ||
      String(a.ruleId).localeCompare(String(b.ruleId))
  )
  file.messages.push(...messages)
}
