/**
 * Where each rule's documentation lives. Every message's `url` points here.
 */
export const REPOSITORY = 'https://github.com/fitlint/fitlint'

export function ruleUrl(ruleId: string): string {
  return `${REPOSITORY}/blob/main/rules/${ruleId}/README.md`
}
