/**
 * Paragraph templates for the benchmark corpus: the kinds of prose fitlint
 * reads (safe advice, claims with and without sources, unsafe advice,
 * overclaims, red-flag symptoms with and without a referral, disclaimers,
 * affiliate and supplement copy, hedges and debunking, anecdotes, FAQ).
 *
 * Syntax (expanded by `expand` in corpus.mjs):
 *   {slot}      a filler from fillers.mjs; `{slot2}` is a second, independent pick
 *   {a|b|c}     one of the alternatives (each may hold slots)
 *   {?text}     `text` half of the time
 * Inline Markdown (`[text](url)`, `**strong**`, `*em*`, `[^n]`) is rendered
 * per output format.
 */

/** @type {Record<string, string[]>} */
export const paragraphs = {
  intro: [
    '{You searched for|So you want|Everyone asks me} how to {outcome} with {activity}{?, and the internet is full of contradictory answers}. This {mood} guide walks through what the research says, what coaches actually do, and where the hype runs ahead of the evidence.',
    'I have coached {population} for {number} years, and the question I hear most is whether {supplement} is worth the money. Short answer: it depends on your goal, your diet and your budget. Long answer below.',
    'The {exercise} is one of the most useful movements you can learn, but it is also one of the most misunderstood. In this article we cover setup, common mistakes, programming and how to adapt it if your {bodypart} complains.',
    '{diet} has gone from niche to mainstream in a few years. Before you clear out your pantry, it helps to know what the trials measured, who they measured it in, and how long the effects lasted.',
    'If your {time} workouts keep getting skipped, you are not lazy and you are not alone. Consistency is a skill, and like any skill it can be practised with a plan that fits your week.',
    'We spent {weeks} weeks testing {gear} at {place}, logging every session, and comparing notes with {expert}. Here is what held up and what did not.'
  ],
  advice: [
    'Start with a weight you can lift for {reps} clean reps, then add a small amount each week. Progress should feel boring: if every session is a grind, the load is too heavy or the recovery too short.',
    'Warm up for {5|8|10|15} minutes before you lift: a few minutes of easy {activity}, then lighter sets of your first exercise. A good warm-up raises tissue temperature and gives you a chance to check how your {bodypart} feels today.',
    'Keep most of your {activity} at a {intensity} effort where you could hold a conversation. The hard sessions only work if the easy ones stay easy.',
    'Aim for {sets} sets of {reps} on the {exercise}, resting {number} minutes between sets. Film a set from the side every few weeks; your bar path tells you more than the mirror does.',
    'Sleep is the cheapest recovery tool you have. Most adults need {hours} hours or more, and a consistent wake-up time matters more than any gadget on your nightstand.',
    'Spread your protein across {number} meals instead of loading it all at dinner. A palm-sized portion of {food} or {food2} at each meal covers most people without a shake.',
    'Drink to thirst on most days, and plan fluids and electrolytes for long or hot sessions. Weighing yourself before and after a {minutes}-minute {activity} session shows how much you typically lose.',
    'Pick {number} exercises you enjoy and rotate them {frequency}. Enjoyment is not a luxury: it is the best predictor of whether you will still be training in six months.',
    'If you are new to {activity}, increase your weekly volume gradually and keep at least one full rest day. Walk-run intervals are a respectable way to start, not a crutch.',
    'Brace before you lift: breathe into your belly, tighten your trunk as if someone were about to poke you, then move. Let the breath out at the top, not halfway through the rep.',
    'Use the talk test on {intensity} days: full sentences mean you are in the right zone; single words mean you are going too hard for an aerobic session.',
    'Schedule a lighter deload week {every 4 to 6|every 6 to 8|every 8 to 12} weeks, cutting sets by about a third while keeping the movements the same. You should come back feeling sharper, not detrained.',
    'Keep a simple training log: date, exercise, sets, reps, load and one line about how it felt. Patterns in your {bodypart} or your energy show up within a few weeks.',
    'Strength training {frequency} is enough for most {population} to see real progress. Two full-body sessions beat five rushed ones you cannot recover from.'
  ],
  cited: [
    'A {year} meta-analysis of {trials} trials in {journal} found that resistance training improved {benefit} in {population}, with larger effects in those who trained at least twice a week ({researcher} et al., {year2}).',
    'According to [{agency}]({agencyurl}), adults should get at least 150 minutes of moderate activity a week, plus muscle-strengthening work on two or more days.',
    'Creatine is one of the most studied supplements in sports nutrition; the ISSN position stand concludes it is effective for high-intensity training and safe for healthy adults at recommended doses[^{footnote}].',
    'In a randomised trial of {participants} adults, those who followed {diet} lost about the same weight as a control group eating the same calories ([{researcher} et al., {year}]({studyurl})).',
    'Eating around 1.6 grams of protein per kilogram of body weight a day appears to capture most of the muscle-building benefit of resistance training, according to a meta-analysis by {researcher} and colleagues [{footnote}].',
    'A Cochrane review of {trials} studies concluded that exercise therapy reduces pain and improves function in people with chronic {bodypart} pain, though the effect sizes were modest (doi:{doi}).',
    'Researchers who followed {participants} {population} for {number} years found that those with the highest grip strength had lower all-cause mortality (PMID {pmid}).',
    'A {year} study published in {journal} reported that {supplement} improved {benefit} by a small amount compared with placebo, though only {participants} people took part [{footnote}].',
    '{agency} notes that {number} in 10 adults do not meet the guidelines for muscle-strengthening activity, which is one reason [their guidance]({agencyurl}) stresses any movement over none.',
    'Nordic hamstring curls roughly halved hamstring injuries in a pooled analysis of team-sport athletes ({researcher} et al., {year}), which is why many clubs now program them {frequency}.',
    'The FDA cites 400 milligrams of caffeine a day as an amount not generally associated with negative effects in healthy adults ([FDA]({agencyurl})), though sensitivity varies a lot between people.',
    'Blood flow restriction training produced gains in {benefit} with loads as light as 30 percent of a one-rep max in a review of {trials} trials [^{footnote}].'
  ],
  uncited: [
    'Studies show that {activity} {frequency} cuts your risk of heart disease by {percent} percent.',
    'Research has proven that {supplement} boosts {benefit} in just {days} days.',
    'Experts agree that {diet} is the healthiest way to eat for {population}.',
    'It is a well-known fact that stretching before {activity} prevents injuries.',
    'Doctors recommend {supplement} for everyone over forty. Science says it lowers inflammation and raises testosterone.',
    'A recent study found that people who do {exercise}s every day burn {percent} percent more fat at rest.',
    'Lifting heavy reduces your body fat by {percent}% in {weeks} weeks, and the effect is even bigger for {population}.',
    'According to research, eating {food} before bed increases your overnight fat burning {number} times over.'
  ],
  unsafe: [
    'To see results fast, cut down to {calories} calories a day and do fasted cardio every {time}.',
    'No pain, no gain: push through the pain in your {bodypart} and finish every set, even when it feels sharp.',
    'Before a weigh-in, sit in the sauna in a sweat suit and cut your water for {number} days; you can drop {pounds} pounds that way.',
    'Take {mg0} mg of caffeine before training{?, and another scoop halfway through if you start to fade}. Dry scoop it for the fastest hit.',
    'For a serious cut, stack clenbuterol with your fat burner for {weeks} weeks and keep your meals tiny.',
    'Do {reps0} burpees on day one to show yourself what you are made of, and keep going until you puke.',
    'Lose {pounds} pounds in {days} days with our juice-only reset: no solid food, just three bottles a day.',
    'Wrap yourself in cling film under your hoodie on your {activity} days to sweat out extra weight.'
  ],
  overclaim: [
    '{brand} {bodyeffect} and is guaranteed to work for everyone.',
    'This {number}-minute routine is the only workout you will ever need, and it is 100% safe for everyone.',
    '{diet} cures type 2 diabetes, heals your gut and {bodyeffect}.',
    'Our {gear} is clinically proven to add {pounds} pounds to your bench in four weeks.',
    'This miracle {exercise} variation instantly fixes {bodypart} pain and works for every body.',
    'One scoop of {supplement} a day {bodyeffect}, with zero side effects.'
  ],
  symptom: [
    'If you notice {symptom} during or after training, stop and get medical help straight away. Call emergency services if it comes with {symptom2}.',
    'Some soreness the day after a new session is normal. {symptom} is not: see a doctor or {expert} before you train again.',
    'Numbness, tingling or weakness that spreads down a leg, or {symptom}, needs a prompt assessment by a clinician rather than more stretching.',
    'After a very hard session, {symptom} with severe muscle pain can be a sign of rhabdomyolysis. Go to urgent care; do not wait it out.',
    'I had {symptom} on my long runs for a few weeks and just slowed down. Looking back, I would tell anyone in that spot to get checked.',
    'A little {bodypart} stiffness in the morning is common. {symptom}, on the other hand, is worth a conversation with your GP.',
    'Watch for {symptom} in the heat. Move to shade, sip fluids and stop for the day.'
  ],
  disclaimer: [
    'This article is for informational purposes only and is not a substitute for professional medical advice. Talk to your doctor before starting a new exercise or diet plan, especially if you have {condition}.',
    '*Disclaimer: I am not a doctor. The information here is general and may not be right for you.*',
    'The content on this site does not constitute medical advice and does not create a doctor-patient relationship. Check with a healthcare professional before making changes.',
    'Medically reviewed by Dr. {firstname} {lastname}, {expert}. Last updated {year}.',
    'These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.',
    'If you are pregnant, breastfeeding, or have {condition}, check with your doctor before trying {supplement} or any new training program.'
  ],
  affiliate: [
    '[Check price on Amazon]({affurl})',
    '**{brand}** is our pick for {population}. It mixes clean, tastes good, and costs about ${number} a serving. [Buy {brand}]({affurl})',
    'We like {gear} for small spaces; [this one]({affurl}) folds flat and held up to {weeks} weeks of daily use.',
    'Our top pick, [{brand}]({affurl}), earned the highest score for taste and value. The runner-up, [{brand2}]({affurl2}), is better if you want a stim-free option.',
    'This post contains affiliate links. If you buy through them we may earn a commission at no extra cost to you.',
    'As an Amazon Associate we earn from qualifying purchases. Prices were accurate when we published and may have changed.'
  ],
  supplement: [
    '{brand} supports healthy joints, boosts energy and promotes restful sleep.',
    '{supplement} helps support muscle recovery and enhances focus, so it is a staple in our stack.',
    'Our {brand} gummies support immunity and improve mood, with no artificial colours.',
    'Take {grams} g of {supplement} daily with a meal; timing matters far less than taking it consistently.',
    'If you eat little {food}, {supplement} can help you hit your needs, but food should do most of the work.'
  ],
  hedge: [
    'There is no strong evidence that {supplement} improves {benefit} in trained athletes, so save your money unless you have a diagnosed deficiency.',
    'Contrary to what you see online, {activity} does not "destroy your gains"; the interference effect is small for most people.',
    'It is a myth that {exercise}s are bad for your {bodypart}; with sensible loading they tend to make it more resilient.',
    '{Influencers claim|Ads promise|Brands claim} that {supplement} {bodyeffect}. The trials we found do not back that up.',
    'Does {diet} really boost your metabolism? Probably not by much, and any effect disappears when calories are matched.',
    'Early studies on {supplement} are promising but small, and most lasted only {weeks} weeks; treat the results as preliminary.',
    'Spot reduction does not work: doing {exercise}s will not burn fat from one area, though it will make the muscles underneath stronger.'
  ],
  anecdote: [
    'When I started {activity} at {2|3|4|5|6}0 I could barely manage {minutes} minutes. {weeks} weeks later I finished my first event, slowly and happily.',
    '{firstname}, one of my clients, came to me after two years of yo-yo dieting. We stopped counting everything and focused on protein, sleep and three lifting sessions a week. The scale moved slowly; her deadlift did not.',
    'My worst training block was the one where I tried to do everything at once: {activity}, {activity2} and a {diet} experiment. I was tired, cranky and slower by the end.',
    'The first time I tried the {exercise} I used a broomstick. It felt silly for a week and then it felt like the best decision I made that year.',
    'Our testers ranged from {population} to {population2}. {firstname} trained at {place} {frequency}; {firstname2} mostly used {gear} at home.'
  ],
  nutrition: [
    'A simple post-workout meal: {food}, {food2} and a piece of fruit. It is not magic, but it covers protein, carbohydrate and some fibre.',
    'Most people do not need to count every gram. Build meals around a protein source, a plant, a starch and a little fat, and adjust portions by how your training and body weight trend over a few weeks.',
    'If you train early, a small snack like {food} with a banana {minutes} minutes beforehand is enough. Train fasted only if it genuinely feels better.',
    'Budget tip: {food}, {food2} and frozen vegetables are some of the cheapest protein and fibre per dollar in the supermarket.',
    'On long days, eat something with carbohydrate every {minutes} minutes after the first hour. Practise it in training so race day is not the first time your gut meets a gel.'
  ],
  faq: [
    '**Is {activity} safe for {population}?** For most people, yes, with a gradual start. If you have {condition}, check with your doctor first.',
    '**How long until I see results?** Strength usually improves within {weeks} weeks; visible changes take longer and depend on diet and sleep.',
    '**Should I take {supplement}?** Only if it solves a real gap. Start with food, sleep and consistent training, then revisit.',
    '**Can I do {exercise}s with a sore {bodypart}?** Mild, familiar soreness is usually fine with lighter loads. Sharp or worsening pain is a reason to stop and get it assessed.',
    '**What if I miss a week?** Pick up where you left off with slightly lighter loads. One missed week changes almost nothing.'
  ],
  quote: [
    '"The best program is the one you will actually follow," says {firstname} {lastname}, {expert}.',
    '"Most of the {population} I coach do not need more intensity, they need more sleep," {firstname} {lastname} told us.',
    '"Pain is information, not a badge of honour," says {firstname} {lastname}, {expert} who coaches at {place}.'
  ],
  outro: [
    'That is the whole plan. Start small, log what you do, and adjust every few weeks. If you want more, read our guide on [progressive overload]({siteurl}).',
    'Questions? Drop them in the comments and we will update this guide. And if it helped, [share it with a training partner]({siteurl}).',
    'The bottom line: {activity} works when you do it consistently, at an effort you can recover from, for months rather than days.'
  ]
}

/** Section headings, by the article kind they fit. */
export const headings = [
  'How to do the {exercise}', 'Common {exercise} mistakes', 'What the research says', 'Who should avoid {diet}',
  'Safety first', 'When to see a doctor', 'Warning signs to watch for', 'Programming {activity} for {population}',
  'A sample week', 'The {weeks}-week plan', 'Nutrition basics', 'How much protein do you need?', 'Supplements worth considering',
  'Supplements to skip', 'Our top picks', 'How we tested', 'Recovery and sleep', 'Frequently asked questions',
  'Myths about {activity}', 'Does {supplement} work?', 'Choosing {gear} for {place}', 'The bottom line', 'Key takeaways',
  'Warm-up and mobility', 'Progressions and regressions', 'What about {bodypart} pain?', '{diet}: the evidence',
  'The 10 best {supplement} brands of {year}', 'Burn belly fat fast with {exercise}s', 'Why {population} should lift',
  'Sources', 'About the author', 'Safety and who should avoid it'
]

/** Article titles. */
export const titles = [
  'The {mood} guide to {activity} for {population}', '{number} {exercise} mistakes that hurt your {bodypart}',
  'Is {diet} worth it? What {number} studies say', 'The best {supplement} of {year}, tested and ranked',
  '{weeks}-week {activity} plan for {population}', 'How to {outcome} without burning out',
  '{supplement} vs {supplement2}: which one should you take?', 'Why your {bodypart} hurts after {activity}',
  '{exercise}: form, programming and variations', 'Choosing {gear} for {place}: our picks',
  'What I learned from {weeks} weeks of {diet}', 'The truth about {activity} and {benefit}'
]

/** List items (bulleted or numbered). */
export const listItems = [
  '{sets} sets of {reps} {exercise}s', '{minutes} minutes of {intensity} {activity}', 'Rest day or an easy walk',
  'Mobility for your {bodypart}: {minutes} minutes', 'Eat {food} or {food2} with every meal', 'Sleep at least {hours} hours',
  'Take {grams} g of {supplement} daily', 'Stop if you feel {symptom}', '{exercise} — {sets} x {reps} at a {intensity} effort',
  'Log every session', 'Add a little weight when all sets feel smooth', 'Keep one full rest day a week',
  'Hydrate before, during and after {activity}', '[{brand}]({affurl}): best for {population}', 'See [our guide]({siteurl})',
  'Check with your doctor if you have {condition}', 'Burn up to {calories} calories a session', 'Cut to {calories} calories a day',
  'Stretch your {bodypart} after training, not before', 'Swap {food} for {food2} if you are vegetarian'
]
