/**
 * The composite GitHub Action (action.yml) and the pre-commit hook manifest:
 * the action's lint step runs here with bash, as a runner would run it,
 * against the built CLI (installed as the project's node_modules/.bin/fitlint).
 * The real pre-commit run is .ci/precommit-test.sh.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {BIN, ROOT, tempDir} from './helpers.js'
import {ADVICE, SAFE} from './ci-helpers.js'

interface Step {
  id?: string
  if?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, string>
}

const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, {default?: string}>
  runs: {using: string; steps: Step[]}
}

/** Run the action's `lint` step with these inputs; return its outputs. */
function runLintStep(cwd: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((candidate) => candidate.id === 'lint')!
  const values: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) values[name] = inputs[name] ?? input.default ?? ''
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(step.env ?? {})) {
    env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => values[name])
  }

  const temp = tempDir()
  const output = path.join(temp, 'output')
  fs.writeFileSync(output, '')
  const result = spawnSync('bash', ['-e', '-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: output,
      GITHUB_JOB: 'lint',
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
      NO_COLOR: '1'
    }
  })
  const outputs = Object.fromEntries(
    fs
      .readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, temp}
}

function project(files: Record<string, string>): string {
  const cwd = tempDir(files)
  fs.mkdirSync(path.join(cwd, 'node_modules/.bin'), {recursive: true})
  const bin = path.join(cwd, 'node_modules/.bin/fitlint')
  fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`)
  fs.chmodSync(bin, 0o755)
  return cwd
}

describe('action.yml', () => {
  it('is a composite action that uploads SARIF with codeql-action and fails after uploading', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'args', 'upload-sarif']))
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!
    expect(upload.if).toContain("inputs.upload-sarif == 'true'")
    expect(upload.if).toContain('!cancelled()')
    expect(upload.with).toMatchObject({sarif_file: '${{ steps.lint.outputs.sarif-file }}'})
    const last = action.runs.steps.at(-1)!
    expect(last.run).toContain('exit "${FITLINT_EXIT:-2}"')
  })

  it('writes SARIF, prints annotations, and reports the exit code', () => {
    const cwd = project({'posts/a.md': ADVICE, 'posts/b.md': SAFE + '\nIf your knee twinges mid-set, keep squatting.\n'})
    const run = runLintStep(cwd, {paths: 'posts', args: '--max-warnings 5'})
    expect(run.status, run.stderr).toBe(0)
    expect(run.outputs['exit-code']).toBe('1')
    expect(run.outputs.category).toBe('fitlint')
    const sarif = JSON.parse(fs.readFileSync(run.outputs['sarif-file'], 'utf8'))
    expect(sarif.runs[0].results.map((result: {ruleId: string}) => result.ruleId).sort()).toEqual(['medical-disclaimer', 'unsafe-advice'])
    expect(run.stdout).toContain('::error file=posts/b.md,line=7')
    expect(run.stdout).toContain('::warning file=posts/a.md,line=1')
    expect(fs.readFileSync(path.join(run.temp, 'summary.md'), 'utf8')).toContain('## fitlint')
    // The cache the two runs shared is gone.
    expect(fs.readdirSync(run.temp).filter((name) => name.endsWith('.cache'))).toEqual([])
  })

  it('names a category per shard, skips SARIF when asked, and passes a clean run', () => {
    const cwd = project({'posts/a.md': SAFE, 'posts/b.md': SAFE, 'posts/c.md': SAFE})
    const shard = runLintStep(cwd, {paths: 'posts', args: '--shard 2/3 --cache-location .fitlintcache'})
    expect(shard.outputs['exit-code']).toBe('0')
    // A cache location in `args` wins over the action's own (to keep it with actions/cache).
    expect(fs.existsSync(path.join(cwd, '.fitlintcache'))).toBe(true)
    expect(shard.outputs.category).toBe('fitlint/shard-2-of-3')
    expect(JSON.parse(fs.readFileSync(shard.outputs['sarif-file'], 'utf8')).runs[0].automationDetails.id).toBe('fitlint/shard-2-of-3/')
    const noUpload = runLintStep(cwd, {paths: 'posts', 'upload-sarif': 'false', format: 'stylish'})
    expect(noUpload.outputs['exit-code']).toBe('0')
    expect(noUpload.outputs['sarif-file']).toBeUndefined()
    const usage = runLintStep(cwd, {paths: 'nope'})
    expect(usage.outputs['exit-code']).toBe('2')
    expect(usage.outputs['sarif-file']).toBeUndefined()
  })
})

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook for Markdown, MDX, HTML and text files', () => {
    const [hook] = YAML.parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))
    expect(hook).toMatchObject({id: 'fitlint', entry: 'fitlint', language: 'node', pass_filenames: true})
    const files = new RegExp(hook.files)
    for (const name of ['a.md', 'posts/b.markdown', 'c.mdx', 'd.html', 'e.htm', 'f.txt']) expect(files.test(name), name).toBe(true)
    for (const name of ['a.json', 'b.js', 'md', 'c.mdx.bak']) expect(files.test(name), name).toBe(false)
  })
})
