/**
 * House rules and phrase data from config, through the CLI as a user runs it.
 */
import {describe, expect, it} from 'vitest'
import {runCli as run, tempDir} from './helpers.js'

async function runCli(...args: Parameters<typeof run>) {
  const result = await run(...args)
  return {...result, stdout: result.stdout.replace(/ {2,}/g, ' ')}
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

describe('custom rules from config', () => {
  it('reports phrases and patterns with the configured message, severity and fix', async () => {
    const cwd = tempDir({
      '.fitlintrc.json': json({
        customRules: [
          {id: 'house/bro-science', phrases: ['bro science', 'anabolic window'], message: 'Say what the evidence is instead of “{match}”.', severity: 'error', replace: ['the evidence']},
          {id: 'house/no-percent-claims', pattern: '\\b\\d+ ?% (?:more|less) fat\\b', message: 'Percent fat claims need a source.', severity: 'warn'}
        ]
      }),
      'a.md': '# Notes\n\nThe anabolic window is bro science. You burn 30% more fat fasted.\n'
    })
    const result = await runCli(['a.md', '--format', 'json', '--rule', 'uncited-claim=off', '--rule', 'medical-disclaimer=off'], {cwd})
    expect(result.code).toBe(1)
    const messages = JSON.parse(result.stdout)[0].messages.map((message: Record<string, unknown>) => [message.ruleId, message.reason, message.fatal, message.expected])
    expect(messages).toEqual([
      ['house/bro-science', 'Say what the evidence is instead of “anabolic window”.', true, ['the evidence']],
      ['house/bro-science', 'Say what the evidence is instead of “bro science”.', true, ['the evidence']],
      ['house/no-percent-claims', 'Percent fat claims need a source.', false, undefined]
    ])
  })

  it('supports conditions on the section and the document', async () => {
    const cwd = tempDir({
      '.fitlintrc.json': json({
        rules: {'medical-disclaimer': 'off', 'uncited-claim': 'off', 'caution-required': 'off'},
        customRules: [
          {id: 'house/keto-warning', phrases: ['keto'], message: 'Keto sections must mention kidney disease.', unlessSectionMentions: ['kidney']},
          {id: 'house/sauna-hydration', phrases: ['sauna'], message: 'Sauna posts link the hydration guide.', unlessDocumentMentions: ['hydration guide']},
          {id: 'house/only-in-reviews', phrases: ['best'], message: 'Review wording.', ifDocumentMentions: ['we tested']}
        ]
      }),
      'a.md': '# Keto\n\nKeto is popular.\n\n## Kidneys\n\nKeto and kidney disease: ask first.\n\n## Sauna\n\nThe sauna is best after a run.\n'
    })
    const result = await runCli(['a.md'], {cwd})
    expect(result.stdout).toContain('3:1-3:5 warning Keto sections must mention kidney disease. house/keto-warning')
    expect(result.stdout).not.toContain('7:1-7:5')
    expect(result.stdout).toContain('11:5-11:10 warning Sauna posts link the hydration guide. house/sauna-hydration')
    expect(result.stdout).not.toContain('Review wording.')
  })

  it('can be turned off, set to another severity, and silenced inline like built-in rules', async () => {
    const cwd = tempDir({
      '.fitlintrc.json': json({customRules: [{id: 'house/bro', phrases: ['bro'], message: 'No bro.'}], rules: {'house/bro': 'error', 'medical-disclaimer': 'off'}}),
      'a.md': 'Hey bro.\n\n<!-- fitlint-disable-next-line house/bro -->\nHey bro.\n'
    })
    const result = await runCli(['a.md'], {cwd})
    expect(result.stdout).toContain('1:5-1:8 error No bro. house/bro')
    expect(result.stdout).not.toContain('4:5')
    const off = await runCli(['a.md', '--rule', 'house/bro=off'], {cwd})
    expect(off.stdout).toContain('no issues found')
  })

  it('rejects invalid custom rules with exit 2', async () => {
    const cwd = tempDir({
      '.fitlintrc.json': json({customRules: [{id: 'Bad Id', phrases: ['x'], message: 'm'}]}),
      'a.md': 'x\n'
    })
    const result = await runCli(['a.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`customRules[0].id`: expected a kebab-case id')
    const unsafe = tempDir({'.fitlintrc.json': json({customRules: [{id: 'house/x', pattern: '(a|aa)+$', message: 'm'}]}), 'a.md': 'x\n'})
    const unsafeResult = await runCli(['a.md'], {cwd: unsafe})
    expect(unsafeResult.code).toBe(2)
    expect(unsafeResult.stderr).toContain('unsafe regular expression')
  })
})

describe('phrase data and accept lists from config', () => {
  it('adds phrases to a rule group and removes built-in ones', async () => {
    const text = '# Legs\n\nSquat twice a week. Take creatine daily. Eat protein.\n\nNothing on this site is a prescription.\n\nDo a juice cleanse for three days.\n'
    const base = tempDir({'a.md': text})
    const before = await runCli(['a.md', '--rule', 'uncited-claim=off'], {cwd: base})
    expect(before.stdout).toContain('Health page has no medical disclaimer')
    expect(before.stdout).not.toContain('juice cleanse')

    const cwd = tempDir({
      'a.md': text,
      '.fitlintrc.json': json({
        rules: {'uncited-claim': 'off'},
        phrases: {
          'medical-disclaimer': {add: {notAdvice: ['nothing on this site is a prescription']}},
          overclaim: {add: {detox: ['juice cleanse']}}
        }
      })
    })
    const after = await runCli(['a.md'], {cwd})
    expect(after.stdout).not.toContain('Health page has no medical disclaimer')
    expect(after.stdout).toContain('Detox claims lack evidence (NCCIH): “juice cleanse”.')

    const removed = tempDir({
      'a.md': '# Tea\n\nThis detox tea tastes great.\n',
      '.fitlintrc.json': json({rules: {'medical-disclaimer': 'off'}, phrases: {overclaim: {remove: ['detox*']}}})
    })
    expect((await runCli(['a.md'], {cwd: removed})).stdout).toContain('no issues found')
  })

  it('never reports accepted words and phrases', async () => {
    const cwd = tempDir({
      'a.md': '# Tea\n\nThis detox tea tastes great.\n',
      '.fitlintrc.json': json({rules: {'medical-disclaimer': 'off'}, accept: ['detox']})
    })
    expect((await runCli(['a.md'], {cwd})).stdout).toContain('no issues found')
  })

  it('reports a bad phrase or group with the file and key', async () => {
    const cwd = tempDir({'a.md': 'x\n', '.fitlintrc.json': json({phrases: {overclaim: {add: {detoxx: ['x']}}}})})
    const result = await runCli(['a.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`phrases.overclaim`: invalid phrase `detoxx`: unknown phrase group `detoxx`')
  })
})

describe('presets', () => {
  const advice = '---\ntitle: Legs\n---\n\n# Legs\n\nSquat twice a week. Take creatine daily. Eat protein.\n'

  it('recommended keeps rule severities, strict makes them errors, publisher assumes a site disclaimer', async () => {
    const recommended = await runCli(['a.md'], {cwd: tempDir({'a.md': advice})})
    expect(recommended.code).toBe(0)
    expect(recommended.stdout).toContain('warning Health page has no medical disclaimer')
    const strict = await runCli(['a.md'], {cwd: tempDir({'a.md': advice, '.fitlintrc.json': json({extends: 'strict'})})})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('error Health page has no medical disclaimer')
    const publisher = await runCli(['a.md'], {cwd: tempDir({'a.md': advice, '.fitlintrc.json': json({extends: 'fitlint:publisher'})})})
    expect(publisher.stdout).not.toContain('medical disclaimer')
    expect(publisher.stdout).toContain('error Review metadata: missing `author`')
  })
})
