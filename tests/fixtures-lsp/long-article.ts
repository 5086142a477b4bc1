/**
 * A ~3,000-word health article for latency measurements: headings, lists,
 * links, footnotes, and sentences of every kind the rules look at (advice,
 * claims with and without sources, supplements, symptoms, affiliate links).
 * Deterministic, so runs compare.
 */
const SENTENCES = [
  'Squat three times a week and keep your heels on the floor.',
  'Studies show that strength training lowers blood pressure by 8%.',
  'A 2021 meta-analysis of 27 trials found a modest effect on resting heart rate [^1].',
  'Warm up for ten minutes before your first working set.',
  'If you feel chest pain or dizziness during exercise, stop and get medical help.',
  'Creatine is one of the most studied supplements for strength athletes.',
  'We earn a commission if you buy the [adjustable dumbbells](https://amzn.to/example) we recommend.',
  'Push through the burn on the last rep, but never through sharp joint pain.',
  'Sleep at least seven hours a night so your muscles can recover.',
  'According to the CDC, adults need 150 minutes of moderate activity a week.',
  'This protein powder is clinically proven to double your gains.',
  'Drink water before, during and after your run, especially in the heat.',
  'Beginners should add weight slowly, about 2.5 kg a week at most.',
  'Research suggests that high-intensity intervals may improve insulin sensitivity.',
  'Talk to your doctor before starting a new exercise plan if you are pregnant.',
  'Stretch your hips and hamstrings after each session for five minutes.',
  'Eat 1.6 grams of protein per kilogram of body weight every day.',
  'Many coaches say that fasted cardio burns more fat, but the evidence is mixed.',
  'Rest at least one day between hard sessions for the same muscle group.',
  'Swap one sugary drink a day for water and you will feel the difference.'
]

const HEADINGS = ['Warming up', 'The main lifts', 'Cardio that helps', 'Eating for recovery', 'Supplements', 'Sleep and rest', 'When to see a doctor', 'Putting it together']

export function longArticle(words = 3000): string {
  const parts: string[] = ['---', 'title: The complete beginner strength and conditioning guide', '---', '', '# The complete beginner strength and conditioning guide', '']
  let count = 0
  let sentence = 0
  let section = 0
  while (count < words) {
    if (section < HEADINGS.length && count >= section * (words / HEADINGS.length)) {
      parts.push(`## ${HEADINGS[section]}`, '')
      section++
    }

    const paragraph: string[] = []
    for (let index = 0; index < 4; index++) {
      const text = SENTENCES[sentence % SENTENCES.length]
      sentence += 7 // co-prime with the pool size: varied order
      paragraph.push(text)
      count += text.split(/\s+/).length
    }

    if (sentence % 3 === 0) {
      parts.push(...paragraph.map((text) => `- ${text}`), '')
    } else {
      parts.push(paragraph.join(' '), '')
    }
  }

  parts.push('[^1]: Example et al. Resistance training and blood pressure. J Example Med. 2021.', '')
  return parts.join('\n')
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word)).length
}
