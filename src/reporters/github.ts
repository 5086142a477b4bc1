/**
 * `--format github`: GitHub Actions workflow commands, one per message —
 *
 *     ::error file=posts/a.md,line=3,col=1,endLine=3,endColumn=24,title=fitlint (unsafe-advice)::Reason
 *
 * (`warning` and `notice` for warnings and info) — which GitHub shows as
 * annotations on the pull request's diff. GitHub shows at most 10 annotations
 * of each level per step, so when `$GITHUB_STEP_SUMMARY` is set a Markdown
 * summary is appended to it too: counts per rule and the first
 * `SUMMARY_LIMIT` messages.
 *
 * Escaping follows GitHub's runner (`%` → `%25`, CR → `%0D`, LF → `%0A` in
 * the message; also `:` → `%3A` and `,` → `%2C` in properties).
 */
import fs from 'node:fs'
import type {VFile} from 'vfile'
import {ruleById} from '../../rules/index.js'
import {ruleUrl} from '../engine/docs.js'
import type {Message} from '../cli/messages.js'
import type {ReporterOptions} from './index.js'
import {levelOf, relativePath, reportRuleId} from './shared.js'

const SUMMARY_LIMIT = 100

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function github(files: VFile[], options: ReporterOptions): string {
  const root = options.root ?? options.cwd
  const lines: string[] = []
  for (const file of files) {
    const name = relativePath(file, options.cwd, root)
    for (const message of file.messages as Message[]) {
      const properties: Array<[string, string | number]> = [['file', name]]
      const place = message.place
      if (place && 'start' in place) {
        properties.push(['line', place.start.line], ['col', place.start.column], ['endLine', place.end.line], ['endColumn', place.end.column])
      } else if (place && 'line' in place) {
        properties.push(['line', place.line])
        if (place.column) properties.push(['col', place.column])
      }

      const ruleId = reportRuleId(message.ruleId)
      properties.push(['title', `fitlint (${ruleId})`])
      const text = message.url ? `${message.reason}\n${message.url}` : message.reason
      lines.push(
        `::${levelOf(message)} ${properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(text)}`
      )
    }
  }

  const summaryFile = options.env?.GITHUB_STEP_SUMMARY
  if (summaryFile) {
    try {
      fs.appendFileSync(summaryFile, summary(files, options))
    } catch (error) {
      options.warn?.(`cannot append to GITHUB_STEP_SUMMARY \`${summaryFile}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  }

  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/** The Markdown job summary. */
export function summary(files: VFile[], options: ReporterOptions): string {
  const root = options.root ?? options.cwd
  const env = options.env ?? {}
  const blob =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/`
      : undefined
  const counts = new Map<string, {error: number; warning: number; notice: number}>()
  const total = {error: 0, warning: 0, notice: 0}
  let withMessages = 0
  const listed: string[] = []
  let all = 0

  for (const file of files) {
    if (file.messages.length > 0) withMessages++
    const name = relativePath(file, options.cwd, root)
    for (const message of file.messages) {
      const level = levelOf(message)
      const ruleId = reportRuleId(message.ruleId)
      const count = counts.get(ruleId) ?? {error: 0, warning: 0, notice: 0}
      count[level]++
      total[level]++
      counts.set(ruleId, count)
      all++
      if (listed.length < SUMMARY_LIMIT) {
        const line = startOf(message)
        const where = `${name}${line ? `:${line}` : ''}`
        const link = blob && file.path ? `[\`${where}\`](${blob}${encodeURI(name)}${line ? `#L${line}` : ''})` : `\`${where}\``
        listed.push(`- ${link} **${level}** ${markdownText(message.reason)} (\`${ruleId}\`)`)
      }
    }
  }

  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  let text = `## fitlint\n\n`
  text += `**${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${plural(total.notice, 'notice')}** in ${plural(files.length, 'file')}`
  text += withMessages > 0 ? ` (${withMessages} with messages).\n\n` : '.\n\n'
  if (all === 0) return text

  text += '| Rule | Errors | Warnings | Notices |\n| --- | ---: | ---: | ---: |\n'
  for (const [ruleId, count] of [...counts].sort((left, right) => left[0].localeCompare(right[0]))) {
    const label = ruleById.has(ruleId) ? `[\`${ruleId}\`](${ruleUrl(ruleId)})` : `\`${ruleId}\``
    text += `| ${label} | ${count.error} | ${count.warning} | ${count.notice} |\n`
  }

  text += `\n### Messages${all > listed.length ? ` (first ${listed.length} of ${all})` : ''}\n\n`
  text += listed.join('\n') + '\n\n'
  if (all > listed.length) {
    text += `…and ${all - listed.length} more: run \`fitlint\` locally, or use \`--format sarif\` for the full list in code scanning.\n\n`
  }

  text += '> GitHub shows at most 10 annotations of each level per step; the counts above are complete.\n\n'
  return text
}

function startOf(message: Message): number | undefined {
  const place = message.place
  if (place && 'start' in place) return place.start.line
  if (place && 'line' in place) return place.line
  return undefined
}

/** Reason text safe in a Markdown list item. */
function markdownText(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1')
}
