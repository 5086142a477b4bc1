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

  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`)
  try {
    await fs.promises.writeFile(temporary, content)
    await fs.promises.rename(temporary, target)
  } catch (error) {
    await fs.promises.rm(temporary, {force: true})
    throw new UsageError(`cannot write --output-file \`${target}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
