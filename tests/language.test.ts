/**
 * The shared language layer on its own: clauses, advice detection, negation
 * and debunking, quotes, hedges and opinion, claim detection, named sources,
 * referrals, garbled text and text citations. Each assertion states the
 * exact output for one sentence.
 */
import {describe, expect, it} from 'vitest'
import {findTextCitations} from '../src/article/citations.js'
import type {Sentence} from '../src/article/types.js'
import {
  claimEvidence,
  effectClaim,
  generalization,
  quantifiedClaim,
  researchAppeal,
  statisticClaim
} from '../src/language/claims.js'
import {splitClauses} from '../src/language/clauses.js'
import {isGarbled} from '../src/language/context.js'
import {directiveClauses} from '../src/language/directive.js'
import {hedge, opinion} from '../src/language/hedges.js'
import {debunkFrame, inRanges, negatedBefore, negatedJustBefore, quotedRanges} from '../src/language/negation.js'
import type {PhraseMatch} from '../src/language/phrases.js'
import {referralIn} from '../src/language/referral.js'
import {namedSource} from '../src/language/sources.js'

/** The matched words, or undefined when nothing matched. */
function words(match: PhraseMatch | undefined): string | undefined {
  return match?.text
}

/** `[verb, polarity, kind]` for each advice clause. */
function advice(text: string): Array<[string, string, string]> {
  return directiveClauses(text).map((clause) => [clause.verb, clause.polarity, clause.kind])
}

/** Negation before the first occurrence of `trigger`, in its clause. */
function negationBefore(text: string, trigger: string): string | undefined {
  return words(negatedBefore(text, splitClauses(text), text.indexOf(trigger)))
}

function referral(text: string): string | undefined {
  return words(referralIn({text} as Sentence))
}

describe('splitClauses', () => {
  it('splits a leading subordinate clause at its comma', () => {
    expect(splitClauses('If it hurts, stop.')).toEqual([
      {start: 0, end: 11, text: 'If it hurts', opener: 'if'},
      {start: 13, end: 18, text: 'stop.', opener: undefined}
    ])
  })

  it('splits at semicolons, dashes and a comma before a conjunction', () => {
    expect(splitClauses('Rest is key; sleep matters — and so does food.').map((clause) => clause.text)).toEqual([
      'Rest is key',
      'sleep matters',
      'and so does food.'
    ])
    expect(splitClauses('Squat deep, but keep your heels down.').map((clause) => [clause.text, clause.opener])).toEqual([
      ['Squat deep', undefined],
      ['but keep your heels down.', 'but']
    ])
  })

  it('splits at a colon but not inside a time', () => {
    expect(splitClauses('Start light: add 5 lb a week.').map((clause) => clause.text)).toEqual(['Start light', 'add 5 lb a week.'])
    expect(splitClauses('Train at 6:30 every morning.')).toHaveLength(1)
  })

  it('keeps a plain sentence whole', () => {
    expect(splitClauses('Creatine builds muscle.')).toEqual([{start: 0, end: 23, text: 'Creatine builds muscle.', opener: undefined}])
  })
})

describe('directiveClauses', () => {
  it('finds imperatives', () => {
    expect(advice('Push through it.')).toEqual([['push', 'positive', 'imperative']])
    expect(advice('Try to sleep eight hours.')).toEqual([['try', 'positive', 'imperative']])
    expect(advice('Make sure you warm up.')).toEqual([['make', 'positive', 'imperative']])
  })

  it('finds the order after a leading condition', () => {
    const [clause] = directiveClauses('If it hurts, stop.')
    expect([clause.text, clause.verb, clause.polarity]).toEqual(['stop.', 'stop', 'positive'])
  })

  it('finds negative imperatives', () => {
    expect(advice("Don't push through sharp pain.")).toEqual([['push', 'negative', 'imperative']])
    expect(advice('Do not lift heavy today.')).toEqual([['lift', 'negative', 'imperative']])
    expect(advice('Never train through chest pain.')).toEqual([['train', 'negative', 'imperative']])
    expect(advice('Avoid heavy lifting this week.')[0].slice(1)).toEqual(['negative', 'imperative'])
  })

  it('finds modal and recommending advice', () => {
    expect(advice('You should rest for two days.')).toEqual([['rest', 'positive', 'modal']])
    expect(advice('You can safely skip breakfast.')).toEqual([['skip', 'positive', 'modal']])
    expect(advice('I recommend starting light.')).toEqual([['starting', 'positive', 'recommend']])
    expect(advice('The best way to build muscle is to lift.')).toEqual([['recommend', 'positive', 'recommend']])
  })

  it('reads a verb before an auxiliary or a gerund as a noun', () => {
    expect(advice('Rest is key.')).toEqual([])
    expect(advice('Sleep helps recovery.')).toEqual([])
    expect(advice('Foam rolling your IT band hurts.')).toEqual([])
  })

  it('reads a capitalised word after the verb as a proper name', () => {
    expect(advice('Focus Fuel adds 300 mg of caffeine.')).toEqual([])
  })

  it('reads an adjective and a noun before a third-person verb as a subject', () => {
    expect(advice('Warm water relaxes tight muscles.')).toEqual([])
    expect(advice('Cold air tightens your airways.')).toEqual([])
    expect(advice('Warm up for ten minutes.').length).toBe(1)
  })

  it('a preposition after a comma is not an order', () => {
    expect(advice('The stroller group started at the back, behind the walkers.')).toEqual([])
  })

  it('finds no advice in statements and in "never again"', () => {
    expect(advice('Stretching reduces soreness.')).toEqual([])
    expect(advice('Never again will I run a marathon.')).toEqual([])
  })
})

describe('negation and debunking', () => {
  it('negatedBefore: a cue before the trigger in the same clause', () => {
    expect(negationBefore("Don't push through sharp pain.", 'push through')).toBe("Don't")
    expect(negationBefore('No tea melts belly fat.', 'melts')).toBe('No')
    expect(negationBefore("There's no evidence that stretching prevents injury.", 'prevents')).toBe('no')
    expect(negationBefore("It's a myth that lactic acid causes soreness.", 'causes')).toBe('myth')
    expect(negationBefore('Instead of pushing through pain, rest.', 'pushing')).toBe('Instead of')
  })

  it('negatedBefore: nothing after the trigger or in another clause', () => {
    expect(negationBefore("Push through the pain, don't stop.", 'Push')).toBeUndefined()
    expect(negationBefore("It doesn't hurt, but push through the pain.", 'push through')).toBeUndefined()
    expect(negationBefore('Stretching prevents injury.', 'prevents')).toBeUndefined()
  })

  it('negatedJustBefore: a plain negation within a few words', () => {
    const near = (text: string, word: string) => words(negatedJustBefore(text, text.indexOf(word)))
    expect(near("There's no need to see a doctor.", 'see')).toBe('no')
    expect(near('Skip the doctor.', 'doctor')).toBe('Skip')
    expect(near("Don't wait to see a doctor.", 'see')).toBe("Don't")
    expect(near('If it hurts for a week or more, see a doctor.', 'see')).toBeUndefined()
    expect(near("It's nothing to see a doctor about.", 'see')).toBe('nothing')
  })

  it('debunkFrame: sentences that reject a claim', () => {
    expect(words(debunkFrame('No pain, no gain is a slogan, not a plan.'))).toBe('is a slogan')
    expect(words(debunkFrame("'No pain, no gain' belongs on a T-shirt."))).toBe('belongs on a T-shirt')
    expect(words(debunkFrame('Influencers claim detox teas work.'))).toBe('Influencers claim')
    expect(words(debunkFrame('You’ll still hear that lactic acid causes soreness.'))).toBe('You’ll still hear that')
    expect(words(debunkFrame("There's little evidence for it."))).toBe('little evidence')
    expect(words(debunkFrame("Don't believe the hype."))).toBe("Don't believe")
    expect(words(debunkFrame('Ignore the old advice about stretching.'))).toBe('Ignore the old advice')
    expect(debunkFrame('Push through the pain.')).toBeUndefined()
  })

  it('debunkFrame: a belief reported to be examined ("you may also hear that", "most of us were taught that", "the long-standing explanation is that")', () => {
    expect(words(debunkFrame('You may also hear that a banana before a run prevents cramps.'))).toBe('You may also hear that')
    expect(words(debunkFrame('Most of us were taught that this prevents injuries.'))).toBe('Most of us were taught that')
    expect(words(debunkFrame('The long-standing explanation is that cramps come from dehydration.'))).toBe('The long-standing explanation is that')
    expect(debunkFrame('We taught the class to brace.')).toBeUndefined()
  })

  it('researchAppeal: "it\'s well established that", "experts agree that", "the evidence is clear", "researchers at … found"', () => {
    expect(words(researchAppeal("It's well established that dance cardio burns belly fat."))).toBe("It's well established that")
    expect(words(researchAppeal('Experts agree that sitting is the new smoking.'))).toBe('Experts agree that')
    expect(words(researchAppeal('The evidence is clear: walking lowers blood pressure.'))).toBe('The evidence is clear')
    expect(words(researchAppeal('Researchers at a Danish university found the opposite.'))).toBe('Researchers at a Danish university found')
  })

  it('quotedRanges: double and single quotes, not apostrophes', () => {
    expect(quotedRanges('He said "push through it" twice.')).toEqual([[8, 25]])
    expect(quotedRanges("'No pain, no gain' is old.")).toEqual([[0, 18]])
    expect(quotedRanges("Don't do it, it's your body's choice.")).toEqual([])
    expect(quotedRanges('No quotes here.')).toEqual([])
  })

  it('inRanges: wholly inside a range', () => {
    expect(inRanges([[3, 10]], 4, 9)).toBe(true)
    expect(inRanges([[3, 10]], 2, 9)).toBe(false)
  })
})

describe('hedges and opinion', () => {
  it('hedge', () => {
    expect(words(hedge('Caffeine may improve endurance.'))).toBe('may')
    expect(words(hedge('Creatine probably helps.'))).toBe('probably')
    expect(words(hedge('It seems to help some lifters.'))).toBe('seems to')
    expect(words(hedge('This is one of the best moves.'))).toBe('one of the')
    expect(words(hedge('Most lifters tend to overtrain.'))).toBe('Most lifters')
    expect(hedge('Creatine builds muscle.')).toBeUndefined()
  })

  it('opinion', () => {
    expect(words(opinion('In my experience, ice helps.'))).toBe('In my experience')
    expect(words(opinion('I think foam rolling helps.'))).toBe('I think')
    expect(words(opinion('Personally, I skip it.'))).toBe('Personally')
    expect(words(opinion("We've found that mornings work."))).toBe("We've found")
    expect(opinion('Foam rolling helps.')).toBeUndefined()
  })
})

describe('claims', () => {
  it('researchAppeal', () => {
    expect(words(researchAppeal('Studies show creatine works.'))).toBe('Studies show')
    expect(words(researchAppeal('A 2019 study found fewer injuries.'))).toBe('A 2019 study found')
    expect(words(researchAppeal('One study of 486 participants found fewer injuries.'))).toBe('One study of 486 participants found')
    expect(words(researchAppeal('Creatine is clinically proven.'))).toBe('clinically proven')
    expect(words(researchAppeal("It's a well-known fact that sleep matters."))).toBe("It's a well-known fact")
    expect(words(researchAppeal('According to experts, walking helps.'))).toBe('According to experts')
    expect(researchAppeal('Squat twice a week.')).toBeUndefined()
    expect(researchAppeal('I studied physiology.')).toBeUndefined()
  })

  it('researchAppeal: words between the source and the verb, and anecdotes', () => {
    expect(words(researchAppeal('Research on elite climbers shows that pulleys thicken.'))).toBe('Research on elite climbers shows')
    expect(words(researchAppeal('Research has consistently shown that walking helps.'))).toBe('Research has consistently shown')
    expect(researchAppeal('One of our patients, an 81-year-old, now walks unaided.')).toBeUndefined()
  })

  it('statisticClaim and quantifiedClaim', () => {
    expect(words(statisticClaim('Runners are 1.7 times more likely to get hurt.'))).toBe('1.7 times more likely to get')
    expect(words(statisticClaim('One in three adults sleeps too little.'))).toBe('One in three adults')
    expect(words(statisticClaim('8 out of 10 lifters skip warm-ups.'))).toBe('8 out of 10')
    expect(words(quantifiedClaim('Nearly 50% of adults have low vitamin D.'))).toBe('Nearly 50% of')
    expect(words(quantifiedClaim('It cuts the risk in half.'))).toBe('in half')
    expect(statisticClaim('Do 3 sets of 10.')).toBeUndefined()
  })

  it('a share of people or a comparison is a statistic; a share of a measure ("75 percent of your maximum") is not a claim', () => {
    expect(words(quantifiedClaim('That is why 80 percent of brides regain the weight within a year.'))).toBe('80 percent of brides')
    expect(words(statisticClaim('Ten minutes of skipping burns as many calories as a 30-minute jog.'))).toBe('burns as many calories as')
    expect(quantifiedClaim('Keep it at 65 to 75 percent of your maximum heart rate.')).toBeUndefined()
    expect(quantifiedClaim('Its count was within 2% of our manual tally over 1,000 turns.')).toBeUndefined()
    expect(words(quantifiedClaim('Women over 40 lose 3 to 8 percent of their muscle mass per decade.'))).toBe('8 percent of their muscle mass')
  })

  it('a number about a price is a statistic but not a health claim', () => {
    expect(words(statisticClaim('The bar costs 20% less this week.'))).toBe('20% less')
    expect(quantifiedClaim('The bar costs 20% less this week.')).toBeUndefined()
  })

  it('effectClaim', () => {
    expect(words(effectClaim('Walking lowers blood sugar.'))).toBe('lowers blood sugar')
    expect(words(effectClaim('Citrulline increases nitric oxide.'))).toBe('increases nitric oxide')
    expect(words(effectClaim('LDL usually goes up on keto.'))).toBe('LDL usually goes up')
    expect(words(effectClaim('Sitting weakens your glutes.'))).toBe('weakens your glutes')
    expect(effectClaim('The rack is easy to assemble.')).toBeUndefined()
    expect(effectClaim('Squat with your heels down.')).toBeUndefined()
  })

  it('effectClaim: a match that is not an effect does not hide a later one', () => {
    expect(words(effectClaim('Its frame keeps the weight high, which takes the strain off your lower back.'))).toBe('takes the strain off your lower back')
    expect(effectClaim('Lower the weight and reset.')).toBeUndefined()
    expect(effectClaim('Midweight paddles are a good balance of control and power.')).toBeUndefined()
    expect(effectClaim('My favourite is Soothe CBD Recovery Balm.')).toBeUndefined()
  })

  it('quantifiedClaim: a load as a share of body weight is not a statistic', () => {
    expect(quantifiedClaim('Start with 10 to 15 percent of your body weight in the pack.')).toBeUndefined()
  })

  it('generalization opens a clause', () => {
    expect(words(generalization('Most runners overstride.'))).toBe('Most runners')
    expect(words(generalization('Sleep matters, and most athletes undersleep.'))).toBe('most athletes')
    expect(generalization('Most of my clients skip warm-ups.')).toBeUndefined()
    expect(generalization('For most people, two sessions are enough.')).toBeUndefined()
    expect(generalization('Most lifters who compete use belts.')).toBeUndefined()
  })

  it('claimEvidence: any of them, or nothing', () => {
    expect(words(claimEvidence('Studies show creatine works.'))).toBe('Studies show')
    expect(words(claimEvidence('Walking lowers blood sugar.'))).toBe('lowers blood sugar')
    expect(claimEvidence('Squat twice a week.')).toBeUndefined()
    expect(claimEvidence('The rack weighs 80 kg.')).toBeUndefined()
  })
})

describe('namedSource', () => {
  it('finds a specific named source', () => {
    expect(words(namedSource('According to the NHS, adults should do strength work twice a week.'))).toBe('According to the NHS')
    expect(namedSource('A 2015 study in The Journal of Physiology found this.')).toBeDefined()
    expect(words(namedSource('The FDA cites 400 mg a day as safe for most adults.'))).toBe('FDA')
    expect(words(namedSource("The ISSN's position stand supports creatine."))).toBe("The ISSN's position stand")
    expect(words(namedSource('The Mayo Clinic says so.'))).toBe('Mayo Clinic')
    expect(words(namedSource('Walking helps, says the CDC.'))).toBe('CDC')
    expect(namedSource('The guidelines written by physiotherapists suggest it.')).toBeDefined()
  })

  it('does not count generic authorities or a passing mention', () => {
    expect(namedSource('According to experts, walking helps.')).toBeUndefined()
    expect(namedSource('According to research, walking helps.')).toBeUndefined()
    expect(namedSource('I read about the FDA on the bus.')).toBeUndefined()
    expect(namedSource('Walking helps everyone.')).toBeUndefined()
    // A journal named by an ordinary word counts only as the journal.
    expect(namedSource('Science says dancing cuts your risk of dementia.')).toBeUndefined()
    expect(namedSource('A 2020 paper in Science found that dancing cuts the risk.')).toBeDefined()
  })
})

describe('referralIn', () => {
  it('finds referrals to a professional', () => {
    expect(referral('See a doctor if it lasts.')).toBe('See a doctor')
    expect(referral('Call 911 now.')).toBe('Call 911')
    expect(referral('Go to A&E.')).toBe('Go to A&E')
    expect(referral('Seek medical attention.')).toBe('Seek medical attention')
    expect(referral('Get it checked by a physio.')).toBe('Get it checked')
    expect(referral('Talk to your GP.')).toBe('Talk to your GP')
    expect(referral('Ask your physical therapist about it.')).toBe('Ask your physical therapist')
  })

  it('keeps "don\'t wait to see a doctor"', () => {
    expect(referral("Don't wait to see a doctor.")).toBe('see a doctor')
  })

  it('drops negated referrals and non-clinicians', () => {
    expect(referral('No need to see a doctor.')).toBeUndefined()
    expect(referral('Skip the trip to see a doctor and ice it.')).toBeUndefined()
    expect(referral('Skip the doctor and ice it.')).toBeUndefined()
    expect(referral('Tell your coach.')).toBeUndefined()
    expect(referral('Never plunge alone.')).toBeUndefined()
  })
})

describe('isGarbled', () => {
  it('spots scraped text', () => {
    expect(isGarbled('Deadlifts don ’ t let your ego write checks.')).toBe(true)
    expect(isGarbled('Home | Blog | Shop | About')).toBe(true)
    expect(isGarbled('This is the.')).toBe(true)
    expect(isGarbled('and then you rest.')).toBe(true)
    expect(isGarbled('Great results!.')).toBe(true)
  })

  it('spots sentences that end on a word that cannot end one, or open with a contraction tail', () => {
    expect(isGarbled('You lower the weight while some soreness after weight training is to as!')).toBe(true)
    expect(isGarbled('Ve been following limber 11 stretches up the bar.')).toBe(true)
  })

  it('keeps prose', () => {
    expect(isGarbled('Squat twice a week.')).toBe(false)
    expect(isGarbled('e.g. three sets.')).toBe(false)
  })
})

describe('findTextCitations', () => {
  it('finds markers, author-year, doi and PMID', () => {
    expect(findTextCitations('Studies show creatine works [3].')).toEqual([{kind: 'bracket', start: 28, end: 31, value: '[3]'}])
    expect(findTextCitations('It works (Smith et al., 2019).')).toEqual([{kind: 'author-year', start: 9, end: 29, value: '(Smith et al., 2019)'}])
    expect(findTextCitations('Lake & Lauder (2012) found it.')).toEqual([{kind: 'author-year', start: 0, end: 20, value: 'Lake & Lauder (2012)'}])
    expect(findTextCitations('Nielsen (2014) found it.')).toEqual([{kind: 'author-year', start: 0, end: 20, value: 'Nielsen (2014) found'}])
    expect(findTextCitations('See doi:10.1000/xyz123 for details.')).toEqual([{kind: 'doi', start: 4, end: 22, value: 'doi:10.1000/xyz123'}])
    expect(findTextCitations('PMID: 12345678 has it.')).toEqual([{kind: 'pmid', start: 0, end: 14, value: 'PMID: 12345678'}])
  })

  it('finds several in one sentence', () => {
    expect(findTextCitations('Works [2, 5] and (Smith and Jones, 2020; Lee, 2021).').map((citation) => [citation.kind, citation.value])).toEqual([
      ['bracket', '[2, 5]'],
      ['author-year', '(Smith and Jones, 2020; Lee, 2021)']
    ])
  })

  it('ignores titles with a year and brackets around words', () => {
    expect(findTextCitations('The Guide (2024) is out.')).toEqual([])
    expect(findTextCitations('Do 3 sets [of 10].')).toEqual([])
    expect(findTextCitations('Nothing here.')).toEqual([])
  })
})
