/**
 * Parts of the pinned unified-engine that its `exports` do not expose: its
 * ignore-file handling (`lib/ignore.js`) and the `glob` it depends on, so
 * the files fitlint finds are the ones unified-engine would. Reached at run
 * time through unified-engine's own location; the bundle
 * (scripts/bundle.mjs) replaces this module with direct imports of the same
 * files.
 */
import {createRequire} from 'node:module'

export interface IgnoreInstance {
  check(filePath: string, callback: (error: Error | undefined, ignored?: boolean) => void): void
}

export type IgnoreClass = new (options: Record<string, unknown>) => IgnoreInstance

export interface GlobModule {
  glob(pattern: string, options: {cwd: string}): Promise<string[]>
  hasMagic(pattern: string): boolean
}

export async function loadIgnore(): Promise<IgnoreClass> {
  const base = import.meta.resolve('unified-engine')
  const {Ignore} = (await import(new URL('lib/ignore.js', base).href)) as {Ignore: IgnoreClass}
  return Ignore
}

export function loadGlob(): GlobModule {
  return createRequire(import.meta.resolve('unified-engine'))('glob') as GlobModule
}
