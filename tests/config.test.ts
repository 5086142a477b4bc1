/**
 * Config discovery, validation, extends, presets and overrides.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../src/config/errors.js'
import {ConfigResolver} from '../src/config/resolve.js'
import {tempDir} from './helpers.js'

async function resolveIn(files: Record<string, string>, file = 'posts/a.md', options = {}) {
  const cwd = tempDir(files)
  const resolver = new ConfigResolver({cwd, ...options})
  return {cwd, config: await resolver.resolve(path.join(cwd, file))}
}

async function errorOf(files: Record<string, string>, file = 'a.md'): Promise<string> {
  const cwd = tempDir(files)
  try {
    await new ConfigResolver({cwd}).resolve(path.join(cwd, file))
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message.replace(cwd + path.sep, '')
  }

  throw new Error('expected a config error')
}

describe('config discovery', () => {
  it('defaults to the recommended preset', async () => {
    const {config} = await resolveIn({})
    expect(config.rules['medical-disclaimer']).toEqual({severity: 'on', options: {}})
    expect(config.sources).toEqual(['preset:recommended'])
  })

  it('finds the nearest rc file in each format, and package.json#fitlint', async () => {
    for (const [name, content] of [
      ['.fitlintrc', '{"rules": {"medical-disclaimer": "error"}}'],
      ['.fitlintrc.json', '{"rules": {"medical-disclaimer": "error"}}'],
      ['.fitlintrc.yaml', 'rules:\n  medical-disclaimer: error\n'],
      ['.fitlintrc.yml', 'rules:\n  medical-disclaimer: error\n'],
      ['.fitlintrc.cjs', 'module.exports = {rules: {"medical-disclaimer": "error"}}\n'],
      ['.fitlintrc.mjs', 'export default {rules: {"medical-disclaimer": "error"}}\n'],
      ['package.json', '{"name": "x", "fitlint": {"rules": {"medical-disclaimer": "error"}}}']
    ]) {
      const {config} = await resolveIn({[name]: content, 'posts/a.md': ''})
      expect(config.rules['medical-disclaimer'].severity, name).toBe('error')
    }
  })

  it('ignores a package.json without a fitlint field and keeps searching up', async () => {
    const {config} = await resolveIn({
      '.fitlintrc.json': '{"rules": {"medical-disclaimer": "info"}}',
      'posts/package.json': '{"name": "posts"}',
      'posts/a.md': ''
    })
    expect(config.rules['medical-disclaimer'].severity).toBe('info')
  })

  it('the nearest config wins', async () => {
    const {config} = await resolveIn({
      '.fitlintrc.json': '{"rules": {"medical-disclaimer": "info"}}',
      'posts/.fitlintrc.json': '{"rules": {"medical-disclaimer": "error"}}',
      'posts/a.md': ''
    })
    expect(config.rules['medical-disclaimer'].severity).toBe('error')
  })

  it('does not run JavaScript configs when JS is not allowed', async () => {
    const cwd = tempDir({'.fitlintrc.js': 'export default {}\n', 'a.md': ''})
    await expect(new ConfigResolver({cwd, allowJs: false}).resolve(path.join(cwd, 'a.md'))).rejects.toThrow(
      /JavaScript config files are not loaded here/
    )
  })
})

describe('extends, presets, overrides', () => {
  it('extends presets and files; a bare severity keeps options', async () => {
    const {config} = await resolveIn({
      'base.json': '{"rules": {"medical-disclaimer": ["warn", {"siteDisclaimer": true}]}, "settings": {"audience": "general"}}',
      '.fitlintrc.json': '{"extends": ["strict", "./base.json"], "rules": {"medical-disclaimer": "error"}}',
      'posts/a.md': ''
    })
    expect(config.rules['medical-disclaimer']).toEqual({severity: 'error', options: {siteDisclaimer: true}})
    expect(config.settings).toEqual({audience: 'general'})
    expect(config.sources.map((source) => path.basename(source))).toEqual(['preset:strict', 'base.json', '.fitlintrc.json'])
  })

  it('applies the publisher preset settings', async () => {
    const {config} = await resolveIn({'.fitlintrc.json': '{"extends": "publisher"}', 'posts/a.md': ''})
    expect(config.settings.siteDisclaimer).toBe(true)
  })

  it('applies overrides by glob, relative to the config file', async () => {
    const files = {
      '.fitlintrc.json': JSON.stringify({
        overrides: [
          {files: ['reviews/**'], rules: {'medical-disclaimer': 'off'}},
          {files: '*.html', excludedFiles: 'keep.html', settings: {siteDisclaimer: true}}
        ]
      }),
      'reviews/x.md': '',
      'posts/a.md': '',
      'b.html': '',
      'keep.html': ''
    }
    expect((await resolveIn(files, 'reviews/x.md')).config.rules['medical-disclaimer'].severity).toBe('off')
    expect((await resolveIn(files, 'posts/a.md')).config.rules['medical-disclaimer'].severity).toBe('on')
    expect((await resolveIn(files, 'b.html')).config.settings.siteDisclaimer).toBe(true)
    expect((await resolveIn(files, 'keep.html')).config.settings.siteDisclaimer).toBeUndefined()
  })

  it('applies --rule overrides last', async () => {
    const {config} = await resolveIn(
      {'.fitlintrc.json': '{"rules": {"medical-disclaimer": "error"}}', 'posts/a.md': ''},
      'posts/a.md',
      {ruleOverrides: {'medical-disclaimer': {severity: 'off', options: {}}}}
    )
    expect(config.rules['medical-disclaimer'].severity).toBe('off')
  })
})

describe('config errors name the file, the key and a hint', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['broken JSON', {'.fitlintrc.json': '{"rules": '}, '.fitlintrc.json: invalid JSON: Unexpected end of JSON input'],
    ['broken YAML', {'.fitlintrc.yaml': 'rules: [\n'}, '.fitlintrc.yaml: invalid YAML:'],
    ['not an object', {'.fitlintrc.json': '[]'}, '.fitlintrc.json: expected a config object, got an array'],
    ['unknown key', {'.fitlintrc.json': '{"rule": {}}'}, '.fitlintrc.json: `rule`: unknown key\n  hint: did you mean `rules`?'],
    ['unknown rule', {'.fitlintrc.json': '{"rules": {"uncited": "off"}}'}, '.fitlintrc.json: `rules.uncited`: unknown rule id `uncited`'],
    ['bad severity', {'.fitlintrc.json': '{"rules": {"medical-disclaimer": "loud"}}'}, '.fitlintrc.json: `rules.medical-disclaimer`: invalid severity string `loud`'],
    ['bad option', {'.fitlintrc.json': '{"rules": {"medical-disclaimer": ["warn", {"site": true}]}}'}, '.fitlintrc.json: `rules.medical-disclaimer[1].site`: unknown option\n  hint: did you mean `siteDisclaimer`?'],
    ['wrong option type', {'.fitlintrc.json': '{"rules": {"medical-disclaimer": ["warn", {"siteDisclaimer": "yes"}]}}'}, '.fitlintrc.json: `rules.medical-disclaimer[1].siteDisclaimer`: expected true or false, got string `yes`'],
    ['bad setting', {'.fitlintrc.json': '{"settings": {"audience": "kids"}}'}, '.fitlintrc.json: `settings.audience`: expected one of "general", "clinicians", got string `kids`'],
    ['bad glob', {'.fitlintrc.json': '{"overrides": [{"files": "posts/[a.md", "rules": {}}]}'}, '.fitlintrc.json: `overrides[0].files`: invalid glob `posts/[a.md`: unclosed `[`'],
    ['override without files', {'.fitlintrc.json': '{"overrides": [{"rules": {}}]}'}, '.fitlintrc.json: `overrides[0].files`: missing `files`'],
    ['unknown preset', {'.fitlintrc.json': '{"extends": "airbnb"}'}, '.fitlintrc.json: `extends`: unknown preset `airbnb`'],
    ['missing extends file', {'.fitlintrc.json': '{"extends": "./base.json"}'}, '.fitlintrc.json: `extends`: cannot find `./base.json`'],
    ['circular extends', {'.fitlintrc.json': '{"extends": "./b.json"}', 'b.json': '{"extends": "./.fitlintrc.json"}'}, 'circular `extends`: .fitlintrc.json → b.json → .fitlintrc.json'],
    ['bad custom rule pattern', {'.fitlintrc.json': '{"customRules": [{"id": "house/x", "pattern": "(a+)+", "message": "m"}]}'}, '.fitlintrc.json: `customRules[0].pattern`: unsafe regular expression: nested quantifiers'],
    ['invalid custom rule regex', {'.fitlintrc.json': '{"customRules": [{"id": "house/x", "pattern": "(", "message": "m"}]}'}, '.fitlintrc.json: `customRules[0].pattern`: invalid regular expression:'],
    ['bad phrase', {'.fitlintrc.json': '{"phrases": {"medical-disclaimer": {"add": {"notAdvice": ["not (closed"]}}}}'}, '.fitlintrc.json: `phrases.medical-disclaimer`: invalid phrase `not (closed`: unclosed `(`'],
    ['unknown phrase group', {'.fitlintrc.json': '{"phrases": {"medical-disclaimer": {"add": {"nope": ["x"]}}}}'}, '.fitlintrc.json: `phrases.medical-disclaimer`: unknown phrase group `nope`']
  ]

  for (const [name, files, expected] of cases) {
    it(name, async () => {
      expect(await errorOf({...files, 'a.md': ''})).toContain(expected)
    })
  }
})
