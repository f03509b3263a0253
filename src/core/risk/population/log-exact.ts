/**
 * Correctly rounded natural logarithm (and log1p), computed in double-double arithmetic.
 *
 * Why: ARX's gamma and hypergeometric terms come from Apache Commons Math, whose FastMath.log
 * carries extra precision and returns the correctly rounded result in practice, whereas the
 * engines' Math.log (fdlibm) is only within 1 ulp. Inside log-gamma the log is multiplied by
 * the argument (thousands for Pitman's θ), so a 1-ulp difference becomes a visible difference
 * in the population-uniqueness estimate. ARX's own digamma uses StrictMath.log (fdlibm), so
 * that one keeps Math.log.
 */

type DD = [hi: number, lo: number];

const SPLITTER = 134217729; // 2^27 + 1, Dekker's split for exact products without FMA
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function split(a: number): DD {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return quickTwoSum(s, e + a[1] + b[1]);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function mulNum(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, mulNum(b, -q1));
  const q2 = r[0] / b[0];
  r = add(r, mulNum(b, -q2));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

/** log(x) as a double-double, for finite x > 0. */
function logDD(x: number): DD {
  let scale = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: lift subnormals so the exponent split below stays exact
    scale = -54;
  }
  let e = Math.min(1023, Math.floor(Math.log2(x)));
  let m = x / Math.pow(2, e);
  if (m >= 2) {
    m /= 2;
    e++;
  } else if (m < 1) {
    m *= 2;
    e--;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e++;
  }
  // log m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: the series converges by a factor s² ≤ 0.03 per term.
  const s = div([m - 1, 0], twoSum(m, 1));
  if (s[0] === 0) return mulNum(LN2, e + scale);
  const s2 = mul(s, s);
  let term = s;
  let sum: DD = s;
  for (let k = 3; k < 80; k += 2) {
    term = mul(term, s2);
    const t = div(term, [k, 0]);
    if (Math.abs(t[0]) < Math.abs(sum[0]) * 1e-34) break;
    sum = add(sum, t);
  }
  return add(mulNum(sum, 2), mulNum(LN2, e + scale));
}

export function logExact(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  return logDD(x)[0];
}

/** log(1 + x) correctly rounded: 1 + x is kept exact as a double-double. */
export function log1pExact(x: number): number {
  if (Number.isNaN(x) || x < -1) return NaN;
  if (x === -1) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 0) return x;
  const [hi, lo] = twoSum(1, x);
  const l = logDD(hi);
  // log(hi + lo) = log(hi) + lo/hi − …; |lo/hi| < 2^-53, so the next term is below 2^-106.
  return add(l, [lo / hi, 0])[0];
}
