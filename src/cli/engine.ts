/**
 * Find, read and lint files with unified-engine: globs, folders, extensions,
 * `.fitlintignore`, `node_modules`, stdin. Config resolution and linting are
 * fitlint's own (`lintVFile`), so the CLI, the API and the language server
 * share them.
 */
import path from 'node:path'
import {engine} from 'unified-engine'
import {unified, type Plugin} from 'unified'
import type {VFile} from 'vfile'
import {FORMAT_BY_EXTENSION} from '../article/build.js'
import {ConfigError} from '../config/errors.js'
import type {ConfigResolver} from '../config/resolve.js'
import {failFile, lintVFile} from '../engine/lint-file.js'

export const EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION)

export interface EngineRun {
  files: VFile[]
  configErrors: ConfigError[]
  internalErrors: number
}

export interface EngineOptions {
  patterns: string[]
  cwd: string
  resolver: ConfigResolver
  ignorePath?: string
  stdin?: NodeJS.ReadableStream
  stdinFilename?: string
  /** Called after each file is linted (progress). */
  onFile?: (file: VFile) => void
}

interface PluginOptions {
  resolver: ConfigResolver
  state: EngineRun
  onFile?: (file: VFile) => void
}

const fitlintEngine: Plugin<[PluginOptions]> = function (options) {
  // The engine wants a parser; the real parsing happens in `lintVFile`,
  // which picks the parser per format.
  this.parser = () => ({type: 'root', children: []})
  return async (_tree, file) => {
    const absolute = file.path ? path.resolve(file.cwd, file.path) : undefined
    try {
      const config = await options.resolver.resolve(absolute)
      await lintVFile(file, config)
    } catch (error) {
      if (error instanceof ConfigError) {
        if (!options.state.configErrors.some((known) => known.message === error.message)) {
          options.state.configErrors.push(error)
        }

        failFile(file, 'Cannot lint: broken config (' + error.file + ')')
      } else {
        options.state.internalErrors++
        failFile(
          file,
          'Internal error while linting this file: ' +
            String((error as Error)?.message ?? error) +
            ' (please report it at https://github.com/fitlint/fitlint/issues)'
        )
      }
    }

    // unified-engine's queue step waits for every file that is not fatal;
    // a file that turns fatal while others wait makes it flush early and
    // then wait forever for the rest. Hide `fatal` until the run is over.
    const fatal: number[] = []
    file.messages.forEach((message, index) => {
      if (message.fatal === true) {
        fatal.push(index)
        message.fatal = false
      }
    })
    file.data.fitlintFatal = fatal

    // Keep memory flat on big archives: the report only needs messages.
    file.value = ''
    options.onFile?.(file)
  }
}

function restoreFatal(file: VFile): void {
  const fatal = file.data.fitlintFatal as number[] | undefined
  if (!fatal) return
  for (const index of fatal) file.messages[index].fatal = true
  delete file.data.fitlintFatal
}

export function runEngine(options: EngineOptions): Promise<EngineRun> {
  const state: EngineRun = {files: [], configErrors: [], internalErrors: 0}
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: unified(),
        files: options.stdin ? [] : options.patterns,
        extensions: EXTENSIONS,
        cwd: options.cwd,
        ignoreName: '.fitlintignore',
        ignorePath: options.ignorePath,
        ignorePathResolveFrom: 'cwd',
        detectIgnore: true,
        silentlyIgnore: true,
        detectConfig: false,
        plugins: [[fitlintEngine as Plugin<unknown[]>, {resolver: options.resolver, state, onFile: options.onFile}]],
        out: false,
        output: false,
        streamIn: options.stdin,
        filePath: options.stdinFilename,
        streamError: {write: (_chunk: unknown, callback?: () => void) => { callback?.(); return true }} as unknown as NodeJS.WritableStream,
        reporter: () => '',
        quiet: true,
        silent: true
      },
      (error, _code, context) => {
        if (error) {
          reject(error)
          return
        }

        state.files = (context?.files ?? []).filter(
          (file) => file.data.unifiedEngineGiven && !file.data.unifiedEngineIgnored
        )
        for (const file of state.files) restoreFatal(file)
        resolve(state)
      }
    )
  })
}
