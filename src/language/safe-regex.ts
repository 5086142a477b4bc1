/**
 * A conservative check for regular expressions that can backtrack
 * catastrophically (star height > 1, back-references, quantified groups with
 * overlapping alternatives). Used on user-supplied custom rule patterns.
 * Returns a reason when unsafe, undefined when the pattern looks safe.
 */
export function checkPatternSafety(pattern: string): string | undefined {
  if (pattern.length > 500) return 'pattern is longer than 500 characters'
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references are not allowed'
  if (/\(\?<?[=!]/.test(pattern)) return 'lookaround assertions are not allowed'

  // Walk groups; a group that contains a quantifier and is itself quantified
  // (`(a+)+`, `(\w*x)*`, `(a|ab){2,}`) has star height 2.
  const stack: Array<{quantified: boolean; alternation: boolean}> = []
  let inClass = false
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index)
    if (char === '\\') {
      index++
      continue
    }

    if (inClass) {
      if (char === ']') inClass = false
      continue
    }

    if (char === '[') {
      inClass = true
      continue
    }

    if (char === '(') {
      stack.push({quantified: false, alternation: false})
      continue
    }

    if (char === '|' && stack.length > 0) {
      stack[stack.length - 1].alternation = true
      continue
    }

    if (char === ')') {
      const group = stack.pop()
      const next = pattern.charAt(index + 1)
      const quantifiedGroup = next === '*' || next === '+' || (next === '{' && /^\{\d*,\d*\}/.test(pattern.slice(index + 1)) && !/^\{\d+\}/.test(pattern.slice(index + 1)))
      if (group && quantifiedGroup && group.quantified) {
        return 'nested quantifiers (a quantified group that contains a quantifier)'
      }

      if (group && quantifiedGroup && group.alternation) {
        return 'a quantified group with alternatives can backtrack exponentially'
      }

      if (stack.length > 0 && group && (group.quantified || quantifiedGroup)) {
        stack[stack.length - 1].quantified = true
      }

      continue
    }

    if ((char === '*' || char === '+' || char === '{') && stack.length > 0) {
      if (char !== '{' || /^\{\d*,/.test(pattern.slice(index))) {
        stack[stack.length - 1].quantified = true
      }
    }
  }

  if (inClass) return 'unclosed character class'
  return undefined
}
