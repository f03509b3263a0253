import { logExact } from './log-exact.ts';
import { logGamma } from './special.ts';

/**
 * P(X = x) of the hypergeometric distribution (population N, m successes, sample n) computed
 * like Apache Commons Math 3, which ARX's Zayatz model calls: Catherine Loader's saddle-point
 * expansion of three binomial terms, exp(p1 + p2 − p3). Logs are correctly rounded like Commons
 * Math's FastMath (see log-exact.ts); the terms reach −10⁵ for large populations.
 */
export function hypergeometricProbability(N: number, m: number, n: number, x: number): number {
  const lower = Math.max(0, m - (N - n));
  const upper = Math.min(n, m);
  if (x < lower || x > upper) return 0;
  const p = n / N;
  const q = (N - n) / N;
  const p1 = logBinomialProbability(x, m, p, q);
  const p2 = logBinomialProbability(n - x, N - m, p, q);
  const p3 = logBinomialProbability(n, N, p, q);
  return Math.exp(p1 + p2 - p3);
}

const HALF_LOG_2PI = 0.5 * logExact(2 * Math.PI);

/** Stirling-series error log Γ(z+1) − (z+½)log z + z − ½log 2π, tabulated at half-integers below 15 (Loader 2000). */
const STIRLING_ERRORS = [
  0.0, 0.1534264097200273452913848, 0.0810614667953272582196702, 0.054814121051917653896139, 0.0413406959554092940938221,
  0.03316287351993628748511048, 0.02767792568499833914878929, 0.0237461636562974959713292, 0.02079067210376509311152277,
  0.01848845053267318523077934, 0.01664469118982119216319487, 0.01513497322191737887351255, 0.01387612882307074799874573,
  0.01281046524292022692424986, 0.01189670994589177009505572, 0.01110455975820691732662991,
  0.010411265261972096497478567, 0.009799416126158803298389475, 0.009255462182712732917728637,
  0.008768700134139385462952823, 0.008330563433362871256469318, 0.0079341145643140205472481,
  0.007573675487951840794972024, 0.007244554301320383179543912, 0.006942840107209529865664152,
  0.006665247032707682442354394, 0.006408994188004207068439631, 0.006171712263039457647532867,
  0.005951370112758847735624416, 0.005746216513010115682023589, 0.00555473355196280137103869,
];

function stirlingError(z: number): number {
  if (z < 15) {
    const z2 = 2 * z;
    if (Math.floor(z2) === z2) return STIRLING_ERRORS[z2];
    return logGamma(z + 1) - (z + 0.5) * logExact(z) + z - HALF_LOG_2PI;
  }
  const z2 = z * z;
  return (
    (0.083333333333333333333 -
      (0.00277777777777777777778 -
        (0.00079365079365079365079365 - (0.000595238095238095238095238 - 0.0008417508417508417508417508 / z2) / z2) /
          z2) /
        z2) /
    z
  );
}

/** x log(x/mu) + mu − x, by its series when x is close to mu (loses no digits there). */
function deviancePart(x: number, mu: number): number {
  if (Math.abs(x - mu) < 0.1 * (x + mu)) {
    const d = x - mu;
    let v = d / (x + mu);
    let s1 = v * d;
    let s = NaN;
    let ej = 2 * x * v;
    v = v * v;
    let j = 1;
    while (s1 !== s) {
      s = s1;
      ej *= v;
      s1 = s + ej / (j * 2 + 1);
      ++j;
    }
    return s1;
  }
  return x * logExact(x / mu) + mu - x;
}

/** log of the binomial pmf at x (n trials, p success, q = 1 − p), integer x and n. */
function logBinomialProbability(x: number, n: number, p: number, q: number): number {
  if (x === 0) return p < 0.1 ? -deviancePart(n, n * q) - n * p : n * logExact(q);
  if (x === n) return q < 0.1 ? -deviancePart(n, n * p) - n * q : n * logExact(p);
  const ret = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviancePart(x, n * p) - deviancePart(n - x, n * q);
  const f = (2 * Math.PI * x * (n - x)) / n;
  return -0.5 * logExact(f) + ret;
}
