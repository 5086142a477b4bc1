/**
 * What the CI reporters (sarif, github) share: severity names, rule ids for
 * messages that are not a rule's, and paths relative to the repository root.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** `fatal` true / false / undefined as error / warning / notice. */
export function levelOf(message: VFileMessage): 'error' | 'warning' | 'notice' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'notice'
}

/** fitlint's own file messages (`parse`, `encoding`, `directive`, none) as `fitlint/…`. */
export function reportRuleId(ruleId: string | undefined): string {
  if (!ruleId) return 'fitlint/parse'
  return ruleId === 'parse' || ruleId === 'encoding' || ruleId === 'directive' ? `fitlint/${ruleId}` : ruleId
}

/** The file's path relative to `root`, with `/` separators (`<stdin>` without a path). */
export function relativePath(file: VFile, cwd: string, root: string): string {
  if (!file.path) return '<stdin>'
  return path.relative(root, path.resolve(cwd, file.path)).split(path.sep).join('/')
}

/** `relativePath` as a URI reference: each segment percent-encoded. */
export function relativeUri(file: VFile, cwd: string, root: string): string {
  return relativePath(file, cwd, root)
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/')
}
