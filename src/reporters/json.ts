/**
 * `--format json`: the vfile-reporter-json shape (an array of files with
 * `path` and `messages`; each message has `ruleId`, `source`, `reason`,
 * `fatal`, `place`, `note`, `url`, `expected`, `actual`).
 */
import type {VFile} from 'vfile'
import {reporterJson} from 'vfile-reporter-json'

export function json(files: VFile[]): string {
  return reporterJson(files) + '\n'
}
