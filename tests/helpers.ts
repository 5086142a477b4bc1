/**
 * Test helpers: run the built CLI as a user would, lint text with the API,
 * and print messages in the compact form rule tests compare against:
 * `3:1-3:24 warning Reason (rule-id)`.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {builtinRules} from '../rules/index.js'
import {createResolver, lint} from '../src/index.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BIN = path.join(ROOT, 'dist/src/cli/bin.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function runCli(
  args: string[],
  options: {cwd?: string; stdin?: string; env?: Record<string, string>} = {}
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env}
    })
    let stdout = ''
    let stderr = ''
    // Decode as UTF-8 across chunk boundaries (a character split between two
    // 64 KB chunks must not turn into U+FFFD).
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? -1, stdout, stderr}))
    if (options.stdin !== undefined) child.stdin.end(options.stdin)
    else child.stdin.end()
  })
}

/** A temporary folder with the given files. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fitlint-test-'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, content)
  }

  return dir
}

/** Lint text with only `ruleIds` on (all rules when omitted), no config files. */
export async function lintText(text: string, filePath: string, ruleIds?: string[]): Promise<VFile> {
  const rules: Record<string, 'off' | 'on'> = {}
  if (ruleIds) {
    for (const rule of builtinRules) rules[rule.id] = ruleIds.includes(rule.id) ? 'on' : 'off'
  }

  return lint(text, {filePath, resolver: createResolver({noConfig: true, rules})})
}

const LABEL: Record<string, string> = {true: 'error', false: 'warning', undefined: 'info'}

/** `line:column-line:column severity reason (ruleId)` per message. */
export function format(file: VFile): string[] {
  return file.messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const range = place
      ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
      : `${message.line ?? 0}:${message.column ?? 0}`
    return `${range} ${LABEL[String(message.fatal)]} ${message.reason} (${message.ruleId})`
  })
}
