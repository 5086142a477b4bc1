/**
 * Slot fillers for the benchmark corpus. A template writes `{exercise}` and
 * gets one of these; `{exercise2}` gets a second, independent pick (the
 * trailing digit only makes a separate slot). Inside one paragraph the same
 * slot name always gets the same value, so sentences stay coherent.
 *
 * Arrays are picked uniformly; functions get the PRNG and return a string.
 */

const int = (rng, low, high) => low + Math.floor(rng() * (high - low + 1))
const pick = (rng, list) => list[Math.floor(rng() * list.length)]

export const fillers = {
  exercise: [
    'back squat', 'front squat', 'goblet squat', 'deadlift', 'Romanian deadlift', 'trap-bar deadlift',
    'bench press', 'incline dumbbell press', 'overhead press', 'push press', 'kettlebell swing',
    'Turkish get-up', 'pull-up', 'chin-up', 'inverted row', 'barbell row', 'walking lunge',
    'Bulgarian split squat', 'hip thrust', 'glute bridge', 'step-up', 'farmer\'s carry', 'plank',
    'side plank', 'dead bug', 'bird dog', 'burpee', 'box jump', 'wall ball', 'thruster',
    'power clean', 'snatch', 'dip', 'push-up', 'face pull', 'lateral raise', 'calf raise',
    'Nordic hamstring curl', 'Copenhagen plank', 'sled push', 'battle rope slam', 'rowing sprint'
  ],
  activity: [
    'running', 'trail running', 'cycling', 'indoor cycling', 'swimming', 'HIIT', 'yoga', 'hot yoga',
    'Pilates', 'rucking', 'hiking', 'rowing', 'CrossFit', 'strength training', 'powerlifting',
    'Olympic weightlifting', 'boxing', 'jump rope', 'stair climbing', 'zone 2 cardio', 'sprinting',
    'kettlebell training', 'calisthenics', 'climbing', 'walking', 'Nordic walking', 'spin class'
  ],
  supplement: [
    'creatine monohydrate', 'whey protein', 'casein', 'caffeine', 'beta-alanine', 'fish oil',
    'vitamin D', 'vitamin B12', 'magnesium glycinate', 'ashwagandha', 'collagen peptides', 'BCAAs',
    'citrulline malate', 'electrolyte tablets', 'melatonin', 'turmeric', 'a multivitamin',
    'a probiotic', 'L-carnitine', 'beetroot juice', 'sodium bicarbonate', 'iron', 'zinc',
    'a pre-workout', 'a fat burner', 'a testosterone booster', 'green tea extract', 'tart cherry juice'
  ],
  diet: [
    'intermittent fasting', 'the keto diet', 'the carnivore diet', 'the Mediterranean diet',
    'a plant-based diet', 'a low-FODMAP diet', 'a high-protein diet', 'the DASH diet',
    'time-restricted eating', 'a vegan diet', 'the paleo diet', 'carb cycling', 'a juice cleanse',
    'the 5:2 diet', 'a low-carb diet', 'flexible dieting', 'alternate-day fasting', 'the zone diet'
  ],
  food: [
    'Greek yogurt', 'oats', 'eggs', 'lentils', 'chickpeas', 'salmon', 'sardines', 'chicken thighs',
    'tofu', 'tempeh', 'cottage cheese', 'brown rice', 'sweet potatoes', 'bananas', 'blueberries',
    'spinach', 'broccoli', 'almonds', 'peanut butter', 'whole-grain bread', 'quinoa', 'black beans',
    'kefir', 'sauerkraut', 'olive oil', 'avocado', 'edamame', 'tuna', 'beef mince', 'skyr'
  ],
  bodypart: [
    'knee', 'lower back', 'shoulder', 'hip', 'ankle', 'wrist', 'neck', 'elbow', 'hamstring',
    'Achilles tendon', 'rotator cuff', 'groin', 'calf', 'upper back', 'foot', 'IT band'
  ],
  symptom: [
    'chest pain', 'shortness of breath that does not settle with rest', 'dizziness', 'fainting',
    'numbness or tingling down one leg', 'dark, cola-coloured urine', 'a racing or irregular heartbeat',
    'sudden sharp pain', 'swelling that gets worse overnight', 'pain that wakes you at night',
    'loss of bladder control', 'a severe headache during exertion', 'calf pain with warmth and redness',
    'blurred vision', 'confusion', 'heavy bleeding', 'a fever with joint pain', 'unexplained weight loss'
  ],
  condition: [
    'high blood pressure', 'type 2 diabetes', 'type 1 diabetes', 'a heart condition', 'asthma',
    'osteoporosis', 'kidney disease', 'an eating disorder', 'arthritis', 'a hernia', 'glaucoma',
    'epilepsy', 'anaemia', 'a history of stroke', 'PCOS', 'hypothyroidism', 'long COVID'
  ],
  population: [
    'beginners', 'women over 40', 'new mothers', 'teenagers', 'older adults', 'people with type 2 diabetes',
    'pregnant women', 'people with high blood pressure', 'runners', 'desk workers', 'masters athletes',
    'people returning from injury', 'shift workers', 'college athletes', 'people in perimenopause',
    'vegetarians', 'people over 60', 'new lifters', 'endurance athletes', 'busy parents'
  ],
  outcome: [
    'build muscle', 'lose fat', 'sleep better', 'lower your blood pressure', 'have more energy',
    'recover faster', 'run farther', 'improve your endurance', 'get stronger', 'improve your mobility',
    'protect your joints', 'improve your posture', 'stay consistent', 'manage stress',
    'keep your bones strong', 'improve insulin sensitivity', 'reduce back pain', 'jump higher'
  ],
  benefit: [
    'muscle protein synthesis', 'VO2 max', 'bone density', 'insulin sensitivity', 'resting heart rate',
    'sleep quality', 'grip strength', 'lean mass', 'fat oxidation', 'blood pressure', 'LDL cholesterol',
    'time to exhaustion', 'sprint performance', 'perceived exertion', 'muscle soreness', 'waist circumference'
  ],
  bodyeffect: [
    'burns belly fat', 'melts fat', 'boosts your metabolism', 'detoxes your liver', 'cures back pain',
    'doubles your testosterone', 'reverses ageing', 'eliminates cravings', 'prevents every injury',
    'flushes toxins', 'triples your gains', 'resets your hormones'
  ],
  expert: [
    'a sports physiotherapist', 'a registered dietitian', 'a strength coach', 'a sports medicine physician',
    'an exercise physiologist', 'a certified personal trainer', 'a physical therapist', 'an orthopaedic surgeon',
    'a pelvic health physio', 'a running coach', 'a cardiologist', 'an endocrinologist'
  ],
  agency: [
    'the CDC', 'the NIH', 'the WHO', 'the ACSM', 'the American Heart Association', 'the NHS',
    'the Mayo Clinic', 'the Cleveland Clinic', 'the FDA', 'the International Society of Sports Nutrition',
    'the American College of Obstetricians and Gynecologists', 'the National Osteoporosis Foundation'
  ],
  journal: [
    'the British Journal of Sports Medicine', 'Sports Medicine', 'the Journal of the International Society of Sports Nutrition',
    'Medicine & Science in Sports & Exercise', 'the American Journal of Clinical Nutrition', 'JAMA',
    'The Lancet', 'the New England Journal of Medicine', 'Nutrients', 'the Journal of Strength and Conditioning Research',
    'the Cochrane Database of Systematic Reviews', 'PLOS ONE'
  ],
  researcher: [
    'Schoenfeld', 'Morton', 'Helms', 'Nielsen', 'Jäger', 'Kreider', 'Phillips', 'Grgic', 'Trexler',
    'Burke', 'Lemez', 'Stokes', 'Lopez', 'Buckner', 'Ralston', 'Refalo', 'Aragon', 'Wewege', 'Kim', 'Okafor'
  ],
  year: (rng) => String(int(rng, 2004, 2024)),
  firstname: [
    'Maya', 'Jordan', 'Priya', 'Tyler', 'Dan', 'Aisha', 'Luca', 'Sofia', 'Marcus', 'Hannah', 'Kenji',
    'Elena', 'Omar', 'Chloe', 'Mateo', 'Grace', 'Noah', 'Zara', 'Ben', 'Ingrid', 'Rahul', 'Fatima'
  ],
  lastname: [
    'Okoro', 'Natarajan', 'Brooks', 'Lindqvist', 'Moreau', 'Silva', 'Chen', 'Kowalski', 'Adeyemi',
    'Fischer', 'Haddad', 'Murphy', 'Tanaka', 'Rossi', 'Novak', 'Patel', 'Walsh', 'Ibrahim', 'Berg'
  ],
  brand: [
    'Voltage Pump X', 'Shred Inferno', 'Apex Stim Max', 'Clean Start', 'Budget Blast', 'Hydra Pump',
    'Focus Fuel', 'IronOak Whey', 'Pure Create', 'NightRest Magnesium', 'CoreCollagen', 'Sunrise D3',
    'Alpha Drive', 'LeanLab Burn', 'TrailMix Gels', 'Zenith Electrolytes', 'Titan Mass', 'GutGuard Pro'
  ],
  gear: [
    'adjustable dumbbells', 'a foam roller', 'a heart rate monitor', 'a GPS watch', 'running shoes',
    'a weight belt', 'knee sleeves', 'a treadmill', 'a rowing machine', 'resistance bands', 'a pull-up bar',
    'a kettlebell set', 'lifting straps', 'a massage gun', 'a smart scale', 'a yoga mat', 'a power rack'
  ],
  number: (rng) => String(int(rng, 2, 12)),
  reps: (rng) => String(pick(rng, [3, 5, 6, 8, 10, 12, 15, 20])),
  sets: (rng) => String(int(rng, 2, 5)),
  minutes: (rng) => String(pick(rng, [5, 10, 15, 20, 25, 30, 40, 45, 60, 90])),
  weeks: (rng) => String(int(rng, 2, 16)),
  percent: (rng) => String(pick(rng, [5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70])),
  grams: (rng) => String(pick(rng, [3, 5, 10, 20, 25, 30, 40])),
  mg: (rng) => String(pick(rng, [100, 150, 200, 250, 300, 400, 500, 600])),
  calories: (rng) => String(pick(rng, [600, 800, 1000, 1200, 1400, 1600, 1800, 2000, 2200, 2500])),
  pounds: (rng) => String(int(rng, 3, 30)),
  days: (rng) => String(int(rng, 3, 30)),
  hours: (rng) => String(pick(rng, [6, 7, 8, 9])),
  participants: (rng) => String(int(rng, 12, 4800)),
  trials: (rng) => String(int(rng, 5, 60)),
  pmid: (rng) => String(int(rng, 10000000, 39999999)),
  doi: (rng) => '10.' + int(rng, 1000, 9999) + '/' + pick(rng, ['bjsm', 'jissn', 'nu', 'mss', 'ajcn', 'jscr']) + '.' + int(rng, 2005, 2024) + '.' + int(rng, 100, 99999),
  footnote: (rng) => String(int(rng, 1, 9)),
  asin: (rng) => 'B0' + Array.from({length: 8}, () => pick(rng, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''))).join(''),
  shortcode: (rng) => Array.from({length: 7}, () => pick(rng, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'.split(''))).join(''),
  tag: ['fitgearhq-20', 'gainsdaily-20', 'runwell-21', 'strongher-20', 'liftlab0c-20'],
  studyurl: (rng) => pick(rng, [
    'https://pubmed.ncbi.nlm.nih.gov/' + int(rng, 10000000, 39999999) + '/',
    'https://doi.org/10.' + int(rng, 1000, 9999) + '/s' + int(rng, 10000, 99999),
    'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC' + int(rng, 1000000, 9999999) + '/',
    'https://bjsm.bmj.com/content/' + int(rng, 40, 58) + '/' + int(rng, 1, 24) + '/' + int(rng, 100, 1600),
    'https://jissn.biomedcentral.com/articles/10.1186/s12970-0' + int(rng, 10, 24) + '-00' + int(rng, 100, 999) + '-' + int(rng, 1, 9),
    'https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD0' + int(rng, 10000, 99999) + '.pub' + int(rng, 2, 5)
  ]),
  agencyurl: [
    'https://www.cdc.gov/physical-activity-basics/guidelines/adults.html',
    'https://www.nhs.uk/live-well/exercise/physical-activity-guidelines-for-adults-aged-19-to-64/',
    'https://www.who.int/news-room/fact-sheets/detail/physical-activity',
    'https://www.heart.org/en/healthy-living/fitness/fitness-basics/aha-recs-for-physical-activity-in-adults',
    'https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/',
    'https://www.fda.gov/consumers/consumer-updates/spilling-beans-how-much-caffeine-too-much',
    'https://www.mayoclinic.org/healthy-lifestyle/fitness/in-depth/exercise/art-20048389',
    'https://www.niddk.nih.gov/health-information/weight-management'
  ],
  weakurl: [
    'https://www.instagram.com/p/CfitReel123/', 'https://www.reddit.com/r/Fitness/comments/abc123/',
    'https://www.tiktok.com/@shredcoach/video/72310', 'https://gymbroblog.example.com/why-cardio-kills-gains',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://naturalhealthsecrets.example.net/detox'
  ],
  affurl: (rng) => pick(rng, [
    'https://www.amazon.com/dp/' + fillers.asin(rng) + '?tag=' + pick(rng, fillers.tag),
    'https://amzn.to/' + fillers.shortcode(rng),
    'https://www.shareasale.com/r.cfm?b=' + int(rng, 100000, 999999) + '&u=' + int(rng, 100000, 999999) + '&m=' + int(rng, 10000, 99999),
    'https://go.skimresources.com/?id=' + int(rng, 10000, 99999) + 'X' + int(rng, 100000, 999999) + '&url=https%3A%2F%2Fshop.example.com%2F',
    'https://click.linksynergy.com/deeplink?id=' + fillers.shortcode(rng) + '&mid=' + int(rng, 10000, 99999),
    'https://www.example.com/go/' + pick(rng, ['cleanstart', 'ironoak', 'purecreate', 'trailmix', 'zenith'])
  ]),
  siteurl: (rng) => '/' + pick(rng, ['guides', 'training', 'nutrition', 'recovery', 'gear']) + '/' +
    pick(rng, ['how-to-squat', 'protein-basics', 'deload-week', 'running-cadence', 'sleep-and-recovery',
      'warm-up-routine', 'mobility-basics', 'creatine-faq', 'zone-2-explained', 'progressive-overload']),
  mood: ['honest', 'quick', 'no-nonsense', 'evidence-based', 'practical', 'complete', 'simple', 'realistic'],
  time: ['morning', 'lunchtime', 'evening', 'weekend', 'pre-dawn', 'late-night'],
  place: ['home', 'the gym', 'the track', 'the park', 'a hotel room', 'the garage', 'the pool', 'the trails'],
  intensity: ['easy', 'moderate', 'hard', 'all-out', 'conversational', 'steady', 'threshold'],
  frequency: ['once a week', 'twice a week', 'three times a week', 'every other day', 'daily', 'four days a week']
}
