/**
 * `--shard K/N`: split the file list across N CI jobs. A file belongs to
 * shard `1 + (hash(path) mod N)`, with the path relative to the repository
 * root (or the working folder outside git) and `/` separators, so every job
 * agrees whatever its working folder and OS, every file lands in exactly one
 * shard, and adding or removing an article moves no other article.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** The shard (1-based) that `relativePath` belongs to among `count`. */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath.split(path.sep).join('/')).digest()
  // 48 bits: exact in a double, and even enough for any shard count.
  return 1 + (digest.readUIntBE(0, 6) % count)
}

/** A filter for absolute paths: is this file in `shard`? */
export function shardFilter(shard: Shard, root: string): (absolute: string) => boolean {
  return (absolute) => shardOf(path.relative(root, absolute), shard.count) === shard.index
}
