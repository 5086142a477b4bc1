/**
 * Page-level judgement: does this page give health, exercise, diet, injury or
 * supplement advice a reader might act on (a "YMYL" page), or is it a gear
 * review, race report or story?
 *
 * Front matter decides when it says so (`ymyl: true|false`). Otherwise we
 * count advice sentences (a clause that tells the reader to do something,
 * "you should", "I recommend", in a sentence on a health topic) and health
 * claims (research appeals, effects on the body, health statistics).
 * Narrative ("I ran the last 40 km on a sore ankle") and product copy
 * ("Check price") do not count. Cached per article.
 */
import {healthTopicPattern} from '../../rules/lexicon.js'
import type {Article} from '../article/types.js'
import {claimEvidence} from './claims.js'
import {analyse} from './context.js'

export interface PageProfile {
  /** Sentences that give health advice. */
  adviceSentences: number[]
  /** Sentences that state health claims. */
  claimSentences: number[]
  /** The page gives advice a reader might act on. */
  isAdvicePage: boolean
  /** Why (for messages and debugging). */
  reason: string
}

/** "We crossed the line in 34:52, six minutes slower…": the writer's own story. */
const NARRATIVE_CLAIM = /^\W*(?:(?:and|but|so|then|by|at|on|in|after)\b[^,]{0,30},\s*)?(?:I|we|my|our)\b/i

/** "What I'd do differently", "Lessons learned": the writer's own lessons, not advice. */
const LESSONS = /\b(?:what I(?:'d| would| will| did| learned| learnt)|I'd do|lessons? (?:learned|learnt|from)|my (?:takeaways|lessons|mistakes)|next time)\b/i

/** Advice and claim sentences needed before a page counts as giving advice. */
const MIN_ADVICE = 3

const cache = new WeakMap<Article, PageProfile>()

export function pageProfile(article: Article): PageProfile {
  let profile = cache.get(article)
  if (!profile) {
    profile = computeProfile(article)
    cache.set(article, profile)
  }

  return profile
}

function computeProfile(article: Article): PageProfile {
  const data = article.frontmatter?.data
  const flag = data ? (data.ymyl ?? data.YMYL) : undefined
  const topic = healthTopicPattern()
  const adviceSentences: number[] = []
  const claimSentences: number[] = []

  for (const sentence of article.sentences) {
    if (sentence.kind === 'heading' || sentence.inLink || sentence.isQuestion) continue
    const analysis = analyse(article, sentence)
    if (topic.test(sentence.text) && analysis.directives.length > 0 && !analysis.sectionPath.some((heading) => LESSONS.test(heading))) {
      adviceSentences.push(sentence.index)
    } else if (claimEvidence(sentence.text) && !NARRATIVE_CLAIM.test(sentence.text)) {
      claimSentences.push(sentence.index)
    }
  }

  if (flag === true || flag === 'true' || flag === 'yes') {
    return {adviceSentences, claimSentences, isAdvicePage: true, reason: 'front matter `ymyl: true`'}
  }

  if (flag === false || flag === 'false' || flag === 'no') {
    return {adviceSentences, claimSentences, isAdvicePage: false, reason: 'front matter `ymyl: false`'}
  }

  // Enough advice in absolute terms, or a short page that is mostly advice.
  const prose = article.sentences.filter((sentence) => sentence.kind !== 'heading' && !sentence.isQuestion).length
  const signals = adviceSentences.length + claimSentences.length
  const isAdvicePage = signals >= MIN_ADVICE || (signals >= 2 && signals >= prose * 0.4)
  return {
    adviceSentences,
    claimSentences,
    isAdvicePage,
    reason: `${adviceSentences.length} sentence${adviceSentences.length === 1 ? '' : 's'} of health advice and ${claimSentences.length} health claim${claimSentences.length === 1 ? '' : 's'}`
  }
}
