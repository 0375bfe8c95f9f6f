#!/usr/bin/env node
// lasso_cd.js: the source notes' coordinate descent, in float64, speaking the process protocol.
//
// An example port (Node.js >= 18, no dependencies) of the project's reference
// (porting/README.md).  It minimises the canonical objective (spec OBJECTIVE)
//
//     F(w) = 1/2 ||y - X w||^2 + l1 ||w||_1 + l2 ||w||_2^2     (no intercept, no 1/n)
//
// Protocol: one JSON problem per line on stdin, {"X": [[...], ...], "y": [...],
// "l1": ..., "l2": ...} (numbers as JSON numbers or exact "p/q" strings; l2
// may be omitted), one JSON reply per line on stdout, in order:
// {"w": [...], "info": {...}} or {"error": "..."} for input that is not a
// problem.  The line {"capabilities": true} is answered with the port's name,
// version and capabilities instead (see CAPABILITIES, RELATIVE_GAP and REASONS below).
//
// Algorithm (notes section 13, with the Elastic Net denominator of section 15;
// spec CD-UPDATE): cyclic over j,
//     g_j = x_j^T r + (x_j^T x_j) w_j          (= x_j^T (r + x_j w_j), the partial residual)
//     w_j = S(g_j, l1) / (x_j^T x_j + 2 l2)     (S the soft threshold; 0 when the denominator is 0)
//     r   = r - x_j (w_j_new - w_j_old)
// which is the notes' "r = r + x_j w_j; g_j = x_j^T r; ...; r = r - x_j w_j" with the
// two residual updates merged into one (fewer roundings, the same arithmetic otherwise).
//
// Stopping (spec DUAL-GAP, GAP-DISTANCE-BOUND): after every sweep, with r = y - X w
// recomputed from scratch, c = X^T r - 2 l2 w and s = min(1, l1/||c||_inf) (s = 1 when
// ||c||_inf <= l1), the scaled residual is dual feasible and
//     gap = 1/2 (1 - s)^2 (||r||^2 + 2 l2 ||w||^2) + sum_j (l1 |w_j| - s w_j c_j)  >= F(w) - F*.
// For l2 > 0, F is 2 l2-strongly convex and also F(w) - F* <= ||rho||^2 / (4 l2), where rho_j is
// the KKT residual (max(0, |c_j| - l1) at w_j = 0, |c_j - l1 sign w_j| otherwise).  The port
// stops when min of these bounds <= STOP_RELATIVE * F(0), F(0) = 1/2 ||y||^2, or after
// MAX_SWEEPS sweeps (then info.converged is false and the answer is returned anyway, for the
// caller's exact check to judge).
//
// What it cannot do (declared in CAPABILITIES, RELATIVE_GAP and REASONS): it is float64-only,
// so its answers match the exact ones within the declared relative objective gap, not
// exactly; and plain least squares (l1 = l2 = 0) is rejected, because neither bound above certifies it (with l1 = 0 the scaled
// residual is dual feasible only when X^T r = 0 exactly, and there is no strong convexity).
'use strict';

const readline = require('readline');

const NAME = 'lasso_cd.js';
const VERSION = '1.0.0';
const STOP_RELATIVE = 1e-14; // stop when the computed bound <= 1e-14 F(0)
const MAX_SWEEPS = 20000000; // nearly parallel columns need ~10^7 (conformance corpus/nearly-parallel-2x2)
// The self-description, answered to the line {"capabilities": true}.
const CAPABILITIES = {
  // Problem kinds it solves (the conformance suite's capability names); false = declined.
  lasso: true,
  elastic_net: true,
  ridge: true,
  least_squares: false,
  // A coefficient whose exact value is 0 with strict KKT slack is returned as exactly 0.0 (the
  // soft threshold's zero zone), so sparsity can be read off the answer.
  exact_zeros: true,
};
// Answers are float64, so they are checked within an objective gap, not for equality.  The
// promise, checked exactly by the vector runner: F(w) - F* <= RELATIVE_GAP * F(0).  The port
// stops at a computed bound <= STOP_RELATIVE * F(0); the factor 1e4 between the two is the
// margin for the rounding errors of its own float64 evaluation of that bound (roughly
// (n + p) u (sum_j |w_j| ||x_j||)(||y|| + ||X||_F ||w||) / F(0) for unit roundoff u).
const RELATIVE_GAP = 1e-10;
const REASONS = {
  least_squares:
    'l1 = l2 = 0: the duality gap does not certify plain least squares, and this port ' +
    'stops only on a certificate',
};

// ------------------------------------------------------------------------- input

class ProblemError extends Error {}

const RATIONAL = /^[+-]?[0-9]+(\/[0-9]+)?$/;

/** A JSON number or an exact "p/q" string, as the nearest float64 (p, q up to 2^53 exactly). */
function parseNumber(value, name) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ProblemError(`${name} must be finite, got ${value}`);
    return value;
  }
  if (typeof value === 'string' && RATIONAL.test(value)) {
    const [p, q] = value.split('/');
    const den = q === undefined ? 1 : Number(q);
    if (den === 0) throw new ProblemError(`${name} has a zero denominator: ${JSON.stringify(value)}`);
    const result = Number(p) / den;
    if (!Number.isFinite(result)) throw new ProblemError(`${name} is out of range: ${value}`);
    return result;
  }
  throw new ProblemError(
    `${name} must be a JSON number or a "p/q" string, got ${JSON.stringify(value)}`);
}

function parsePenalty(value, name) {
  const result = parseNumber(value, name);
  if (result < 0) throw new ProblemError(`${name} must be >= 0, got ${JSON.stringify(value)}`);
  return result;
}

/** Check a problem object; {n, p, cols (column-major), y, l1, l2} in float64. */
function parseProblem(data) {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ProblemError('a problem must be a JSON object with keys X, y, l1 (and l2)');
  }
  for (const key of Object.keys(data)) {
    if (!['X', 'y', 'l1', 'l2'].includes(key)) throw new ProblemError(`unknown key ${key}`);
  }
  for (const key of ['X', 'y', 'l1']) {
    if (!(key in data)) throw new ProblemError(`missing key ${key}`);
  }
  const X = data.X;
  if (!Array.isArray(X) || X.length === 0) throw new ProblemError('X must be a non-empty list of rows');
  if (!Array.isArray(X[0]) || X[0].length === 0) throw new ProblemError('X[0] must be a non-empty list');
  const n = X.length;
  const p = X[0].length;
  const cols = [];
  for (let j = 0; j < p; j++) cols.push(new Float64Array(n));
  X.forEach((row, i) => {
    if (!Array.isArray(row)) throw new ProblemError(`X[${i}] must be a list`);
    if (row.length !== p) {
      throw new ProblemError(`X is ragged: row 0 has ${p} entries, row ${i} has ${row.length}`);
    }
    row.forEach((v, j) => { cols[j][i] = parseNumber(v, `X[${i}][${j}]`); });
  });
  if (!Array.isArray(data.y)) throw new ProblemError('y must be a list');
  if (data.y.length !== n) throw new ProblemError(`y must have length ${n}, got ${data.y.length}`);
  const y = Float64Array.from(data.y, (v, i) => parseNumber(v, `y[${i}]`));
  const l1 = parsePenalty(data.l1, 'l1');
  const l2 = parsePenalty('l2' in data ? data.l2 : 0, 'l2');
  return { n, p, cols, y, l1, l2 };
}

// ------------------------------------------------------------------------- the solver

function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function softThreshold(z, t) {
  if (z > t) return z - t;
  if (z < -t) return z + t;
  return 0;
}

/** r = y - X w from scratch. */
function residual(prob, w) {
  const r = Float64Array.from(prob.y);
  for (let j = 0; j < prob.p; j++) {
    if (w[j] !== 0) {
      const x = prob.cols[j];
      for (let i = 0; i < prob.n; i++) r[i] -= x[i] * w[j];
    }
  }
  return r;
}

/** The certificate's bound on F(w) - F* (see the header). */
function certifiedBound(prob, w, r) {
  const { p, cols, l1, l2 } = prob;
  const c = new Float64Array(p);
  let largest = 0;
  for (let j = 0; j < p; j++) {
    c[j] = dot(cols[j], r) - 2 * l2 * w[j];
    largest = Math.max(largest, Math.abs(c[j]));
  }
  const s = largest <= l1 ? 1 : l1 / largest;
  let gap = 0.5 * (1 - s) * (1 - s) * (dot(r, r) + 2 * l2 * dot(w, w));
  let rho2 = 0;
  for (let j = 0; j < p; j++) {
    gap += l1 * Math.abs(w[j]) - s * w[j] * c[j];
    const rho = w[j] === 0 ? Math.max(0, Math.abs(c[j]) - l1) : Math.abs(c[j] - l1 * Math.sign(w[j]));
    rho2 += rho * rho;
  }
  return l2 > 0 ? Math.min(gap, rho2 / (4 * l2)) : gap;
}

function coordinateDescent(prob) {
  const { n, p, cols, y, l1, l2 } = prob;
  const colsq = cols.map((x) => dot(x, x));
  const w = new Float64Array(p);
  let r = Float64Array.from(y);
  const target = STOP_RELATIVE * 0.5 * dot(y, y);
  let bound = certifiedBound(prob, w, r);
  let sweeps = 0;
  // A coefficient can keep a rounding-level value from the sweep that reaches the certificate
  // (its g_j was barely above l1 before the others settled); one more sweep from the certified
  // point puts it back to exactly 0.  So stop only after a sweep that started from a certified
  // point and moved no coefficient to or from zero.
  let polished = false;
  while ((bound > target || !polished) && sweeps < MAX_SWEEPS) {
    polished = bound <= target;
    for (let j = 0; j < p; j++) {
      const x = cols[j];
      const denominator = colsq[j] + 2 * l2;
      const old = w[j];
      const g = dot(x, r) + colsq[j] * old;
      const updated = denominator > 0 ? softThreshold(g, l1) / denominator : 0;
      if ((updated === 0) !== (old === 0)) polished = false;
      if (updated !== old) {
        const delta = updated - old;
        for (let i = 0; i < n; i++) r[i] -= x[i] * delta;
        w[j] = updated;
      }
    }
    sweeps += 1;
    r = residual(prob, w); // no drift: the certificate and the next sweep use a fresh residual
    bound = certifiedBound(prob, w, r);
  }
  return { w, sweeps, bound, converged: bound <= target };
}

// ------------------------------------------------------------------------- the protocol

function answer(line) {
  let data;
  try {
    data = JSON.parse(line);
  } catch (e) {
    return { error: `not JSON: ${e.message}` };
  }
  if (data !== null && typeof data === 'object' && data.capabilities === true &&
      Object.keys(data).length === 1) {
    return {
      name: NAME, version: VERSION, capabilities: CAPABILITIES, relative_gap: RELATIVE_GAP,
      reasons: REASONS,
    };
  }
  let prob;
  try {
    prob = parseProblem(data);
  } catch (e) {
    if (e instanceof ProblemError) return { error: e.message };
    throw e;
  }
  if (prob.l1 === 0 && prob.l2 === 0) {
    return { error: `unsupported: ${REASONS.least_squares}` };
  }
  const result = coordinateDescent(prob);
  return {
    w: Array.from(result.w),
    info: { sweeps: result.sweeps, bound: result.bound, converged: result.converged },
  };
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on('line', (line) => {
  process.stdout.write(JSON.stringify(answer(line)) + '\n');
});
