/**
 * The default terminal report: vfile-reporter (as alex and remark use),
 * with notes and docs links in `--verbose`.
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {ReporterOptions} from './index.js'

export function stylish(files: VFile[], options: ReporterOptions): string {
  if (files.length === 0) return ''
  return reporter(files, {color: options.color, verbose: options.verbose, defaultName: '<stdin>'})
}
