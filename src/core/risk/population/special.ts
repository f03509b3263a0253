import { log1pExact, logExact } from './log-exact.ts';

/**
 * Special functions with the exact arithmetic of the libraries ARX uses, so the population
 * models reproduce ARX's numbers to the last bits:
 * - digamma / trigamma: ARX's own approximations (Minka's Lightspeed toolbox algorithm:
 *   recurrence up to a threshold, then the asymptotic series). ARX's trigamma shifts its
 *   argument up to 8 but only applies the asymptotic tail from 12 on, so for arguments below 12
 *   the tail is left out. That is reproduced on purpose: it shapes ARX's Newton iterates.
 * - logGamma / gamma: Apache Commons Math 3 (NSWC DGAMLN/DGAMMA for small arguments, the
 *   Lanczos approximation with g = 607/128 above 8 resp. 20). Commons Math's logarithms are
 *   correctly rounded in practice, so these use logExact; ARX's digamma uses fdlibm's log, which
 *   is what Math.log is.
 */

const EULER = 0.5772156649015329;
const TRIGAMMA_AT_1 = (Math.PI * Math.PI) / 6;
const TETRAGAMMA_AT_1 = -2 * 1.2020569031595942;

export function digamma(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return -Infinity;
  if (x < 0) return digamma(1 - x) + Math.PI / Math.tan(-Math.PI * x);
  if (x <= 1e-6) return -EULER - 1 / x + TRIGAMMA_AT_1 * x;
  let acc = 0;
  while (x < 12) {
    acc -= 1 / x;
    x++;
  }
  let r = 1 / x;
  acc += Math.log(x) - 0.5 * r;
  r *= r;
  acc -= r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))));
  return acc;
}

export function trigamma(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return -Infinity;
  if (x < 0) {
    const r = Math.PI / Math.sin(-Math.PI * x);
    return -trigamma(1 - x) + r * r;
  }
  if (x <= 1e-4) return 1 / (x * x) + TRIGAMMA_AT_1 + TETRAGAMMA_AT_1 * x;
  let acc = 0;
  while (x < 8) {
    acc += 1 / (x * x);
    x++;
  }
  if (x >= 12) {
    const r = 1 / (x * x);
    acc += 0.5 * r + (1 + r * (1 / 6 + r * (-1 / 30 + r * (1 / 42 + r * (-1 / 30 + r * (5 / 66)))))) / x;
  }
  return acc;
}

const LANCZOS_G = 607 / 128;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];
const HALF_LOG_2PI = 0.5 * logExact(2 * Math.PI);
const SQRT_2PI = 2.506628274631000502;

function lanczos(x: number): number {
  let sum = 0;
  for (let i = LANCZOS.length - 1; i > 0; --i) sum = sum + LANCZOS[i] / (x + i);
  return sum + LANCZOS[0];
}

/** Euler's constant as written in NSWC DGAM1 (the same double as EULER). */
const EULER_NSWC = 0.577215664901532860606512090082402;

/** 1 / Γ(1 + x) − 1 on [−0.5, 1.5] (NSWC DGAM1 rational approximations). */
function invGamma1pm1(x: number): number {
  const t = x <= 0.5 ? x : x - 0.5 - 0.5;
  const C = [
    -0.205633841697760710345015413002057e-6, 0.113302723198169588237412962033074e-5,
    -0.125049348214267065734535947383309e-5, -0.201348547807882386556893914210218e-4,
    0.128050282388116186153198626328164e-3, -0.215241674114950972815729963053648e-3,
    -0.116516759185906511211397108401839e-2, 0.721894324666309954239501034044657e-2,
    -0.962197152787697356211492167234820e-2, -0.421977345555443367482083012891874e-1,
    0.166538611382291489501700795102105, -0.420026350340952355290039348754298e-1,
    -0.655878071520253881077019515145390,
  ];
  let c: number;
  if (t < 0) {
    const a = 0.611609510448141581788e-8 + t * 0.62473083011646551621e-8;
    let b = 0.1957558366146397318820e-9;
    for (const k of [
      -0.607761895722825260739e-7, 0.992641840672773722196e-6, -0.643045481779353022248e-5,
      -0.851419432440314906588e-5, 0.493944979382446875238e-3, 0.266205348428949217746e-1, 0.2036104140668069873,
    ]) {
      b = k + t * b;
    }
    b = 1 + t * b;
    c = C[0] + t * (a / b);
    for (let i = 1; i < C.length; i++) c = C[i] + t * c;
    c = -0.422784335098467139393487909917598 + t * c;
    return x > 0.5 ? (t * c) / x : x * (c + 0.5 + 0.5);
  }
  let p = 0.4343529937408594255178e-14;
  for (const k of [
    -0.1249441572276366213222e-12, 0.1572833027710446286995e-11, 0.468684332294884803108e-10,
    0.6820161668496170657918e-9, 0.6871674113067198736152e-8, 0.6116095104481415817861e-8,
  ]) {
    p = k + t * p;
  }
  let q = 0.2692369466186361192876e-3;
  for (const k of [0.4956830093825887312020e-2, 0.5464213086042296536016e-1, 0.3056961078365221025009]) q = k + t * q;
  q = 1 + t * q;
  c = C[0] + (p / q) * t;
  for (let i = 1; i < C.length; i++) c = C[i] + t * c;
  c = EULER_NSWC + t * c;
  return x > 0.5 ? (t / x) * (c - 0.5 - 0.5) : x * c;
}

function logGamma1p(x: number): number {
  return -log1pExact(invGamma1pm1(x));
}

export function logGamma(x: number): number {
  if (Number.isNaN(x) || x <= 0) return NaN;
  if (x < 0.5) return logGamma1p(x) - logExact(x);
  if (x <= 2.5) return logGamma1p(x - 0.5 - 0.5);
  if (x <= 8) {
    const n = Math.floor(x - 1.5);
    let prod = 1;
    for (let i = 1; i <= n; i++) prod *= x - i;
    return logGamma1p(x - (n + 1)) + logExact(prod);
  }
  const tmp = x + LANCZOS_G + 0.5;
  return (x + 0.5) * logExact(tmp) - tmp + HALF_LOG_2PI + logExact(lanczos(x) / x);
}

export function gamma(x: number): number {
  if (x === Math.round(x) && x <= 0) return NaN;
  const absX = Math.abs(x);
  if (absX <= 20) {
    if (x >= 1) {
      let prod = 1;
      let t = x;
      while (t > 2.5) {
        t = t - 1;
        prod *= t;
      }
      return prod / (1 + invGamma1pm1(t - 1));
    }
    let prod = x;
    let t = x;
    while (t < -0.5) {
      t = t + 1;
      prod *= t;
    }
    return 1 / (prod * (1 + invGamma1pm1(t)));
  }
  const y = absX + LANCZOS_G + 0.5;
  const g = (SQRT_2PI / x) * Math.pow(y, absX + 0.5) * Math.exp(-y) * lanczos(absX);
  return x > 0 ? g : -Math.PI / (x * Math.sin(Math.PI * x) * g);
}
