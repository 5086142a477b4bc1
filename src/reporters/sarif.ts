/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning (upload with
 * github/codeql-action/upload-sarif) and other SARIF viewers.
 *
 * - `tool.driver.rules`: every built-in rule (id, name, short and full
 *   description, help text and Markdown with the docs link, default level),
 *   then any other rule id seen (house rules; `fitlint/parse`,
 *   `fitlint/encoding`, `fitlint/directive` for fitlint's own file messages).
 * - One result per message: level `error`/`warning`/`note` from `fatal`, one
 *   location with a URI relative to the repository root (the git root, or the
 *   working folder outside git; `/` separators) and a 1-based region whose end
 *   column is exclusive (as vfile's), `partialFingerprints.primaryLocationLineHash`
 *   from the message's line text (see src/cli/messages.ts).
 * - `automationDetails.id` names the shard with `--shard`, so each shard's
 *   upload is its own code scanning category.
 */
import fs from 'node:fs'
import {pathToFileURL} from 'node:url'
import type {Log, ReportingDescriptor, Result, Run} from 'sarif'
import type {VFile} from 'vfile'
import {builtinRules} from '../../rules/index.js'
import type {Rule} from '../engine/rule.js'
import {REPOSITORY, ruleUrl} from '../engine/docs.js'
import {packageVersion} from '../cli/version.js'
import type {Message} from '../cli/messages.js'
import type {ReporterOptions} from './index.js'
import {levelOf, reportRuleId, relativeUri} from './shared.js'

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

const LEVEL = {error: 'error', warn: 'warning', info: 'note'} as const
const SARIF_LEVEL = {error: 'error', warning: 'warning', notice: 'note'} as const

const OWN: Record<string, {name: string; summary: string; level: 'error' | 'warning' | 'note'}> = {
  'fitlint/parse': {name: 'Parse', summary: 'The file could not be read or parsed (broken MDX, front matter, binary data).', level: 'error'},
  'fitlint/encoding': {name: 'Encoding', summary: 'The file is not valid UTF-8.', level: 'warning'},
  'fitlint/directive': {name: 'Directive', summary: 'A fitlint-disable or fitlint-enable comment names a rule that does not exist.', level: 'warning'}
}

export function sarif(files: VFile[], options: ReporterOptions): string {
  const root = options.root ?? options.cwd
  const rules: ReportingDescriptor[] = builtinRules.map(describeRule)
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const results: Result[] = []

  for (const file of files) {
    const uri = relativeUri(file, options.cwd, root)
    for (const message of file.messages as Message[]) {
      const ruleId = reportRuleId(message.ruleId)
      let index = ruleIndex.get(ruleId)
      if (index === undefined) {
        index = rules.length
        rules.push(describeOther(ruleId))
        ruleIndex.set(ruleId, index)
      }

      const result: Result = {
        ruleId,
        ruleIndex: index,
        level: SARIF_LEVEL[levelOf(message)],
        message: {text: message.reason},
        locations: [{physicalLocation: {artifactLocation: {uri, uriBaseId: '%SRCROOT%'}, region: region(message)}}]
      }
      if (message.fitlint?.lineHash) {
        result.partialFingerprints = {primaryLocationLineHash: message.fitlint.lineHash}
      }

      const properties: Record<string, unknown> = {}
      if (message.note) properties.note = message.note
      if (message.expected && message.expected.length > 0) properties.expected = message.expected
      if (message.fitlint?.group) properties.group = message.fitlint.group
      if (Object.keys(properties).length > 0) result.properties = properties
      results.push(result)
    }
  }

  const run: Run = {
    tool: {
      driver: {
        name: 'fitlint',
        version: packageVersion(),
        semanticVersion: packageVersion(),
        informationUri: REPOSITORY,
        rules
      }
    },
    originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(root).href.replace(/\/?$/, '/')}},
    columnKind: 'utf16CodeUnits',
    results
  }
  if (options.shard) {
    run.automationDetails = {id: `fitlint/shard-${options.shard.index}-of-${options.shard.count}/`}
  }

  const log: Log = {$schema: SCHEMA, version: '2.1.0', runs: [run]}
  return JSON.stringify(log, undefined, 2) + '\n'
}

function region(message: Message): NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] {
  const place = message.place
  if (place && 'start' in place) {
    return {
      startLine: Math.max(1, place.start.line),
      startColumn: Math.max(1, place.start.column),
      endLine: Math.max(1, place.end.line),
      endColumn: Math.max(1, place.end.column)
    }
  }

  if (place && 'line' in place) {
    return {startLine: Math.max(1, place.line), ...(place.column ? {startColumn: Math.max(1, place.column)} : {})}
  }

  return {startLine: 1}
}

const descriptions = new Map<string, string>()

/** The first paragraph of a rule's README, unwrapped. */
function fullDescription(rule: Rule): string {
  let text = descriptions.get(rule.id)
  if (text === undefined) {
    text = rule.docs.summary
    try {
      const readme = fs.readFileSync(new URL(`../../rules/${rule.id}/README.md`, import.meta.url), 'utf8')
      const paragraph = readme.replace(/^#[^\n]*\n+/, '').split(/\n\s*\n/)[0]
      if (paragraph && !/^[|#<`]/.test(paragraph.trim())) text = paragraph.replace(/\s*\n\s*/g, ' ').trim()
    } catch {
      // Docs not shipped: the summary will do.
    }

    descriptions.set(rule.id, text)
  }

  return text
}

function describeRule(rule: Rule): ReportingDescriptor {
  const url = ruleUrl(rule.id)
  const full = fullDescription(rule)
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: {text: rule.docs.summary},
    fullDescription: {text: full},
    helpUri: url,
    help: {
      text: `${full}\n\nDocumentation: ${url}\nRun \`fitlint --explain ${rule.id}\` for examples and options.`,
      markdown:
        `${full}\n\n` +
        `[Documentation of \`${rule.id}\`](${url}) · \`fitlint --explain ${rule.id}\` prints it too.\n\n` +
        `To silence one occurrence on purpose:\n\n` +
        '```markdown\n' +
        `<!-- fitlint-disable-next-line ${rule.id} -- reason -->\n` +
        '```'
    },
    defaultConfiguration: {level: LEVEL[rule.severity]},
    properties: {tags: ['health', 'content'], scope: rule.scope}
  }
}

function describeOther(id: string): ReportingDescriptor {
  const own = OWN[id]
  const summary = own?.summary ?? `House rule \`${id}\` from the fitlint config (customRules).`
  return {
    id,
    name: own?.name ?? pascal(id),
    shortDescription: {text: summary},
    fullDescription: {text: summary},
    helpUri: `${REPOSITORY}#configuration`,
    help: {
      text: `${summary}\n\nDocumentation: ${REPOSITORY}#configuration`,
      markdown: `${summary}\n\n[fitlint configuration](${REPOSITORY}#configuration)`
    },
    defaultConfiguration: {level: own?.level ?? 'warning'}
  }
}

function pascal(id: string): string {
  return id
    .split(/[^a-zA-Z\d]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')
}
