/**
 * `.fitlintignore` for the language server, matching the CLI (unified-engine
 * with `ignoreName: '.fitlintignore'`, `ignorePathResolveFrom: 'dir'`): the
 * nearest ignore file from the document's folder upwards applies, and, as
 * with `.gitignore`, its patterns are relative to the folder that holds it.
 * Files in `node_modules` are skipped too, as the CLI does when expanding
 * folders.
 */
import fs from 'node:fs'
import path from 'node:path'
import ignoreModule, {type Ignore} from 'ignore'

// `ignore` is CommonJS with ESM-style types: take the function either way.
const ignore = ((ignoreModule as unknown as {default?: unknown}).default ?? ignoreModule) as unknown as () => Ignore

const IGNORE_NAME = '.fitlintignore'

interface Found {
  file: string
  matcher: Ignore
}

export class IgnoreIndex {
  /** Folder → nearest ignore file (or none). */
  private readonly byFolder = new Map<string, Promise<Found | undefined>>()

  clear(): void {
    this.byFolder.clear()
  }

  /** Whether `filePath` is ignored by the nearest `.fitlintignore` (patterns relative to its folder). */
  async isIgnored(filePath: string): Promise<boolean> {
    if (filePath.split(/[\\/]/).includes('node_modules')) return true
    const found = await this.find(path.dirname(filePath))
    if (!found) return false
    const relative = path.relative(path.dirname(found.file), filePath)
    if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative)) {
      return false
    }

    return found.matcher.ignores(relative.split(path.sep).join('/'))
  }

  private find(folder: string): Promise<Found | undefined> {
    let found = this.byFolder.get(folder)
    if (!found) {
      found = this.search(folder)
      this.byFolder.set(folder, found)
    }

    return found
  }

  private async search(folder: string): Promise<Found | undefined> {
    const candidate = path.join(folder, IGNORE_NAME)
    try {
      // A FIFO or device by that name would never finish reading: only regular files count.
      if (!(await fs.promises.stat(candidate)).isFile()) throw new Error('not a regular file')
      const text = await fs.promises.readFile(candidate, 'utf8')
      return {file: candidate, matcher: ignore().add(text)}
    } catch {
      // Not there (or unreadable): look further up.
    }

    const parent = path.dirname(folder)
    return parent === folder ? undefined : this.find(parent)
  }
}
