/**
 * Shared word lists (`rules/lexicon.yml`), compiled once.
 */
import {loadYaml} from '../src/language/data.js'
import {compilePhrases, type Lexicons, type PhraseMatcher} from '../src/language/phrases.js'

let lexicons: Lexicons | undefined

export function sharedLexicons(): Lexicons {
  lexicons ??= loadYaml<Lexicons>(new URL('./lexicon.yml', import.meta.url))
  return lexicons
}

let healthTopic: PhraseMatcher | undefined

/** Matches a word that puts a sentence on a health, exercise or diet topic. */
export function healthTopicPattern(): PhraseMatcher {
  healthTopic ??= compilePhrases(['{healthTopic}'], sharedLexicons(), 'iu')
  return healthTopic
}
