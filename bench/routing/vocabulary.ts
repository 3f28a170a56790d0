import { SeededRandom as Prng } from '../../server/simulator/x/prng.js';

/** Everyday words of customer posts; never used as rule keywords, so they decide nothing. */
const COMMON_WORDS = `i you we they he she it my your our their me us them this that these those a an the
and or but so because if when then than as at by for from in into of on onto to with without about after
before again still just only also very really too not no yes is are was were be been being am do does did
done have has had having can could will would should may might must get got getting go going went come came
make made take took give gave see saw look looking know knew think thought want wanted need needed try tried
tell told ask asked say said call called send sent wait waiting waited use used find found keep kept help
please thanks thank hi hello hey dear team support guys folks everyone anyone someone nobody today tomorrow
yesterday week weeks month months day days hour hours minute minutes time times morning evening night
now later soon already yet ever never always sometimes again once new old good bad great fine okay
ok sure maybe probably actually literally honestly seriously basically what why how where who which whose
here there all any some every each both many much more most less few little lot lots other another same
order orders ordered ticket tickets case booking booked tracking claim ref receipt parcel shipment account
item items product products app website site page email phone number store shop service customer customers
price prices money cost costs paid pay paying bill card bank online website problem problems issue issues
question questions answer answers reply replied message messages chat agent agents person people home work
office city country first last next two three four five ten hundred one none nothing something anything
everything everyone thing things way ways part parts kind sort bit place places side end start open closed
since until while during through over under around near far back up down out off again away right left
refunded refunds charges charging invoices logins passwords crashed crashing delivered deliveries cancelled
canceled subscribed subscriptions billed payments discounts coupons returned returning repaired replaced
don't can't won't it's i'm i've that's there's didn't doesn't isn't acme acmehelp example com mail https www
net org photo video screenshot attached link`;

/** Realistic care keywords and phrases; each is given to exactly one rule. */
const CARE_KEYWORDS = `refund|chargeback|invoice|overcharged|outage|downtime|crash|glitch|password|login|2fa|otp|hacked
|phishing|scam|fraud|stolen|unauthorized|courier|damaged|broken|defective|missing|delayed|lost|cancellation
|unsubscribe|billing|payment|declined|coupon|voucher|promo|warranty|repair|replacement|exchange|complaint
|manager|escalate|lawyer|gdpr|privacy|deactivate|suspended|banned|locked|blocked|spam|harassment|abuse|threat
|emergency|urgent|asap|furious|disappointed|terrible|awful|useless|ridiculous|unacceptable|awesome|amazing
|wifi|router|bandwidth|latency|lag|buffering|firmware|upgrade|downgrade|uninstall|battery|charger|bluetooth
|sync|backup|storage|sizing|allergy|allergic|gluten|vegan|recall|contamination|mold|expired|spoiled|leaking
|overheating|smoke|injury|hospital|ambulance|careers|hiring|internship|partnership|sponsorship|influencer
|collab|journalist|investor|shareholder|dividend|api|webhook|sdk|integration|developer|documentation|roadmap
|beta|feedback|survey|giveaway|contest|winner|prize|sweepstakes|membership|loyalty|rewards|giftcard|pricing
|quote|estimate|wholesale|reseller|franchise|parking|accessibility|wheelchair|translator|café|naïve|résumé
|charged twice|double charged|can't log in|cannot sign in|not working|wrong item|never arrived
|cancel my subscription|reset password|money back|still waiting|no response|on hold|talk to a human
|speak to someone|late delivery|out of stock|back in stock|price match|gift card|promo code|data breach
|identity theft|credit card|dark mode|app store|log out|sign up|two factor|file a complaint|terms of service
|rip off|worst service|highly recommend|thank you so much|five stars|let down|screen cracked|battery drain
|won't turn on|keeps freezing|error code|page not found|payment failed|card declined|don't care|isn't fair`;

const CONSONANTS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'tr', 'br', 'kl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'x', 'sk', 'm'];

/** The words a corpus is made of, with keywords kept apart from everything else. */
export interface Vocabulary {
  /** Words drawn as message filler (common words first, then invented product-like words). */
  filler: string[];
  /** Real care keywords and phrases; each goes to at most one rule. */
  careKeywords: string[];
  /** Invented keywords, to make long lists; each goes to at most one rule. */
  inventedKeywords: string[];
}

/** Builds the vocabulary: 2,000 filler words and ~2,000 distinct keywords, no single-word keyword being filler. */
export function buildVocabulary(prng: Prng, fillerSize = 2000, inventedKeywordCount = 1800): Vocabulary {
  const common = [...new Set(COMMON_WORDS.split(/\s+/).filter(Boolean))];
  const phrases = CARE_KEYWORDS.split('|').map((k) => k.trim()).filter(Boolean);
  const phraseTokens = new Set(phrases.filter((p) => p.includes(' ')).flatMap((p) => p.split(' ')));
  const taken = new Set(common);
  // A single-word keyword may not also be filler or a word of a phrase: then one plant could fire two rules.
  const careKeywords = phrases.filter((k) => k.includes(' ') || (!taken.has(k) && !phraseTokens.has(k)));
  for (const k of careKeywords) for (const token of k.split(' ')) taken.add(token);

  const filler = [...common];
  while (filler.length < fillerSize) filler.push(inventWord(prng, taken));
  const inventedKeywords: string[] = [];
  while (inventedKeywords.length < inventedKeywordCount) inventedKeywords.push(inventWord(prng, taken));
  return { filler, careKeywords, inventedKeywords };
}

function inventWord(prng: Prng, taken: Set<string>): string {
  for (;;) {
    let word = '';
    const syllables = prng.int(2, 3);
    for (let i = 0; i < syllables; i++) word += prng.pick(CONSONANTS) + prng.pick(VOWELS);
    word += prng.pick(CODAS);
    if (!taken.has(word)) {
      taken.add(word);
      return word;
    }
  }
}

/** Samples filler words with Zipf-like frequencies (earlier words, the common ones, are more frequent). */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(private readonly words: readonly string[]) {
    this.cumulative = new Float64Array(words.length);
    let total = 0;
    for (let i = 0; i < words.length; i++) {
      total += 1 / (i + 3) ** 1.15;
      this.cumulative[i] = total;
    }
    for (let i = 0; i < words.length; i++) this.cumulative[i]! /= total;
  }

  /** One word. */
  sample(prng: Prng): string {
    const u = prng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}
