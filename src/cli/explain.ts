/**
 * `fitlint --explain RULE`: print the rule's documentation page.
 */
import fs from 'node:fs'
import {ruleById} from '../../rules/index.js'
import {UsageError, didYouMean} from '../config/errors.js'

export async function explainRule(id: string): Promise<string> {
  if (!ruleById.has(id)) {
    const guess = didYouMean(id, ruleById.keys())
    throw new UsageError(
      `unknown rule \`${id}\`${guess ? `; did you mean \`${guess}\`?` : ''}\nRules: ${[...ruleById.keys()].join(', ')}`
    )
  }

  const url = new URL(`../../rules/${id}/README.md`, import.meta.url)
  return fs.promises.readFile(url, 'utf8')
}
