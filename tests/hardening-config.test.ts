/**
 * Every kind of bad config, through the built CLI: exit 2, and stderr names
 * the file, the key and (where there is one) a hint, with no stack trace and
 * no report on stdout. Also bad flags and paths given on the command line.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ConfigError, lint} from '../src/index.js'
import {runCli, tempDir} from './helpers.js'

const ARTICLE = '# Leg day\n\nPush through the pain.\n'
const temps: string[] = []

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir({'a.md': ARTICLE})
  temps.push(dir)
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), content)
  }

  return dir
}

afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, {recursive: true, force: true})
})

const STACK = /\n\s+at [^\n]*:\d+:\d+/
const json = (value: unknown) => JSON.stringify(value)

interface BadConfig {
  name: string
  files: Record<string, string | Uint8Array>
  /** The config file the message must name (relative to the folder). */
  file: string
  /** Substrings stderr must contain, after `fitlint: config error in <file>: `. */
  problem: string
  hint?: string
}

const BAD: BadConfig[] = [
  {name: 'JSON syntax', files: {'.fitlintrc.json': '{"rules": {"overclaim": "warn",}}'}, file: '.fitlintrc.json', problem: 'invalid JSON: Expected double-quoted property name at line 1, column 32'},
  {name: 'YAML in a `.fitlintrc` (JSON)', files: {'.fitlintrc': 'rules:\n  overclaim: warn\n'}, file: '.fitlintrc', problem: 'invalid JSON: ', hint: '`.fitlintrc` is JSON; use `.fitlintrc.yaml` for YAML'},
  {name: 'YAML syntax', files: {'.fitlintrc.yaml': 'rules: [unclosed'}, file: '.fitlintrc.yaml', problem: 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 17'},
  {name: 'YAML that is a list', files: {'.fitlintrc.yml': '- a\n'}, file: '.fitlintrc.yml', problem: 'expected a config object, got an array'},
  {name: 'unknown top-level key', files: {'.fitlintrc.json': json({rulez: {}})}, file: '.fitlintrc.json', problem: '`rulez`: unknown key', hint: 'did you mean `rules`?'},
  {name: 'unknown key, no close match', files: {'.fitlintrc.json': json({zzz: 1})}, file: '.fitlintrc.json', problem: '`zzz`: unknown key', hint: 'allowed keys: extends, rules, settings, overrides, phrases, accept, customRules'},
  {name: '`__proto__` key', files: {'.fitlintrc.json': '{"__proto__": {"rules": {}}}'}, file: '.fitlintrc.json', problem: '`__proto__`: unknown key'},
  {name: 'wrong type: rules is a list', files: {'.fitlintrc.json': json({rules: []})}, file: '.fitlintrc.json', problem: '`rules`: expected an object of rule ids, got an array'},
  {name: 'wrong type: a setting', files: {'.fitlintrc.json': json({settings: {siteDisclaimer: 'yes'}})}, file: '.fitlintrc.json', problem: '`settings.siteDisclaimer`: expected true or false, got string `yes`', hint: 'The site template adds a medical disclaimer to every page.'},
  {name: 'wrong type: accept', files: {'.fitlintrc.json': json({accept: 'x'})}, file: '.fitlintrc.json', problem: '`accept`: expected a list of strings, got string `x`'},
  {name: 'wrong type: extends', files: {'.fitlintrc.json': json({extends: 5})}, file: '.fitlintrc.json', problem: '`extends`: expected a string or a list of strings, got number `5`'},
  {name: 'unknown setting', files: {'.fitlintrc.json': json({settings: {siteDisclamer: true}})}, file: '.fitlintrc.json', problem: '`settings.siteDisclamer`: unknown option', hint: 'did you mean `siteDisclaimer`?'},
  {name: 'bad enum setting', files: {'.fitlintrc.json': json({settings: {audience: 'everyone'}})}, file: '.fitlintrc.json', problem: '`settings.audience`: expected one of "general", "clinicians", got string `everyone`'},
  {name: 'unknown rule id', files: {'.fitlintrc.json': json({rules: {'medical-disclaimr': 'warn'}})}, file: '.fitlintrc.json', problem: '`rules.medical-disclaimr`: unknown rule id `medical-disclaimr`', hint: 'did you mean `medical-disclaimer`?'},
  {name: 'unknown rule id, no close match', files: {'.fitlintrc.json': json({rules: {constructor: 'warn'}})}, file: '.fitlintrc.json', problem: '`rules.constructor`: unknown rule id `constructor`', hint: 'known rules: medical-disclaimer, uncited-claim'},
  {name: 'bad severity', files: {'.fitlintrc.json': json({rules: {overclaim: 'loud'}})}, file: '.fitlintrc.json', problem: '`rules.overclaim`: invalid severity string `loud`', hint: 'use one of "off", "info", "warn", "error" (or "on" for the rule’s own severities)'},
  {name: 'bad numeric severity', files: {'.fitlintrc.json': json({rules: {overclaim: 3}})}, file: '.fitlintrc.json', problem: '`rules.overclaim`: invalid severity number `3`', hint: 'use one of "off"'},
  {name: 'bad severity in a list', files: {'.fitlintrc.json': json({rules: {overclaim: ['loud', {}]}})}, file: '.fitlintrc.json', problem: '`rules.overclaim[0]`: invalid severity string `loud`', hint: 'use one of "off"'},
  {name: 'rule entry of three items', files: {'.fitlintrc.json': json({rules: {overclaim: ['warn', {}, 1]}})}, file: '.fitlintrc.json', problem: '`rules.overclaim`: expected `severity` or `[severity, {options}]`'},
  {name: 'unknown rule option', files: {'.fitlintrc.json': json({rules: {overclaim: ['warn', {nope: 1}]}})}, file: '.fitlintrc.json', problem: '`rules.overclaim[1].nope`: unknown option', hint: 'this rule takes no options'},
  {name: 'bad glob: unclosed [', files: {'.fitlintrc.json': json({overrides: [{files: 'posts/[abc.md', rules: {}}]})}, file: '.fitlintrc.json', problem: '`overrides[0].files`: invalid glob `posts/[abc.md`: unclosed `[`', hint: 'globs look like `posts/**/*.md` or `*.html`'},
  {name: 'bad glob: unclosed {', files: {'.fitlintrc.json': json({overrides: [{files: ['ok/*.md', 'a/{b.md']}]})}, file: '.fitlintrc.json', problem: '`overrides[0].files[1]`: invalid glob `a/{b.md`: unclosed `{`', hint: 'globs look like'},
  {name: 'bad glob: empty', files: {'.fitlintrc.json': json({overrides: [{files: ' '}]})}, file: '.fitlintrc.json', problem: '`overrides[0].files`: invalid glob ` `: empty pattern'},
  {name: 'bad excludedFiles glob', files: {'.fitlintrc.json': json({overrides: [{files: '*.md', excludedFiles: 'x/}'}]})}, file: '.fitlintrc.json', problem: '`overrides[0].excludedFiles`: invalid glob `x/}`: unbalanced `}`'},
  {name: 'override without files', files: {'.fitlintrc.json': json({overrides: [{rules: {}}]})}, file: '.fitlintrc.json', problem: '`overrides[0].files`: missing `files`', hint: 'e.g. "files": ["reviews/**"]'},
  {name: 'unknown rule in an override', files: {'.fitlintrc.json': json({overrides: [{files: '*.md', rules: {nope: 'off'}}]})}, file: '.fitlintrc.json', problem: '`overrides[0].rules.nope`: unknown rule id `nope`'},
  {name: 'custom rule: bad id', files: {'.fitlintrc.json': json({customRules: [{id: 'Bad Id', phrases: ['x'], message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].id`: expected a kebab-case id, got string `Bad Id`', hint: 'e.g. "house/no-bro-science"'},
  {name: 'custom rule: built-in id', files: {'.fitlintrc.json': json({customRules: [{id: 'overclaim', phrases: ['x'], message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].id`: `overclaim` is a built-in rule id', hint: 'pick another id, e.g. "house/overclaim"'},
  {name: 'custom rule: duplicate id', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', phrases: ['x'], message: 'm'}, {id: 'house/x', phrases: ['y'], message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[1].id`: duplicate custom rule id `house/x`'},
  {name: 'custom rule: no message', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', phrases: ['x']}]})}, file: '.fitlintrc.json', problem: '`customRules[0].message`: expected the message to show (a non-empty string)'},
  {name: 'custom rule: neither phrases nor pattern', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0]`: a custom rule needs `phrases` or `pattern`'},
  {name: 'custom rule: invalid regular expression', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '(unclosed', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: invalid regular expression: Invalid regular expression: /(unclosed/iu: Unterminated group'},
  {name: 'custom rule: nested quantifiers', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '(a+)+b', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: unsafe regular expression: nested quantifiers (a quantified group that contains a quantifier)', hint: 'avoid nested quantifiers like `(a+)+` and back-references; use `phrases` for plain text'},
  {name: 'custom rule: quantified alternation', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '(a|aa)+b', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: unsafe regular expression: a quantified group with alternatives can backtrack exponentially', hint: 'avoid nested quantifiers'},
  {name: 'custom rule: back-reference', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '(\\w+) \\1', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: unsafe regular expression: back-references are not allowed', hint: 'avoid nested quantifiers'},
  {name: 'custom rule: adjacent quantifiers (polynomial)', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '\\w*\\w*!', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: unsafe regular expression: `\\w*` and `\\w*` can match the same characters and backtrack polynomially', hint: 'make quantifiers next to each other match different characters'},
  {name: 'custom rule: bad phrase syntax', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', phrases: ['ok', '(unclosed'], message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].phrases[1]`: invalid phrase `(unclosed`: unclosed `(`', hint: 'phrases use fitlint’s phrase syntax'},
  {name: 'custom rule: bad phrase in a condition', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', phrases: ['keto'], message: 'm', unlessSectionMentions: ['kidney]']}]})}, file: '.fitlintrc.json', problem: '`customRules[0].unlessSectionMentions[0]`: invalid phrase `kidney]`: unexpected `]`', hint: 'phrases use fitlint’s phrase syntax'},
  {name: 'JSON with a BOM and a bad rule', files: {'.fitlintrc.json': '\uFEFF' + json({rules: {nope: 'warn'}})}, file: '.fitlintrc.json', problem: '`rules.nope`: unknown rule id `nope`'},
  {name: 'package.json: broken JSON with a `fitlint` field', files: {'package.json': '{"name": "site", "fitlint": {"rules": {}},}'}, file: 'package.json', problem: 'invalid JSON: Expected double-quoted property name at line 1, column 43', hint: 'this package.json has a `fitlint` field'},
  {name: 'custom rule: lookaround', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: 'a(?=b)', message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: unsafe regular expression: lookaround assertions are not allowed'},
  {name: 'custom rule: pattern over 500 characters', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: 'a'.repeat(501), message: 'm'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].pattern`: unsafe regular expression: pattern is longer than 500 characters'},
  {name: 'custom rule: severity off', files: {'.fitlintrc.json': json({customRules: [{id: 'house/x', phrases: ['x'], message: 'm', severity: 'off'}]})}, file: '.fitlintrc.json', problem: '`customRules[0].severity`: expected "info", "warn" or "error"'},
  {name: 'phrases: unknown phrase group', files: {'.fitlintrc.json': json({phrases: {'medical-disclaimer': {add: {nonsense: ['x']}}}})}, file: '.fitlintrc.json', problem: '`phrases.medical-disclaimer`: unknown phrase group `nonsense`; groups: notAdvice'},
  {name: 'phrases: bad phrase syntax', files: {'.fitlintrc.json': json({phrases: {'medical-disclaimer': {add: {notAdvice: ['[unclosed']}}}})}, file: '.fitlintrc.json', problem: '`phrases.medical-disclaimer`: invalid phrase `[unclosed`: unclosed `[`'},
  {name: 'phrases: unknown rule', files: {'.fitlintrc.json': json({phrases: {overclaimz: {}}})}, file: '.fitlintrc.json', problem: '`phrases.overclaimz`: unknown rule id `overclaimz`', hint: 'did you mean `overclaim`?'},
  {name: 'phrases: unknown key', files: {'.fitlintrc.json': json({phrases: {overclaim: {append: {}}}})}, file: '.fitlintrc.json', problem: '`phrases.overclaim.append`: unknown key'},
  {name: 'extends: unknown preset', files: {'.fitlintrc.json': json({extends: 'recomended'})}, file: '.fitlintrc.json', problem: '`extends`: unknown preset `recomended`', hint: 'use "recommended", "strict", "publisher", or a path like "./base.fitlintrc.json"'},
  {name: 'extends: missing file', files: {'.fitlintrc.json': json({extends: './base.json'})}, file: '.fitlintrc.json', problem: '`extends`: cannot find `./base.json` (looked at '},
  {name: 'extends: circular', files: {'.fitlintrc.json': json({extends: './b.json'}), 'b.json': json({extends: './.fitlintrc.json'})}, file: '.fitlintrc.json', problem: '`extends`: circular `extends`: .fitlintrc.json → b.json → .fitlintrc.json'},
  {name: 'extends: itself', files: {'.fitlintrc.json': json({extends: './.fitlintrc.json'})}, file: '.fitlintrc.json', problem: '`extends`: circular `extends`: .fitlintrc.json → .fitlintrc.json'},
  {name: 'extends: an error in the extended file names that file', files: {'.fitlintrc.json': json({extends: './base.yaml'}), 'base.yaml': 'rules:\n  nope: warn\n'}, file: 'base.yaml', problem: '`rules.nope`: unknown rule id `nope`'},
  {name: 'JavaScript config that throws', files: {'.fitlintrc.mjs': 'throw new Error("boom in config")\n'}, file: '.fitlintrc.mjs', problem: 'cannot load JavaScript config: boom in config'},
  {name: 'JavaScript config with a syntax error', files: {'.fitlintrc.cjs': 'module.exports = {\n'}, file: '.fitlintrc.cjs', problem: 'cannot load JavaScript config: Unexpected end of input'},
  {name: 'JavaScript config exporting a number', files: {'.fitlintrc.mjs': 'export default 42\n'}, file: '.fitlintrc.mjs', problem: 'expected a config object, got number `42`'},
  {name: 'JavaScript config with a bad rule', files: {'.fitlintrc.js': 'export default {rules: {nope: "warn"}}\n', 'package.json': json({type: 'module'})}, file: '.fitlintrc.js', problem: '`rules.nope`: unknown rule id `nope`'},
  {name: 'package.json#fitlint with a bad rule', files: {'package.json': json({name: 'site', fitlint: {rules: {nope: 'warn'}}})}, file: 'package.json', problem: '`rules.nope`: unknown rule id `nope`'},
  {name: 'package.json#fitlint that is not an object', files: {'package.json': json({name: 'site', fitlint: 'strict'})}, file: 'package.json', problem: 'expected a config object, got string `strict`'},
  {name: '--config: a folder', files: {'cfg/x': ''}, file: 'cfg', problem: 'cannot read config: EISDIR'}
]

/** One case of each class also goes through the CLI (the rest through the library, which the CLI calls). */
const THROUGH_CLI = new Set([
  'JSON syntax',
  'YAML in a `.fitlintrc` (JSON)',
  'YAML syntax',
  'unknown top-level key',
  'wrong type: a setting',
  'unknown rule id',
  'bad severity',
  'bad glob: unclosed [',
  'custom rule: invalid regular expression',
  'custom rule: nested quantifiers',
  'custom rule: adjacent quantifiers (polynomial)',
  'custom rule: bad phrase syntax',
  'package.json: broken JSON with a `fitlint` field',
  'phrases: unknown phrase group',
  'extends: circular',
  'extends: missing file',
  'extends: an error in the extended file names that file',
  'JavaScript config that throws',
  'JavaScript config with a syntax error',
  'package.json#fitlint with a bad rule',
  '--config: a folder'
])

describe('bad configs: exit 2, the file, the key and a hint on stderr', () => {
  it('every case has a CLI run or a library check, and the CLI set covers each class', () => {
    expect([...THROUGH_CLI].filter((name) => !BAD.some((bad) => bad.name === name))).toEqual([])
  })

  it.concurrent.each(BAD.filter((bad) => THROUGH_CLI.has(bad.name)).map((bad) => [bad.name, bad] as const))('CLI: %s', async (_name, bad) => {
    const cwd = folder(bad.files)
    const args = bad.name.startsWith('--config') ? ['a.md', '--config', 'cfg'] : ['a.md']
    const result = await runCli(args, {cwd})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).not.toMatch(STACK)
    expect(result.stderr).toContain(`fitlint: config error in ${path.join(cwd, bad.file)}: ${bad.problem}`)
    if (bad.hint) expect(result.stderr).toContain(`\n  hint: ${bad.hint}`)
    // One error, not one per file.
    expect(result.stderr.match(/config error/g)).toHaveLength(1)
  })

  it.each(BAD.map((bad) => [bad.name, bad] as const))('library: %s', async (_name, bad) => {
    const cwd = folder(bad.files)
    const configPath = bad.name.startsWith('--config') ? path.join(cwd, 'cfg') : undefined
    const error = await lint(ARTICLE, {filePath: path.join(cwd, 'a.md'), cwd, configPath}).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(error, 'throws ConfigError').toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    // Under vitest, import() of a config goes through Vite, which words syntax errors its own way.
    const problem = bad.problem.startsWith('cannot load JavaScript config: ') ? 'cannot load JavaScript config: ' : bad.problem
    expect(message).toContain(`${path.join(cwd, bad.file)}: ${problem}`)
    if (bad.hint) expect(message).toContain(`\n  hint: ${bad.hint}`)
    expect((error as ConfigError).file).toBe(path.join(cwd, bad.file))
  })

  it('the library throws ConfigError with the file, key and hint', async () => {
    const cwd = folder({'.fitlintrc.json': json({rules: {'medical-disclaimr': 'warn'}})})
    const error = await lint(ARTICLE, {filePath: path.join(cwd, 'a.md'), cwd}).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect(error).toMatchObject({file: path.join(cwd, '.fitlintrc.json'), key: 'rules.medical-disclaimr', hint: 'did you mean `medical-disclaimer`?'})
  })

  it('a broken config stops the run even with many files: one message, exit 2', async () => {
    const files: Record<string, string> = {'.fitlintrc.json': '{'}
    for (let index = 0; index < 30; index++) files[`posts/${index}.md`] = ARTICLE
    const cwd = folder(files)
    const result = await runCli(['.'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr.match(/config error/g)).toHaveLength(1)
    expect(result.stdout).toBe('')
  })

  it('a broken config in one folder does not hide which file it is', async () => {
    const cwd = folder({'good/a.md': ARTICLE, 'bad/b.md': ARTICLE, 'bad/.fitlintrc.yaml': 'rules: {overclaim: loud}\n'})
    const result = await runCli(['.'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`fitlint: config error in ${path.join(cwd, 'bad/.fitlintrc.yaml')}: \`rules.overclaim\`: invalid severity string \`loud\``)
  })
})

describe('bad flags and paths: exit 2 and a clear message', () => {
  // (Unknown flags, bad --format, missing paths and --config files are in tests/cli.test.ts.)
  const cases: Array<[string, string[], string]> = [
    ['--rule with an unknown rule', ['a.md', '--rule', 'medical-disclaimr=warn'], 'fitlint: unknown rule `medical-disclaimr` in --rule; did you mean `medical-disclaimer`?'],
    ['--rule with a bad severity', ['a.md', '--rule', 'overclaim=loud'], 'fitlint: invalid --rule `overclaim=loud`: expected id=off|info|warn|error, e.g. --rule uncited-claim=off'],
    ['--rule without a severity', ['a.md', '--rule', 'overclaim'], 'fitlint: invalid --rule `overclaim`'],
    ['--max-warnings not a number', ['a.md', '--max-warnings', 'abc'], 'fitlint: --max-warnings expects a whole number ≥ 0']
  ]

  it.concurrent.each(cases)('%s', async (_name, args, message) => {
    const cwd = folder({})
    const result = await runCli(args, {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stderr).not.toMatch(STACK)
    expect(result.stdout).toBe('')
  })
})

/** Config problems that were once accepted, or reported unclearly (issue 8). */
describe('hostile configs', () => {
  // Polynomial backtracking: checkPatternSafety only looks at quantified
  // groups, so adjacent quantifiers over the same characters pass it. Each of
  // these takes seconds to minutes on one 1,200-character sentence (the
  // sentence cap), so a single long word in an article would stall the run;
  // the config check (scslre) rejects them.
  const POLYNOMIAL = ['\\w*\\w*\\w*\\w*!', '.*.*.*.*.*x', '[a-z]+[a-z]+[a-z]+z!', 'a+?a+?a+?b', '(?:a*){3}b', '(a+){1000}b']
  for (const pattern of POLYNOMIAL) {
    it(`custom rule pattern \`${pattern}\` backtracks polynomially: rejected when the config is loaded`, async () => {
      const cwd = folder({'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern, message: 'm'}]})})
      // Validation only: lint an empty text so nothing can hang here.
      await expect(lint('', {filePath: path.join(cwd, 'a.md'), cwd})).rejects.toThrow(/unsafe regular expression/)
    })
  }

  it('custom rule phrases are compiled when the config is loaded: `(unclosed` is a ConfigError', async () => {
    const cwd = folder({'.fitlintrc.json': json({customRules: [{id: 'house/x', phrases: ['(unclosed'], message: 'm'}]})})
    await expect(lint('', {filePath: path.join(cwd, 'a.md'), cwd})).rejects.toThrow(ConfigError)
  })

  it('a UTF-8 BOM in .fitlintrc.json (editors on Windows write one) is skipped: the config applies', async () => {
    const cwd = folder({'.fitlintrc.json': '\uFEFF' + json({rules: {overclaim: 'off'}})})
    const result = await runCli(['a.md'], {cwd})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    // Its rules apply (`unsafe-advice` is a warning by default).
    fs.writeFileSync(path.join(cwd, '.fitlintrc.json'), '\uFEFF' + json({rules: {'unsafe-advice': 'error'}}))
    expect((await runCli(['a.md'], {cwd})).code).toBe(1)
  })

  it('a UTF-8 BOM in .fitlintrc.yaml and package.json is skipped too', async () => {
    const yaml = folder({'.fitlintrc.yaml': '\uFEFFrules:\n  unsafe-advice: error\n'})
    expect((await runCli(['a.md'], {cwd: yaml})).code).toBe(1)
    const pkg = folder({'package.json': '\uFEFF' + json({name: 'site', fitlint: {rules: {'unsafe-advice': 'error'}}})})
    const result = await runCli(['a.md'], {cwd: pkg})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
  })

  it('a package.json that is broken JSON but has a "fitlint" field is a config error naming package.json', async () => {
    const cwd = folder({'package.json': '{"name": "site", "fitlint": {"rules": {"unsafe-advice": "error"}},}'})
    const result = await runCli(['a.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(path.join(cwd, 'package.json'))
    expect(result.stderr).toContain(`fitlint: config error in ${path.join(cwd, 'package.json')}: invalid JSON: `)
  })

  it('a broken package.json without a "fitlint" field is not fitlint’s business: ignored', async () => {
    const cwd = folder({'package.json': '{"name": "site",}'})
    const result = await runCli(['a.md'], {cwd})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('--ignore-path to a missing file: exit 2, "cannot read ignore file" naming it', async () => {
    const cwd = folder({})
    const result = await runCli(['a.md', '--ignore-path', 'nope.ignore'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('nope.ignore')
    expect(result.stderr).toBe('fitlint: cannot read ignore file nope.ignore: ENOENT (no such file)\n')
    expect(result.stdout).toBe('')
  })

  it('--ignore-path to a folder: exit 2, "cannot read ignore file"', async () => {
    const cwd = folder({'ignores/x': ''})
    const result = await runCli(['a.md', '--ignore-path', 'ignores'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('fitlint: cannot read ignore file ignores: it is a folder\n')
  })
})

describe('a polynomial custom pattern cannot stall the CLI', () => {
  it('`\\w*\\w*\\w*\\w*!` and one 1,200-letter word: the config is rejected (exit 2) well within 20 s', async () => {
    const cwd = folder({
      '.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '\\w*\\w*\\w*\\w*!', message: 'm'}]}),
      'long.md': '# Leg day\n\n' + 'a'.repeat(1200) + '\n'
    })
    const {spawn} = await import('node:child_process')
    const {BIN} = await import('./helpers.js')
    const code = await new Promise<number | null | 'timeout'>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'long.md'], {cwd, stdio: 'ignore'})
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve('timeout')
      }, 20_000)
      child.on('close', (exit) => {
        clearTimeout(timer)
        resolve(exit)
      })
    })
    expect(code).not.toBe('timeout')
    expect(code).toBe(2)
  }, 60_000)
})
