/**
 * What git knows: the repository root (SARIF and annotation paths, shards)
 * and, for `--changed-since REF`, which files changed since REF (committed,
 * staged, unstaged and untracked) and which of their lines were added or
 * edited (`--changed-lines`).
 *
 * Changes are taken against the merge base of REF and HEAD, as a pull
 * request shows them: commits that landed on REF after the branch started
 * are not “changed” here.
 */
import {spawn} from 'node:child_process'
import path from 'node:path'
import {UsageError} from '../config/errors.js'

interface GitResult {
  code: number
  stdout: string
  stderr: string
}

function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', (error) => resolve({code: -1, stdout: '', stderr: error.message}))
    child.on('close', (code) =>
      resolve({code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    )
  })
}

/**
 * The top folder of the git work tree holding `cwd`, if any, reached from
 * `cwd` (`--show-cdup`, not `--show-toplevel`, which resolves symlinks), so it
 * compares with paths built from `cwd`.
 */
export async function gitRoot(cwd: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--show-cdup'], cwd)
  if (result.code !== 0) return undefined
  return path.resolve(cwd, result.stdout.replace(/\r?\n$/, ''))
}

/** Added or edited lines (1-based) per file; `'all'` for a new file. */
export type ChangedLines = Map<string, Set<number> | 'all'>

export interface Changes {
  root: string
  /** The commit compared against (the merge base of REF and HEAD). */
  base: string
  /** Absolute paths of changed files that exist now. */
  files: Set<string>
  /** Set when `lines` was asked for. */
  lines?: ChangedLines
  /** Said on stderr when the comparison is not the usual one. */
  warning?: string
}

const NUL = '\u0000'

export async function changedSince(ref: string, cwd: string, options: {lines: boolean}): Promise<Changes> {
  const root = await gitRoot(cwd)
  if (!root) {
    throw new UsageError(`--changed-since needs a git repository, and \`${cwd}\` is not in one`)
  }

  const resolved = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root)
  if (resolved.code !== 0) {
    throw new UsageError(
      `--changed-since: \`${ref}\` is not a commit, branch or tag in this repository (in CI, fetch it first, e.g. actions/checkout with \`fetch-depth: 0\`)`
    )
  }

  const target = resolved.stdout.trim()
  let base = target
  let warning: string | undefined
  const mergeBase = await git(['merge-base', target, 'HEAD'], root)
  if (mergeBase.code === 0 && mergeBase.stdout.trim()) {
    base = mergeBase.stdout.trim()
  } else {
    warning = `fitlint: no common history between \`${ref}\` and HEAD (a shallow clone?); comparing the work tree with \`${ref}\` itself`
  }

  const common = ['-c', 'core.quotePath=false']
  // Whatever the user's git config says: plain output, a/ b/ prefixes, paths from the root.
  const diffFlags = ['--no-color', '--no-ext-diff', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/', '--find-renames', '--diff-filter=d']
  const [names, untracked] = await Promise.all([
    git([...common, 'diff', '--name-only', '-z', ...diffFlags, base, '--'], root),
    git([...common, 'ls-files', '--others', '--exclude-standard', '--full-name', '-z'], root)
  ])
  for (const result of [names, untracked]) {
    if (result.code !== 0) throw new Error(`git failed: ${result.stderr.trim()}`)
  }

  const files = new Set<string>()
  const untrackedFiles = new Set<string>()
  for (const name of names.stdout.split(NUL)) if (name) files.add(path.join(root, name))
  for (const name of untracked.stdout.split(NUL)) {
    if (!name) continue
    files.add(path.join(root, name))
    untrackedFiles.add(path.join(root, name))
  }

  const changes: Changes = {root, base, files, warning}
  if (options.lines) {
    const patch = await git([...common, 'diff', '-U0', ...diffFlags, base, '--'], root)
    if (patch.code !== 0) throw new Error(`git failed: ${patch.stderr.trim()}`)
    const lines = parseAddedLines(patch.stdout, root)
    for (const file of untrackedFiles) lines.set(file, 'all')
    changes.lines = lines
  }

  return changes
}

/** Added lines per file from a `git diff -U0` patch. */
export function parseAddedLines(patch: string, root: string): ChangedLines {
  const result: ChangedLines = new Map()
  let current: Set<number> | undefined
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4)
      if (name === '/dev/null') {
        current = undefined
        continue
      }

      const unquoted = name.startsWith('"') ? unquote(name) : name
      const relative = unquoted.replace(/^b\//, '')
      current = new Set()
      result.set(path.join(root, relative), current)
    } else if (current && line.startsWith('@@')) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!match) continue
      const start = Number(match[1])
      const count = match[2] === undefined ? 1 : Number(match[2])
      for (let index = 0; index < count; index++) current.add(start + index)
    }
  }

  return result
}

/** Undo git's C-style quoting of an unusual path (`"b/caf\303\251.md"`). */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1)
  const bytes: number[] = []
  const escapes: Record<string, number> = {a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92}
  for (let index = 0; index < body.length; index++) {
    const char = body[index]
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'))
      continue
    }

    const next = body[index + 1]
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(index + 1, index + 4), 8))
      index += 3
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0))
      index += 1
    }
  }

  return Buffer.from(bytes).toString('utf8')
}
