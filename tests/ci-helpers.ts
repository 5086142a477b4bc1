/**
 * Helpers for the CI tests (tests/ci-*.test.ts): temporary git repositories
 * and a generated article folder.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
// @ts-expect-error: a plain .mjs script without types.
import {ensureCorpus} from '../scripts/bench/corpus.mjs'
import {tempDir} from './helpers.js'

export const ADVICE = '# Leg day\n\nSquat twice a week. Take creatine every day. Eat more protein and sleep eight hours.\n'
export const SAFE = '# Leg day\n\nThis is general information, not medical advice.\n\nSquat twice a week. Take creatine every day.\n'
export const UNSAFE_LINE = 'Push through the pain on the last two sets.'

/** Run git in `cwd` with a fixed identity and no user or system config. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=fitlint', '-c', 'user.email=fitlint@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'}
  })
}

/** A temporary git repository with `files` committed on `main`. */
export function gitRepo(files: Record<string, string>): string {
  const dir = tempDir(files)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

export function write(dir: string, name: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
  fs.writeFileSync(path.join(dir, name), content)
}

/** `count` generated articles (about `bytes` each) under `<dir>/articles`. */
export function articles(count: number, bytes: number, seed: string): string {
  const dir = tempDir()
  fs.rmdirSync(dir)
  ensureCorpus({files: count, bytes: count * bytes, seed, dir})
  for (const extra of ['linear', 'single', 'relint', 'manifest.json']) {
    fs.rmSync(path.join(dir, extra), {recursive: true, force: true})
  }

  return dir
}
