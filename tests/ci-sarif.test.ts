/**
 * `--format sarif`, through the built CLI, validated against the SARIF 2.1.0
 * schema (OASIS errata01, shipped in tests/data).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {runCli, tempDir} from './helpers.js'
import {ADVICE, SAFE, UNSAFE_LINE, gitRepo, write} from './ci-helpers.js'

const require = createRequire(import.meta.url)
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default
const schema = JSON.parse(fs.readFileSync(new URL('data/sarif-schema-2.1.0.json', import.meta.url), 'utf8'))
const ajv = new Ajv({allErrors: true, strict: false})
addFormats(ajv)
const validate = ajv.compile(schema)

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: Record<string, number>}}>
  partialFingerprints: {primaryLocationLineHash: string}
}

async function sarif(args: string[], cwd: string) {
  const result = await runCli([...args, '--format', 'sarif'], {cwd})
  expect(result.stderr).toBe('')
  const log = JSON.parse(result.stdout)
  const valid = validate(log)
  expect(validate.errors ?? [], 'valid SARIF 2.1.0').toEqual([])
  expect(valid).toBe(true)
  return {code: result.code, log, run: log.runs[0], results: log.runs[0].results as SarifResult[]}
}

describe('--format sarif', () => {
  it('describes the tool and every rule for code scanning', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const {code, log, run} = await sarif(['a.md'], cwd)
    expect(code).toBe(0)
    expect(log.version).toBe('2.1.0')
    expect(run.tool.driver).toMatchObject({name: 'fitlint', informationUri: 'https://github.com/fitlint/fitlint'})
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
    const rules = run.tool.driver.rules
    expect(rules.map((rule: {id: string}) => rule.id)).toEqual(builtinRules.map((rule) => rule.id))
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10)
      expect(rule.fullDescription.text.length).toBeGreaterThanOrEqual(rule.shortDescription.text.length / 2)
      expect(rule.help.text).toContain(`https://github.com/fitlint/fitlint/blob/main/rules/${rule.id}/README.md`)
      expect(rule.help.markdown).toContain(`(https://github.com/fitlint/fitlint/blob/main/rules/${rule.id}/README.md)`)
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level)
    }

    const unsafe = rules.find((rule: {id: string}) => rule.id === 'unsafe-advice')
    expect(unsafe.defaultConfiguration.level).toBe('error')
    expect(unsafe.fullDescription.text).toMatch(/^Advice that can hurt a reader/)
    expect(run.automationDetails).toBeUndefined()
  })

  it('reports each message with rule, level, message, a repo-relative location and 1-based region', async () => {
    const cwd = tempDir({
      'posts/a.md': ADVICE,
      'posts/b.md': SAFE + '\n' + UNSAFE_LINE + '\n',
      'posts/with space,#1.md': ADVICE
    })
    const {code, run, results} = await sarif(['posts', '--rule', 'uncited-claim=info', '--rule', 'medical-disclaimer=error'], cwd)
    expect(code).toBe(1)
    const byRule = (id: string) => results.filter((result) => result.ruleId === id)
    const [missing] = byRule('medical-disclaimer')
    expect(missing).toMatchObject({
      level: 'error',
      message: {text: expect.stringMatching(/^Health page has no medical disclaimer/)},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'posts/a.md', uriBaseId: '%SRCROOT%'},
            region: {startLine: 1, startColumn: 3, endLine: 1, endColumn: 10}
          }
        }
      ]
    })
    expect(run.tool.driver.rules[missing.ruleIndex].id).toBe('medical-disclaimer')
    const [unsafe] = byRule('unsafe-advice')
    expect(unsafe.level).toBe('warning')
    expect(unsafe.locations[0].physicalLocation.artifactLocation.uri).toBe('posts/b.md')
    expect(unsafe.locations[0].physicalLocation.region).toEqual({startLine: 7, startColumn: 1, endLine: 7, endColumn: 44})
    expect(byRule('uncited-claim').every((result) => result.level === 'note')).toBe(true)
    expect(results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri)).toContain('posts/with%20space%2C%231.md')
    for (const result of results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[\da-f]{16}:\d+$/)
    }

    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/)
  })

  it('makes paths relative to the git root when run inside a repository', async () => {
    const cwd = gitRepo({'site/posts/a.md': ADVICE, 'README.md': '# Repo\n'})
    const {results, run} = await sarif(['posts'], path.join(cwd, 'site'))
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('site/posts/a.md')
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(cwd).href + '/')
  })

  it('gives parse errors a fitlint/parse rule and still validates', async () => {
    const cwd = tempDir({'broken.mdx': '# Hi\n\n<Callout>\nunclosed\n', 'binary.md': 'PK\u0000\u0003\u0004\u0000\u0000\u0000\u0000binary'})
    const {code, run, results} = await sarif(['.'], cwd)
    expect(code).toBe(1)
    const parse = results.filter((result) => result.ruleId === 'fitlint/parse')
    expect(parse).toHaveLength(2)
    expect(parse.every((result) => result.level === 'error')).toBe(true)
    const binary = parse.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'binary.md')!
    expect(binary.locations[0].physicalLocation.region).toEqual({startLine: 1})
    const rule = run.tool.driver.rules[parse[0].ruleIndex]
    expect(rule.id).toBe('fitlint/parse')
    expect(rule.shortDescription.text).toMatch(/could not be read or parsed/)
  })

  it('keeps primaryLocationLineHash stable across unrelated edits and distinct for repeats', async () => {
    const body = SAFE + '\n' + UNSAFE_LINE + '\n\nRest a day.\n\n' + UNSAFE_LINE + '\n'
    const cwd = tempDir({'a.md': body})
    const hashes = async () =>
      (await sarif(['a.md'], cwd)).results
        .filter((result) => result.ruleId === 'unsafe-advice')
        .map((result) => [result.locations[0].physicalLocation.region.startLine, result.partialFingerprints.primaryLocationLineHash])
    const before = await hashes()
    expect(before).toHaveLength(2)
    expect(before[0][1]).toMatch(/:1$/)
    expect(before[1][1]).toMatch(/:2$/)
    expect(before[0][1].split(':')[0]).toBe(before[1][1].split(':')[0])

    // Lines added above: line numbers move, fingerprints do not.
    fs.writeFileSync(path.join(cwd, 'a.md'), body.replace('# Leg day\n', '# Leg day\n\nA new intro paragraph.\n\nAnd another.\n'))
    const moved = await hashes()
    expect(moved.map(([line]) => line)).toEqual(before.map(([line]) => Number(line) + 4))
    expect(moved.map(([, hash]) => hash)).toEqual(before.map(([, hash]) => hash))

    // The flagged line itself edited: a new fingerprint.
    write(cwd, 'a.md', body.replace(UNSAFE_LINE + '\n\nRest', 'Push through the pain on every set.\n\nRest'))
    const edited = await hashes()
    expect(edited[0][1]).not.toBe(before[0][1])
  })

  it('names the shard in automationDetails and reports an empty run validly', async () => {
    const cwd = tempDir({'a.md': SAFE})
    const {run} = await sarif(['a.md', '--shard', '2/3'], cwd)
    expect(run.automationDetails).toEqual({id: 'fitlint/shard-2-of-3/'})
    expect(run.results).toEqual([])
  })

  it.skipIf(spawnSync('jq', ['--version']).status !== 0)('merges shard reports into one valid run with the jq recipe in the README', async () => {
    const files: Record<string, string> = {'.fitlintrc.json': JSON.stringify({customRules: [{id: 'house/bro-science', phrases: ['bro science'], message: 'Say what the evidence is.'}]})}
    for (let index = 0; index < 12; index++) files[`posts/p${index}.md`] = index % 4 === 0 ? ADVICE + '\nPure bro science.\n' : ADVICE
    const cwd = tempDir(files)
    const whole = await sarif(['posts'], cwd)
    for (const shard of [1, 2, 3]) {
      const result = await runCli(['posts', '--format', 'sarif', '--shard', `${shard}/3`, '--output-file', `shard-${shard}.sarif`], {cwd})
      expect(result.code).toBe(0)
    }

    const recipe = /jq -s '([^']+)' shard-\*\.sarif > fitlint\.sarif/.exec(fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8'))
    expect(recipe).not.toBeNull()
    const merged = spawnSync('jq', ['-s', recipe![1], 'shard-1.sarif', 'shard-2.sarif', 'shard-3.sarif'], {cwd, encoding: 'utf8'})
    expect(merged.status, merged.stderr).toBe(0)
    const log = JSON.parse(merged.stdout)
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0].automationDetails).toBeUndefined()
    const key = (result: SarifResult) => `${result.locations[0].physicalLocation.artifactLocation.uri} ${result.ruleId} ${result.partialFingerprints.primaryLocationLineHash}`
    expect(log.runs[0].results.map(key).sort()).toEqual(whole.results.map(key).sort())
    expect(log.runs[0].tool.driver.rules.map((rule: {id: string}) => rule.id)).toContain('house/bro-science')
  })

  it('writes SARIF to --output-file', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const result = await runCli(['a.md', '--format', 'sarif', '--output-file', 'fitlint.sarif'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(validate(JSON.parse(fs.readFileSync(path.join(cwd, 'fitlint.sarif'), 'utf8')))).toBe(true)
  })
})
