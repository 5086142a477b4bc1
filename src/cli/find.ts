/**
 * Find the files to lint: paths, folders and globs, as unified-engine's
 * finder does (globs with `glob`, folders walked for the given extensions,
 * `node_modules` and ignored entries skipped, a named path that is missing
 * gets a fatal "No such file or folder"), but safe on hostile trees:
 *
 * - Symlinks are followed, once: a folder is walked only the first time its
 *   real path (fs.realpath) is reached, and a link to the folder holding it
 *   or to one of its parents (`ln -s .. loop`, `ln -s . self`) is never
 *   followed, so loops end, and a file reached twice is linted once. Links are followed after the real tree (in path order),
 *   so a file is reported under its real path when it has one inside the
 *   walk, and the result does not depend on timing.
 * - A dangling link (or a link loop) met in a folder or matched by a glob
 *   is skipped with a warning, not an error for the whole run.
 * - In folders and glob matches only regular files are linted: a FIFO,
 *   socket or device named `*.md` would block the run or make no sense. A
 *   path named on the command line is read whatever it is (`fitlint <(cat
 *   draft.md)` reads a pipe, as `--stdin` does).
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {failFile} from '../engine/lint-file.js'
import {loadGlob, type GlobModule} from './unified-engine-internals.js'

export interface IgnoreCheck {
  check(filePath: string, callback: (error: Error | undefined, ignored?: boolean) => void): void
}

export interface FindOptions {
  patterns: string[]
  cwd: string
  extensions: string[]
  ignore: IgnoreCheck
  /** A path that was skipped and why (dangling symlink). */
  warn?: (text: string) => void
}

interface Link {
  /** Path relative to cwd. */
  path: string
  /** Real path of the folder holding the link. */
  parent: string
}

export async function findFiles(options: FindOptions): Promise<VFile[]> {
  const {cwd, extensions} = options
  const found: VFile[] = []
  const seenFolders = new Set<string>()
  /** Real path → the file found for it, and whether its path goes through a symlink. */
  const seenFiles = new Map<string, {file: VFile; linked: boolean}>()
  const warned = new Set<string>()
  let links: Link[] = []

  const isIgnored = (relative: string) =>
    new Promise<boolean>((resolve, reject) => {
      options.ignore.check(path.resolve(cwd, relative), (error, ignored) => {
        if (error) reject(error)
        else resolve(Boolean(ignored))
      })
    })

  const wanted = (name: string) => extensions.length === 0 || extensions.includes(path.extname(name))

  const addFile = (relative: string, real: string | undefined, fatal?: string) => {
    const file = new VFile({path: relative})
    file.cwd = cwd
    if (fatal) {
      const message = file.message(fatal)
      message.fatal = true
    }

    if (real !== undefined) {
      const linked = path.resolve(cwd, relative) !== real
      const seen = seenFiles.get(real)
      if (seen) {
        // Reached twice: lint it once, under its own path if one was found.
        if (seen.linked && !linked) {
          seen.file.path = relative
          seen.linked = false
        }

        return
      }

      seenFiles.set(real, {file, linked})
    }

    found.push(file)
  }

  /** Walk the folder `relative` (real path `real`, already marked seen). */
  const walk = async (relative: string, real: string): Promise<void> => {
    let entries: fs.Dirent[]
    try {
      entries = await fs.promises.readdir(path.resolve(cwd, relative), {withFileTypes: true})
    } catch (error) {
      // One fatal message for the folder; the rest of the run goes on.
      const file = new VFile({path: relative})
      file.cwd = cwd
      failFile(file, `Cannot read folder: ${(error as Error).message.replace(/, (\w+) '.*'$/, ', $1')}`)
      found.push(file)
      return
    }

    await Promise.all(
      entries.map(async (entry) => {
        const name = entry.name
        if (name === 'node_modules') return
        const child = path.join(relative, name)
        if (entry.isFile()) {
          if (!wanted(name) || (await isIgnored(child))) return
          addFile(child, path.join(real, name))
        } else if (entry.isDirectory()) {
          const childReal = path.join(real, name)
          if (await isIgnored(child)) return
          if (seenFolders.has(childReal)) return
          seenFolders.add(childReal)
          await walk(child, childReal)
        } else if (entry.isSymbolicLink()) {
          if (await isIgnored(child)) return
          links.push({path: child, parent: real})
        }
        // FIFOs, sockets and devices in a folder are not articles.
      })
    )
  }

  /** Warn about a link that leads nowhere. */
  const dangling = async (relative: string, code: string | undefined) => {
    if (warned.has(relative)) return
    warned.add(relative)
    let target = ''
    try {
      target = await fs.promises.readlink(path.resolve(cwd, relative))
    } catch {}
    options.warn?.(`skipped \`${relative}\`: ${code === 'ELOOP' ? 'a symlink loop' : `a symlink to \`${target}\`, which does not exist`}`)
  }

  /** A symlink met in a folder. */
  const follow = async (link: Link): Promise<void> => {
    const absolute = path.resolve(cwd, link.path)
    let stats: fs.Stats
    try {
      stats = await fs.promises.stat(absolute)
    } catch (error) {
      if (!wanted(link.path)) return
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ELOOP') {
        await dangling(link.path, code)
      } else {
        // Unreadable target: reading it gives the file a clear message.
        addFile(link.path, undefined)
      }

      return
    }

    if (stats.isDirectory()) {
      const real = await realpath(absolute)
      // A link to a folder already walked, or to the folder holding it or
      // one of its parents (even one outside the paths given).
      if (real === undefined || seenFolders.has(real) || isWithin(link.parent, real)) return
      seenFolders.add(real)
      await walk(link.path, real)
    } else if (stats.isFile() && wanted(link.path)) {
      addFile(link.path, await realpath(absolute))
    }
  }

  /**
   * A path named on the command line, or matched by a glob (`matched`): a
   * glob finds files as a folder walk does, so a dangling link it matched is
   * skipped with a warning and a FIFO is not read.
   */
  const given = async (relative: string, matched: boolean): Promise<void> => {
    if (await isIgnored(relative)) return
    const absolute = path.resolve(cwd, relative)
    let stats: fs.Stats
    try {
      stats = await fs.promises.stat(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (matched && (code === 'ENOENT' || code === 'ELOOP')) {
        await dangling(relative, code)
        return
      }

      // Missing: the CLI says "no files match"; other errors: reading the
      // file gives it a clear message.
      addFile(relative, undefined, code === 'ENOENT' ? 'No such file or folder' : undefined)
      return
    }

    const real = await realpath(absolute)
    if (stats.isDirectory()) {
      if (real === undefined || seenFolders.has(real)) return
      seenFolders.add(real)
      await walk(relative, real)
    } else if (stats.isFile() || !matched) {
      addFile(relative, real)
    }
  }

  // Expand globs first (as unified-engine: all results, then search).
  const inputs: Array<{path: string; matched: boolean}> = []
  let globModule: GlobModule | undefined
  for (const pattern of options.patterns) {
    globModule ??= loadGlob()
    if (globModule.hasMagic(pattern)) {
      // Sorted: glob's order depends on timing.
      for (const match of (await globModule.glob(pattern, {cwd})).sort()) inputs.push({path: match, matched: true})
    } else {
      inputs.push({path: path.relative(cwd, path.resolve(cwd, pattern)) || '.', matched: false})
    }
  }

  // One input after the other, so which path wins for a file reached twice
  // does not depend on timing.
  for (const input of inputs) await given(input.path, input.matched)

  // Then symlinks, breadth first, in path order.
  while (links.length > 0) {
    const batch = links.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0))
    links = []
    for (const link of batch) await follow(link)
  }

  return found
}

async function realpath(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.realpath(file)
  } catch {
    return undefined
  }
}

/** Is `inner` the folder `outer` or inside it? */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative))
}
