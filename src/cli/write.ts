/**
 * Write a report atomically: to a temporary file beside the target, then
 * rename, so a crash never leaves a half-written report. A missing folder is
 * a clear usage error, not a stack trace.
 */
import fs from 'node:fs'
import path from 'node:path'
import {UsageError} from '../config/errors.js'

export async function writeAtomic(target: string, content: string): Promise<void> {
  const folder = path.dirname(target)
  let stats: fs.Stats
  try {
    stats = await fs.promises.stat(folder)
  } catch {
    throw new UsageError(`cannot write --output-file \`${target}\`: folder \`${folder}\` does not exist`)
  }

  if (!stats.isDirectory()) {
    throw new UsageError(`cannot write --output-file \`${target}\`: \`${folder}\` is not a folder`)
  }

  try {
    if ((await fs.promises.stat(target)).isDirectory()) {
      throw new UsageError(`cannot write --output-file \`${target}\`: it is a folder`)
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
  }

  try {
    await writeFileAtomic(target, content)
  } catch (error) {
    throw new UsageError(`cannot write --output-file \`${target}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

/**
 * Write `content` to a temporary file beside `target`, then rename it over
 * `target`. A symlink is followed (the link stays a link); a target that is
 * not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written to
 * directly, never replaced.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  let real = target
  try {
    real = await fs.promises.realpath(target)
  } catch {
    // Does not exist yet.
  }

  const stats = await fs.promises.stat(real).catch(() => undefined)
  if (stats && !stats.isFile()) {
    await fs.promises.writeFile(real, content)
    return
  }

  const temporary = path.join(
    path.dirname(real),
    `.${path.basename(real)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`
  )
  try {
    await fs.promises.writeFile(temporary, content)
    await fs.promises.rename(temporary, real)
  } catch (error) {
    await fs.promises.rm(temporary, {force: true})
    throw error
  }
}
