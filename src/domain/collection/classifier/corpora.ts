/**
 * Which labelled messages train the linear model and which only measure it (issue 11). Pure: the caller
 * passes a reader for paths relative to the repository root.
 *
 * Trained on: the written corpus's `train` split, all of written-2 (train only: families written 2026-12 for
 * what the model missed) and of written-3 (session 5: notices and templates in the real corpus's styles), the
 * real corpus's `train` sources, the shared dev set, the project's own dev set except its held-back fifth (ids
 * divisible by 5), blind-2, blind-3, blind-6, the odd (already tuned-on) ids of blind-4, blind-5, blind-8, blind-9,
 * blind-10 and blind-11, all of written-4, written-5 and written-6 (session 6), (session 7) written-8 and the odd
 * ids of blind-12, blind-13 and blind-14, (session 8) written-10, (session 9) the odd ids of blind-15 to blind-34 at half
 * weight, (session 10) the odd ids of the real inbox SMS, (sessions 12 and 13) written-12 and written-13, kept out of
 * the threshold choice, and (session 14) the odd ids of blind-61 to blind-77.
 * Never trained on: the written `blind` split, the real `heldout` sources, the own set's held-back fifth,
 * blind-7, written-7, written-9, written-11, the even ids of blind-4, blind-5, blind-8 to blind-34, blind-61 to blind-77
 * and of the real inbox SMS, and blind-35 to blind-60 and blind-78 onwards whole.
 */
import { parseJsonl, isHeldOut, type LabelledMessage } from './metrics.js';
import type { TrainMessage } from './train-linear.js';

export type Reader = (relPath: string) => string;

/**
 * The team's shared dev set (../shared/data/messages-dev.jsonl, 2026-12 edition), copied into the repository so that a
 * clone trains and tests without the shared folder beside it. Copy it again when the shared set changes.
 */
export const SHARED_DEV = 'test/fixtures/messages/shared-dev.jsonl';
const FIX = 'test/fixtures/messages/';

interface RealLine extends LabelledMessage {
  source_id: string;
}
interface WrittenLine extends LabelledMessage {
  family: string;
  split: 'train' | 'blind';
}

function realSplit(read: Reader): { train: RealLine[]; heldout: RealLine[] } {
  const split = new Map<string, string>();
  for (const l of read(`${FIX}real/sources.jsonl`).split('\n')) {
    if (l.trim() === '') continue;
    const s = JSON.parse(l) as { source_id: string; split: string };
    split.set(s.source_id, s.split);
  }
  const msgs = parseJsonl(read(`${FIX}real/real.jsonl`)) as RealLine[];
  return { train: msgs.filter((m) => split.get(m.source_id) === 'train'), heldout: msgs.filter((m) => split.get(m.source_id) === 'heldout') };
}

function written(read: Reader): WrittenLine[] {
  return parseJsonl(read(`${FIX}written/written.jsonl`)) as WrittenLine[];
}

/**
 * The `train` lines of written-N.jsonl; every line of these files is `train`, and the filter keeps it safe if a blind
 * split is ever added.
 * - written-2 (session 4): families written for what the model missed.
 * - written-3 (session 5): the real corpus's styles — bank and loan-app notices that only report (receipts,
 *   statements, releases, adverts, scams) beside templated reminders that ask to pay.
 * - written-4 (session 5): hard negatives about family safety, apps' emergency-contact notices, visits, police and
 *   courts, and veiled threats with a debt cue.
 * - written-5 and written-6 (session 6): violent, insulting and impersonating families, contacts, insults, implied
 *   visits, and their ordinary look-alikes, written without seeing any test batch.
 * written-8 (session 6) is trained on from session 7; written-7 and written-9 are not: see docs/classifier.md, sessions 6–7.
 * - written-10 (session 8): how real collectors humiliate (sexual humiliation, selling organs, self-harm incitement,
 *   edited photos, contempt without swear words, dialect slang) and its ordinary look-alikes.
 */
function writtenN(read: Reader, n: 2 | 3 | 4 | 5 | 6 | 8 | 10 | 11 | 12 | 13 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33 | 34 | 35 | 36): WrittenLine[] {
  return (parseJsonl(read(`${FIX}written/written-${n}.jsonl`)) as WrittenLine[]).filter((m) => m.split === 'train');
}

// The trailing number: an id like b8-0001 starts with the batch digit.
const odd = (m: LabelledMessage): boolean => Number(/(\d+)$/.exec(m.id)?.[1] ?? 0) % 2 === 1;

/**
 * Sessions 7–9's sealed batches up to blind-34: their odd ids are trained on from session 9 (round 7), their even ids
 * stay held out. Adding blind-35 to blind-38's odd ids too (a round 8) was tried and not kept: the real held-out split
 * fell from 0.774 to 0.763, written-9 got 15 labels instead of 12, and the polite 「我们不会上门…请尽快还款」 got
 * threat_violence and visit_threat from the model alone (docs/classifier.md, session 9).
 */
const HALVED_S9 = Array.from({ length: 20 }, (_, k) => `blind-${15 + k}`);
/**
 * Their weight in training. At 1 the model alone read bare veiled threats (「晚上走夜路小心点」) as collection and gave
 * a polite 「我们不会上门…请尽快还款」 threat_violence (the blind writers label bare threats collection, the guide's first
 * rule does not); at 0.5 neither, for 0.003 less on blind-35 and 0.001 on blind-36 (docs/classifier.md, session 9).
 */
const HALVED_S9_WEIGHT = 0.5;

/**
 * Sessions 12 and 13's sealed batches, blind-61 to blind-77 (five of them precision batches, 60 % look-alikes): their odd
 * ids are trained on from session 14 at full weight (0.5 measured the same within 0.003), their even ids stay held out.
 * Chosen on blind-78 (a precision batch written at the session's start, scored first with session 13's classifier) and
 * blind-80, then checked once on later batches (docs/classifier.md, session 14).
 */
const HALVED_S14 = Array.from({ length: 17 }, (_, k) => `blind-${61 + k}`);

/**
 * Session 19: the sealed batches of long texts (80–600 characters; 122, 124, 126–133, 136 and 137 are precision
 * batches, 60 % long look-alikes). Their odd ids train the long-text veto (long-veto.ts) and nothing else; their even
 * halves stay held out (heldOutSets names them `blind-N even`). The main model never trains on them. 105–131 from the
 * veto's start; the session's own long batches (132, 133, 135–137) once each had been scored whole, at first sight or
 * once (their figures are below, in heldOutSets, and in docs/classifier.md).
 */
export const LONG_VETO_BATCHES = [105, 106, 109, 111, 112, 113, 114, 117, 118, 120, 122, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 135, 136, 137];

/**
 * What the long-text veto trains on (train-long-veto.ts): the main model's training messages and the odd ids of
 * LONG_VETO_BATCHES. scripts/train.ts keeps the long ones.
 */
export function longVetoTrainingSet(read: Reader): LabelledMessage[] {
  const out: LabelledMessage[] = trainingSet(read).map((m) => ({ id: m.id, text: m.text, to: m.to, labels: [...m.labels] }));
  for (const n of LONG_VETO_BATCHES) out.push(...parseJsonl(read(`${FIX}blind-${n}.jsonl`)).filter(odd));
  return out;
}

export function trainingSet(read: Reader): TrainMessage[] {
  const out: TrainMessage[] = [];
  const add = (msgs: readonly LabelledMessage[], prefix: string, group: (m: LabelledMessage) => string, extra: Partial<TrainMessage> = {}): void => {
    for (const m of msgs) out.push({ id: `${prefix}:${m.id}`, text: m.text, to: m.to ?? 'unknown', labels: m.labels, group: group(m), ...(HALVED_S9.includes(prefix) ? { weight: HALVED_S9_WEIGHT } : {}), ...extra });
  };
  /** A written corpus's messages are grouped by family, so a family's variants never sit on both sides of a fold. */
  const byFamily = (m: LabelledMessage): string => `family:${(m as WrittenLine).family}`;
  add(written(read).filter((m) => m.split === 'train'), 'w', byFamily);
  add(writtenN(read, 2), 'w2', byFamily);
  add(writtenN(read, 3), 'w3', byFamily);
  add(writtenN(read, 4), 'w4', byFamily);
  add(writtenN(read, 5), 'w5', byFamily);
  add(writtenN(read, 6), 'w6', byFamily);
  add(writtenN(read, 8), 'w8', byFamily);
  add(writtenN(read, 10), 'w10', byFamily);
  // Session 12: written-12, long texts (80–400 characters: letters, notices, news, legal advice, borrowers' posts),
  // trained on but not counted in the choice of thresholds (train-linear.ts inThresholds).
  add(writtenN(read, 12), 'w12', byFamily, { inThresholds: false });
  // Session 13: written-13, the look-alikes of real rounds 12–14 (check-in and care apps that contact the emergency
  // contact, apps' repayment status strings, borrowed things, trade debts, borrowers' unquoted retellings, contract
  // clauses, scams and quarrels with no debt) and their collection counterparts. Kept out of the thresholds like
  // written-12: counted there, the real split's collection recall fell 0.881 → 0.861 and blind-35..60's mean 0.9215 →
  // 0.9177 (docs/classifier.md, session 13).
  // Its collection messages teach the collection head only (labelWeight 0): with full weight on the other heads, the
  // precision batches lost threat_violence and visit_threat precision (blind-72 at first sight 0.931 against 0.937).
  add(writtenN(read, 13), 'w13', byFamily, { inThresholds: false, labelWeight: 0 });
  // Session 25: single call turns, written as training data by two writers: written-24 (505 turns, 36 families) and
  // written-25 (594 turns, 45 families), each with 80–107 harsh turns that threaten nothing beside veiled threats.
  // Trained on outside the thresholds like written-12. The model over-fired threat_violence and insult on such turns
  // (blind-172, blind-175); chosen by a rule written before two sealed call-turn batches were scored with it: blind-175
  // 0.916 → 0.936 and blind-176 0.956 → 0.965 (collection P 0.944 → 0.966, 0.940 → 0.952), the older sets held
  // (docs/classifier.md, session 25). written-24 alone had moved blind-174 by +0.004 in session 24 (not kept then).
  add(writtenN(read, 24), 'w24', byFamily, { inThresholds: false });
  add(writtenN(read, 25), 'w25', byFamily, { inThresholds: false });
  // Session 26: the sealed batches of sessions 25 and 26 that had served once as judges (blind-175 to blind-186, 3,765
  // messages by twelve writers: call turns, legal steps, near-twins, look-alikes, scams, a borrower's month), trained on
  // outside the thresholds like written-24. Chosen by a rule written before two more sealed batches were scored with
  // it: blind-187 0.859 → 0.885 and blind-188 0.926 → 0.936; the older sets held and rose (others 0.9448 → 0.9468,
  // transcripts 0.9596 → 0.9652), and so did the real split (0.731 → 0.748) (docs/classifier.md, session 26). Grouped
  // by message: a batch has no families.
  for (let n = 175; n <= 186; n++) add(parseJsonl(read(`${FIX}blind-${n}.jsonl`)), `blind-${n}`, (m) => `blind-${n}:${m.id}`, { inThresholds: false });
  add(realSplit(read).train, 'r', (m) => `source:${(m as RealLine).source_id}`);
  // Session 10: the odd ids of the real inbox SMS (bank and app notices, adverts, a few reminders), real ordinary text
  // the written sets imitate; their even ids stay held out.
  add(parseJsonl(read(`${FIX}real/sms-datasets.jsonl`)).filter(odd), 'sms', (m) => `sms:${m.id}`);
  add(parseJsonl(read(SHARED_DEV)), 'd', (m) => `d:${m.id}`);
  add(parseJsonl(read(`${FIX}huxun-dev.jsonl`)).filter((m) => !isHeldOut(m.id)), 'h', (m) => `h:${m.id}`);
  for (const f of ['blind-2', 'blind-3', 'blind-6']) add(parseJsonl(read(`${FIX}${f}.jsonl`)), f, (m) => `${f}:${m.id}`);
  // Session 9 (round 7): the odd ids of blind-15 to blind-34 too, chosen on blind-35/36 (never trained on) and the
  // even halves (docs/classifier.md, session 9); session 14, those of blind-61 to blind-77.
  for (const f of ['blind-4', 'blind-5', 'blind-8', 'blind-9', 'blind-10', 'blind-11', 'blind-12', 'blind-13', 'blind-14', ...HALVED_S9, ...HALVED_S14]) add(parseJsonl(read(`${FIX}${f}.jsonl`)).filter(odd), f, (m) => `${f}:${m.id}`);
  return out;
}

/** The sets the model never trains on, by name. */
export function heldOutSets(read: Reader): Record<string, LabelledMessage[]> {
  const w = written(read);
  const r = realSplit(read);
  /** Sealed batches whose odd ids are trained on (HALVED_S14, LONG_VETO_BATCHES): their even halves, by number. */
  const evens = (...ns: number[]): Record<string, LabelledMessage[]> =>
    Object.fromEntries(ns.map((n) => [`blind-${n} even`, parseJsonl(read(`${FIX}blind-${n}.jsonl`)).filter((m) => !odd(m))]));
  /** Sealed batches held out whole, by number; of those in LONG_VETO_BATCHES, the even half (evens). */
  const whole = (...ns: number[]): Record<string, LabelledMessage[]> =>
    Object.assign({}, ...ns.map((n) => (LONG_VETO_BATCHES.includes(n) ? evens(n) : { [`blind-${n}`]: parseJsonl(read(`${FIX}blind-${n}.jsonl`)) })));
  return {
    'real heldout': r.heldout,
    'written blind': w.filter((m) => m.split === 'blind'),
    'own dev held-back fifth': parseJsonl(read(`${FIX}huxun-dev.jsonl`)).filter((m) => isHeldOut(m.id)),
    'blind-4 even': parseJsonl(read(`${FIX}blind-4.jsonl`)).filter((m) => !odd(m)),
    'blind-5 even': parseJsonl(read(`${FIX}blind-5.jsonl`)).filter((m) => !odd(m)),
    // Session 4's sealed batch, scored first-sight at 160f6b7 (docs/classifier.md); never trained on.
    ...whole(7),
    // Session 5's sealed batch, scored first-sight at 25b9302 and df6ae1f (docs/classifier.md); its odd ids are
    // trained on from then on, the even ones stay held out.
    'blind-8 even': parseJsonl(read(`${FIX}blind-8.jsonl`)).filter((m) => !odd(m)),
    // Session 5's second and third sealed batches, scored first-sight at 25b9302, df6ae1f, 25a9825 and 8e115c6; their
    // odd ids are trained on from session 6, the even ones stay held out.
    'blind-9 even': parseJsonl(read(`${FIX}blind-9.jsonl`)).filter((m) => !odd(m)),
    'blind-10 even': parseJsonl(read(`${FIX}blind-10.jsonl`)).filter((m) => !odd(m)),
    // Session 6's first sealed batch, scored first-sight at 0cc9f1f and with the concept-feature model (docs/classifier.md);
    // its odd ids are trained on from round 2 of session 6, the even ones stay held out.
    'blind-11 even': parseJsonl(read(`${FIX}blind-11.jsonl`)).filter((m) => !odd(m)),
    // Session 6's second sealed batch, scored first-sight at 0cc9f1f and e80d964 (docs/classifier.md); never trained on.
    'blind-12 even': parseJsonl(read(`${FIX}blind-12.jsonl`)).filter((m) => !odd(m)),
    // Session 6's third sealed batch, scored first-sight at 0cc9f1f, e80d964 and a round-3 candidate; never trained on.
    'blind-13 even': parseJsonl(read(`${FIX}blind-13.jsonl`)).filter((m) => !odd(m)),
    // Session 6's fourth sealed batch, scored first-sight at 0cc9f1f and e80d964 only; never trained on.
    'blind-14 even': parseJsonl(read(`${FIX}blind-14.jsonl`)).filter((m) => !odd(m)),
    // Sessions 7 and 8's batches (blind-15 to blind-32) and session 9's first pair (blind-33/34: first sight at 8695f5d
    // and c5baa62, then r28 was tuned on their errors). First-sight figures in docs/classifier.md. Their odd ids are
    // trained on from session 9 (round 7), their even ids stay held out.
    ...Object.fromEntries(HALVED_S9.map((f) => [`${f} even`, parseJsonl(read(`${FIX}${f}.jsonl`)).filter((m) => !odd(m))])),
    // Session 9's second pair: first sight of r28 at 6921e83, then used to choose round 7 and the no-cue margin, and r29
    // was tuned on blind-36's errors. Never trained on.
    ...whole(35, 36),
    // Session 9's third pair: first sight of round 7 + r29 at 557499a, then r30 was tuned on their errors. Never trained on.
    ...whole(37, 38),
    // Session 9's last pair, written while r30 was made and scored once, with the session's final classifier (d158fbc).
    // Never tuned on.
    ...whole(39, 40),
    // A second last pair, written after r31 and scored once with the final classifier (53404d4). Never tuned on.
    ...whole(41, 42),
    // Session 10's first pair, first sight at 79f2020 (session 9's final classifier) and with the real inbox SMS trained
    // on; r32 was then tuned on blind-42's and blind-43's errors. Never trained on.
    ...whole(43, 44),
    // Session 10's second and third pairs: first sight at 79f2020 and the session's classifier of the time (e3969d6,
    // 89deb6b, 18fb6fb), then r34 and r35 were tuned on their errors. Never trained on.
    ...whole(45, 46, 47, 48),
    // Session 10's last pair, written while r34/r35 were made and scored once, with the session's final classifier
    // (55b8e97) and with 79f2020. Never tuned on.
    ...whole(49, 50),
    // Written after blind-49/50 were scored, while the threat_violence recall tolerance was chosen; scored once with the
    // final classifier (f94aeea), with 55b8e97 and with 79f2020. Never tuned on.
    ...whole(51, 52),
    // A further pair written at the session's end and scored once with the final classifier (c247561). Never tuned on.
    ...whole(53, 54),
    // Session 11's first pair, written while 2^19 buckets were chosen on the sets above, then scored once with session
    // 10's final classifier (eb65a91) and with 2^19: both meet every target. Never trained on.
    ...whole(55, 56),
    // Session 11's spoken pair (turns of phone calls): first sight with 2^19 (0a71bdd) and eb65a91; blind-57 was then
    // used to choose the model's phrase breaks (phrase.ts), blind-58 scored once with them. Never trained on.
    ...whole(57, 58),
    // A last pair written after r36, scored once with the session's final classifier (0643b35). Never tuned on.
    ...whole(59, 60),
    // Sessions 12 and 13's batches, blind-61 to blind-77: from session 14 their odd ids are trained on (HALVED_S14) and
    // their even halves stay held out. What each pair was before:
    // Session 12's pair, written at the session's start and scored once with session 11's final classifier (418391b)
    // and with r37: both meet every target. Not tuned on until session 14.
    ...evens(61, 62),
    // Session 12's second pair, long texts (blind-63) and short ones (blind-64): first sight with 418391b and b64d2af,
    // then used to choose the wider veto, the other labels' weight on ordinary messages and written-12. Not trained on
    // until session 14.
    ...evens(63, 64),
    // Session 12's last pair, long texts (blind-65) and a general batch (blind-66), written while the above was chosen
    // and scored once with the final classifier and with b64d2af. Not tuned on until session 14.
    ...evens(65, 66),
    // Session 13's first pair, written at the session's start and scored once with session 12's final classifier: an
    // app-and-call register (blind-67: lending apps' notices and status strings, call turns, borrowers' forum posts) and a
    // general batch (blind-68); both met every target at first sight (0.930 / 0.953). Then used to choose r38 and
    // written-13. Not trained on until session 14.
    ...evens(67, 68),
    // Session 13's second pair, written while r38 and written-13 were chosen, scored once with the classifier of the
    // time (b92c85a) and with session 12's: a general batch (blind-69: 0.941; 0.949 with session 12's) and a precision
    // batch, 60 % look-alikes (blind-70: 0.949, collection P 0.928; 0.948 and 0.918). Not tuned on until session 14;
    // with session 13's final classifier 0.944 and 0.954 (P 0.939).
    ...evens(69, 70),
    // Session 13's third pair, two more precision batches (blind-71 general, blind-72 calls and apps): first sight with
    // b92c85a+col.pay_in (5f45675) and with session 12's (0.929 / 0.918 and 0.931 / 0.940), then the rest of r38 was
    // chosen with their errors in view. Not trained on until session 14.
    ...evens(71, 72),
    // Session 13's blind-73 (general), written while the third pair was tuned on and scored with 50a0351 (0.950,
    // collection P 0.986) and with session 12's (0.951, 0.979); and its last pair, written while round 3 of r38 was
    // made and scored once with the final classifier and with session 12's: blind-74, a precision batch (0.930, P
    // 0.899; 0.927, P 0.889) and blind-75, a general one (0.939, P 0.959; 0.939, P 0.946). Not tuned on until
    // session 14.
    ...evens(73, 74, 75),
    // Session 13's last two precision batches, written while round 4 of r38 was tuned on blind-70's and blind-74's
    // errors, and scored once with the final classifier, with round 3's (caddda1) and with session 12's (8d0aefc):
    // blind-76 0.943, collection P 0.941 (0.942, 0.935; 0.941, 0.893); blind-77 0.904, P 0.907 (0.904, 0.902; 0.893,
    // 0.845). Not tuned on until session 14.
    ...evens(76, 77),
    // Session 14's first pair, written at its start and scored first with session 13's final classifier (fe20ac4):
    // blind-78, a precision batch (0.931, collection P 0.918), and blind-80, a general one (0.955, P 0.985). Then used to
    // choose HALVED_S14 and the quotation frames of r39. Never trained on.
    ...whole(78, 80),
    // Session 14's second pair, written while rounds 1–2 were chosen and scored first with round 2's classifier
    // (718c778) and with session 13's (fe20ac4): blind-81, a precision batch of calls and apps (0.967, collection P
    // 0.977; 0.959, P 0.956), and blind-82, real collectors' register (0.942, P 0.996; 0.929, P 0.989). Then used to
    // choose round 3 of r39. Never trained on.
    ...whole(81, 82),
    // Session 14's last three, written while rounds 1–3 were chosen and scored once with round 3's classifier (75d359c),
    // with session 13's (fe20ac4) and with session 12's (8d0aefc): blind-79 and blind-83, precision batches (0.948, P
    // 0.936; 0.956, P 0.949), and blind-84, real collectors' register (0.959, P 0.981). Then used to choose round 4 of
    // r39 and the collection threshold's precision bar (train-linear.ts COLLECTION_MIN_PRECISION). Never trained on.
    ...whole(79, 83, 84),
    // Session 14's last pair, two precision batches written while round 4 was chosen and scored once with the final
    // classifier (a0db755), with round 2's (718c778), session 13's (fe20ac4) and session 12's (8d0aefc): blind-85 0.951,
    // collection P 0.957 (0.951, 0.952; 0.943, 0.937; 0.927, 0.903) and blind-86 0.950, P 0.955 (0.950, 0.955; 0.942,
    // 0.934; 0.927, 0.895). Both meet every target. Then used to choose round 5 of r39. Never trained on.
    ...whole(85, 86),
    // Session 14's very last pair, written while round 5 was chosen and scored once with the final classifier (222ff07),
    // with round 4's (c91c8a3), session 13's (fe20ac4) and session 12's (8d0aefc): blind-87, a precision batch, 0.949,
    // collection P 0.949 (0.949, 0.949; 0.940, 0.928; 0.920, 0.888), and blind-88, real collectors' register, 0.954, P
    // 0.989 (0.956, 0.993; 0.946, 0.982; 0.949, 0.986). Never tuned on.
    ...whole(87, 88),
    // Two more precision batches written after the final classifier (222ff07) was committed and scored once with it,
    // with session 13's (fe20ac4) and session 12's (8d0aefc): blind-89 0.945, collection P 0.946 (0.940, 0.931; 0.935,
    // 0.897) and blind-90, calls and apps, 0.967, P 0.983 (0.944, 0.924; 0.940, 0.894). Never tuned on.
    ...whole(89, 90),
    // Session 15's first three, written at its start and scored first with session 14's final classifier (464d4f6):
    // blind-91, real collectors' register (0.940, collection P 0.992), blind-92, a precision batch (0.950, P 0.965), and
    // blind-93, short texts (2–40 characters: 0.895, P 0.954; threat_violence P 0.66, insult P 0.65). Then used to choose
    // the length features (linear.ts LENGTH_GRAMS) and r40.
    ...whole(91, 92, 93),
    // Session 15's second pair, written while round 1 was chosen and scored once with it (197fefb) and with session
    // 14's final classifier: blind-94, general (0.966, P 0.978; 0.965), and blind-95, short texts (0.875, P 0.985,
    // threat_violence recall 0.71; 0.851).
    ...whole(94, 95),
    // Session 15's third pair, written while round 1 was tuned on and scored once with round 2 (7f8b3b5) and with
    // session 14's final classifier: blind-96, short texts (0.893, P 0.973; 0.874), and blind-97, a precision batch
    // (0.957, P 0.968; 0.958). Then used, with the training CV, to check the short-text margin (decide.ts).
    ...whole(96, 97),
    // Session 15's last pair, two batches of short texts written while round 3 was chosen and scored once with the final
    // classifier (7501834), with session 14's (464d4f6) and session 13's (fe20ac4): blind-98 0.894, collection P 0.982
    // (0.865; 0.843) and blind-99 0.926, P 0.965 (0.900; 0.886). Never tuned on.
    ...whole(98, 99),
    // Written after the final classifier of session 15 (989d7fa) and scored once with it at the end of that session:
    // blind-100 (short texts) 0.940, collection P 0.978; blind-101 (general) 0.950, P 0.978. Sealed until session 16
    // and never tuned on.
    ...whole(100, 101),
    // Session 16's first wave, scored at first sight with 989d7fa's classifier (cb85c89): blind-102 (real register)
    // 0.959, collection P 0.993; blind-103 (general) 0.957, P 0.993; blind-104 (short texts) 0.937, P 0.995; blind-105
    // (long texts, 80–500 characters: a register no batch had isolated) 0.911, P 0.960. r41 was then tuned on the
    // errors of 102, 104 and 105; blind-103 was not looked at (0.957 with r41). blind-106 (long texts) and blind-107
    // (real register), written while r41 was chosen and scored once with it: 0.930, P 0.976 (0.924 at cb85c89) and
    // 0.929, P 0.974 (0.928). Never tuned on.
    ...whole(102, 103, 104, 105, 106, 107),
    // Then three more, written after r41 was committed and scored once with it: blind-108 (general) 0.951, P 0.986;
    // blind-109 (long texts) 0.908, P 0.964, threat_violence recall 0.686, threat_contacts 0.750; blind-110 (short
    // texts) 0.916, P 0.982. The sentence windows of long texts (model.ts WINDOW_TEXT, r42) were chosen on blind-105,
    // 106 and 109 (109: 0.930 with them); blind-108 (0.952 with them) and blind-110 (0.916) were not looked at.
    ...whole(108, 109, 110),
    // Session 16's last pair, two batches of long texts written while r42 was chosen and scored once with it (e2ec635):
    // blind-111 0.922, collection P 0.955, threat_violence recall 0.778 (cb85c89 0.910); blind-112 0.929, P 0.980,
    // threat_violence recall 0.727 (0.912). Never tuned on.
    ...whole(111, 112),
    // Session 17's first pair, scored at first sight with session 16's final classifier (6a69cdf, r42): blind-113 (long
    // texts) 0.918, collection P 0.960, threat_violence recall 0.804, threat_contacts 0.817; blind-115 (real register)
    // 0.954, P 0.989. r43 was then tuned on their errors.
    ...whole(113, 115),
    // Written while r43 was chosen, scored at first sight with r42 (6a69cdf) and once with r43 (fb0ad07): blind-114 (long
    // texts) 0.936 and 0.939, threat_contacts recall 0.768 and 0.783; blind-116 (general) 0.971 and 0.972. r43's second
    // round (tc.reach) was then tuned on blind-114's errors; blind-116 was not looked at.
    ...whole(114, 116),
    // Written while r43's second round was chosen and scored once with it (cd47e24): blind-117 (long texts, assembled by
    // its writer from pools of sentences) 0.972, collection P 0.990 (r42: 0.970). Never tuned on.
    ...whole(117),
    // Written while r43's third round was chosen, scored at first sight with its second round (56e6b5d) and once with the
    // third: blind-118 (long texts) 0.940 and 0.940, collection P 0.967; blind-119 (real register) 0.932 and 0.933, P
    // 0.986. Both meet every target. Never tuned on.
    ...whole(118, 119),
    // Session 18's first four, scored first with session 17's final classifier (d91932e): blind-120, long (0.917,
    // threat_violence R 0.727), blind-121, real collectors' register (0.946), blind-122, a precision batch of long
    // look-alikes (0.826, collection P 0.807), and blind-123, general (0.956). r44 round 1 was chosen on blind-120's and
    // blind-122's errors; blind-121's and blind-123's were never looked at. Never trained on.
    ...whole(120, 121, 122, 123),
    // Session 18's second pair, written while round 1 was chosen and scored once with it (and with d91932e): blind-124, a
    // precision batch of long look-alikes (0.883, P 0.901; 0.846, P 0.856), and blind-125, long (0.933, P 0.987; 0.916,
    // P 0.965). Never trained on.
    ...whole(124, 125),
    // Session 18's third pair, two precision batches of long look-alikes written while round 2 was chosen on blind-124's
    // errors, scored once with round 2 (a45e426), round 1 (482c60a) and d91932e: blind-126 0.899, collection P 0.901
    // (0.899, 0.901; 0.871, 0.846) and blind-127 0.900, P 0.919 (0.893, 0.908; 0.876, 0.892). Round 3 was then chosen on
    // blind-126's errors; blind-127's were never looked at. Never trained on.
    ...whole(126, 127),
    // Session 18's fourth pair, two more precision batches written while round 3 was chosen, scored once with round 3
    // (b353162) and with d91932e: blind-128 0.898, P 0.921 (0.869, 0.859) and blind-129 0.905, P 0.915 (0.882, 0.867).
    // Round 4 was then chosen on blind-128's errors; blind-129's were never looked at. Never trained on.
    ...whole(128, 129),
    // Session 18's last pair, two more precision batches written while round 4 was chosen and scored once with the
    // final classifier (71afbc2) and with d91932e: blind-130 0.876, P 0.889 (0.870, 0.873) and blind-131 0.915, P 0.943
    // (0.878, 0.872). Never tuned on, never trained on.
    ...whole(130, 131),
    // Session 19's batches, written at its start and scored first with session 18's final classifier (1d336b7, r44),
    // then once with the long-text veto (long-veto.ts), which was chosen on the long batches' halves before they were
    // read: blind-133, a precision batch of long look-alikes (120–500 characters), 0.902, collection P 0.929 at first
    // sight and 0.927, P 0.980 with the veto; blind-134, general, 0.950, P 0.989 with both; blind-132, a precision
    // batch of very long texts (230–579 characters), 0.812, P 0.839 and 0.889, P 0.969. Never tuned on. Then 132, 133
    // and the long batches below (135–137) gave their odd halves to the veto's training (LONG_VETO_BATCHES): their even
    // halves are what is held out of them.
    ...whole(132, 133, 134),
    // blind-136, a precision batch of long look-alikes (136–408 characters) written while the false_legal head was
    // chosen, scored once: r44 0.865, collection P 0.852; the collection head at −1.5 0.908, P 0.923; both heads 0.917.
    // The collection head's threshold was then raised to −0.5 (train-long-veto.ts MAX_LOSS): 0.927, P 0.943, not first
    // sight. Never tuned on otherwise.
    ...whole(136),
    // blind-135, long and collection-heavy (58 private lenders at length, informal collectors, call notes), written while
    // the heads were chosen and scored once with the final veto: r44 0.906, collection P 0.971, R 0.981; final 0.922,
    // P 1.000, R 0.981 (the veto drops no collection message there). Never tuned on.
    ...whole(135),
    // blind-137, a precision batch of long look-alikes (borrowers retelling collectors, lenders talking about a debt,
    // guarantors, HR, mediators, writers quoting collectors), written while the threshold was looked at again and scored
    // once with the final classifier: r44 0.878, collection P 0.871 (19 false); final 0.935, P 0.970 (4 false), recall
    // 1.000 with both. Never tuned on.
    ...whole(137),
    // blind-138, a precision batch of long look-alikes written while the session's long batches joined the veto's
    // training, scored once with the veto before (b34c171) and after (ade1397): r44 0.901, collection P 0.918 (12 false);
    // 0.951, P 0.985 (2 false) with both, recall 0.993 with all three. Never tuned on, never trained on.
    ...whole(138),
    // blind-139, a precision batch of long look-alikes in social media's voices (小红书, 知乎, 贴吧, 微博, 抖音 posts
    // quoting collectors, spouses, parents, lenders talking about a debt, lawyers' 普法), scored once with the final
    // classifier: r44 0.831, collection P 0.788 (32 false); final 0.921, P 0.967 (4 false), recall 0.992 with both.
    // Never tuned on, never trained on.
    ...whole(139),
    // blind-140, long and mixed (40 % look-alikes; 34 lawful lenders' reminders with nothing else), scored once with the
    // final classifier: r44 0.913, collection P 0.979, R 0.979; final 0.919, P 0.995, R 0.974 (the veto dropped one
    // collection message of 195). threat_contacts recall 0.778 with both. Never tuned on, never trained on.
    ...whole(140),
    // Session 20: blind-141 (general, 349) and blind-142 (real collectors' and lenders' register, 338), written by two
    // helpers who read only the taxonomy and the guide, scored at first sight with session 19's final classifier
    // (219dc9f): 0.938, collection P 0.963, lowest recall 0.938; 0.962, P 0.990, lowest recall 0.911. Then scored once
    // with the session's final classifier (docs/classifier.md, session 20). Never trained on; blind-141's errors were read
    // after that score and r46 was chosen on them, so from r46 on blind-141 is tuned on.
    ...whole(141),
    ...whole(142),
    // blind-143, short texts (2–40 characters, 329), written after the session's classifier was final to check what
    // round 15's short ordinary replies cost short texts: 219dc9f 0.935, collection P 0.964 / R 0.942; final 0.940, P
    // 0.970 / R 0.936 (one collection message fewer). Never tuned on, never trained on.
    ...whole(143),
    // Session 21: blind-144, messages that say it sideways (implied harm, visits and contacts, insults without swear
    // words, dialect and pinyin) and their look-alikes (326), written by a helper who read only the taxonomy and the
    // guide. First sight with session 20's final classifier (bd7e355): 0.897, collection P 0.983, lowest recall 0.793
    // (insult). Its errors were then read and r47 chosen on them: tuned on, never trained on.
    ...whole(144),
    // blind-145 (the same brief as blind-144, another writer, 322) and blind-146 (an overdue borrower's inbox over a month,
    // 334, 43 % collection), first sight with bd7e355: 0.912, collection P 0.952; 0.933, P 0.979. Sealed while r47 was
    // chosen, then scored once with it: 0.912, P 0.952 (one collection message fewer found); 0.933, P 0.979. Then
    // their errors were read and r48 chosen on them: tuned on, never trained on.
    ...whole(145),
    ...whole(146),
    // blind-147 (real collectors' and lenders' register, 320) and blind-148 (a general mix, 336), written while r48 was
    // final and kept sealed: bd7e355 0.939, collection P 0.972; 0.955, P 0.961. Scored once with r48: 0.941, P 0.972
    // (one false visit_threat fewer); 0.955, P 0.961 (the same labels). Never tuned on, never trained on.
    ...whole(147),
    ...whole(148),
    // Session 22: blind-150, messages that reach a whole address book or speak of the borrower's contacts (collectors'
    // broadcasts, open and disguised, and their look-alikes: invitations, HR and community notices, app permission
    // requests, fundraising, friend finders; 300). First sight with session 21's final classifier (42e0d1a): 0.909,
    // collection P 0.964, lowest recall 0.804 (threat_contacts). Its errors were then read and r49 chosen on them: tuned
    // on, never trained on.
    ...whole(150),
    // blind-149 (a general mix, 335) and blind-151 (the same brief as blind-150, another writer, 300), kept sealed while
    // r49 was chosen: 42e0d1a 0.911, collection P 0.975; 0.956, P 0.971. Scored once with r49: the same labels on every
    // message of both. Never tuned on, never trained on.
    ...whole(149),
    ...whole(151),
    // blind-152, blind-153 and blind-154: calls and voice messages as a speech recogniser writes them (no punctuation,
    // fillers, homophones, speaker tags), each by another writer. blind-152 (304): first sight with 39a9860 0.933,
    // collection P 0.948, impersonation recall 0.731; read, and r50 chosen on it. blind-153 (301): 39a9860 0.911, P 0.917;
    // scored once with r50 0.918, P 0.919; read, and r51 chosen on it. blind-154 (300), sealed until r51: 39a9860 0.943,
    // P 0.961; r50 0.950, P 0.967; r51 0.953, P 0.974; then read, and r52 chosen on it. Never trained on.
    ...whole(152),
    ...whole(153),
    ...whole(154),
    // blind-155 (300, the same brief, a fourth writer), sealed until r52: 39a9860 0.927, collection P 0.929; r51 0.931,
    // P 0.930; scored once with r52: 0.931, P 0.930 (the same labels as r51's); then read, and r53 chosen on it. Never
    // trained on.
    ...whole(155),
    // blind-156 (300, a fifth writer), sealed until r53: 39a9860 0.915, collection P 0.896; r52 0.931, P 0.925; scored once
    // with r53: 0.931, P 0.925. Never tuned on, never trained on.
    ...whole(156),
    // Session 23: blind-157 (300, call transcripts, the same brief, a sixth writer), written while 57a5906 (r53) was final:
    // first sight 0.917, collection P 0.938; then read, and r54 chosen on it. Never trained on.
    ...whole(157),
    // blind-161 (320, a general mix, the brief of blind-149), written while r54 was chosen: first sight with 57a5906 0.927,
    // collection P 0.993, and with r54 the same labels; then read, and r55 chosen on it. Never trained on.
    ...whole(161),
    // blind-158 (300, messages as text recognition reads them off phone screenshots: 【】 as （）, look-alike characters,
    // stamps glued on), blind-159 (306, the real collectors' register, the brief of blind-142) and blind-160 (302, call
    // transcripts, a seventh writer), sealed until r55 was final. First sight with 57a5906: 0.972, collection P 0.974;
    // 0.964, P 0.994; 0.938, P 0.916 (the same with r54). Scored once with r55: 0.972, P 0.974; 0.960, P 0.994; 0.938,
    // P 0.916. Never tuned on, never trained on.
    ...whole(158),
    ...whole(159),
    ...whole(160),
    // blind-162 and blind-163 (301 each, call transcripts, an eighth and a ninth writer), written while r56 was chosen and
    // sealed until it was final. First sight with r55: 0.948, collection P 0.954; 0.963, P 0.961. Scored once with r56:
    // 0.953, P 0.960; 0.964, P 0.968. Never tuned on, never trained on.
    ...whole(162),
    ...whole(163),
    // blind-164 (338, hard near-twins: two messages that differ in the one detail that moves a label, across every line
    // the guide draws), written while r57 was final: first sight 0.913, collection P 0.956; then read, and r58 chosen on it.
    // Never trained on.
    ...whole(164),
    // blind-165 (315, the same brief, another writer), sealed until r58 was final: first sight with r57 0.921, collection
    // P 0.983; scored once with r58: 0.921, P 0.983 (the same figures). Never tuned on, never trained on.
    ...whole(165),
    // Session 24: blind-166 (308, call transcripts, a tenth writer, whose brief now says that a lender's lawful reminder
    // call and a friend's own loan are collection) and blind-167 (322, a general mix), written while r58 was final:
    // first sight 0.961, collection P 0.981, and 0.962, P 1.000. blind-166 then served once to judge training on the
    // transcript batches' odd halves (0.941 with them: not kept; docs/classifier.md, session 24). Scored once with r59:
    // 0.959, P 0.981, and 0.962, P 1.000. Never tuned on, never trained on.
    ...whole(166),
    ...whole(167),
    // blind-168 (327, hard near-twins, another writer of blind-164's brief) and blind-169 (322, short texts of 3–40
    // characters), written while r58 was final: first sight 0.899, collection P 0.924, and 0.949, P 0.963. blind-168 was
    // then read and r59 chosen on it (0.920, P 0.926); blind-169 was scored once with r59: 0.953, P 0.963. Never trained on.
    ...whole(168),
    ...whole(169),
    // blind-170 (321, hard near-twins, a third writer) and blind-171 (300, templates as lending apps' code and SMS
    // platforms hold them: placeholders, keys, 【APP_NAME】), sealed until r59 was final: first sight with r58 0.939, P
    // 0.954, and 0.959, P 1.000; scored once with r59: 0.938, P 0.949, and 0.959, P 1.000. Never tuned on, never trained on.
    ...whole(170),
    ...whole(171),
    // blind-172 and blind-173 (308 and 307 single turns of collection calls as call-centre datasets and robot scripts
    // hold them, two writers), written while r59 was final: first sight 0.902, collection P 0.949 (threat_violence P
    // 0.593), and 0.958, P 0.951. blind-172 was then read and r60 chosen on it (0.916, P 0.960); blind-173 was sealed
    // until r60 was final and scored once: 0.958, P 0.952. Never trained on.
    ...whole(172),
    ...whole(173),
    // blind-174 (327 call turns, a third writer), written while r60 was final: first sight 0.933, collection P 0.956. It
    // then served once to judge training on written-24 (0.937: under the +0.005 the rule asked; not kept). Never tuned on.
    ...whole(174),
    // blind-175 to blind-184 (session 25's sealed batches, each served once as a judge; first sight in
    // docs/classifier.md, session 25) are trained on from session 26 (trainingSet), and so are blind-185 and blind-186.
    // Session 26, round 1: blind-185 (claims of the police, a court, a regulator or a legal step: scams beside
    // collectors, lawful beside false) and blind-186 (hard near-twins, blind-180's brief), first sight with 9ff5851 (r60):
    // 0.935 (collection P 0.940; impersonation P 0.776, false_legal P 0.833) and 0.916 (P 0.960; threat_violence P
    // 0.679). They judged a rules round on scam scripts (0.935, 0.916: not kept), then joined training in round 2.
    // Round 2: blind-187 (where a threat of violence begins: harsh words in and out of collection) and blind-188 (the
    // phones of overdue borrowers and their contacts over weeks), first sight with 9ff5851: 0.859 (collection P 0.947;
    // threat_violence P 0.729, threat_contacts 0.724/0.808, insult P 0.762, visit_threat P 0.762) and 0.926 (P 0.982;
    // threat_violence P 0.708). Served once to judge training on blind-175..186 (0.885, 0.936: kept). Never read.
    // Round 3 judged training on them and on written-29..32 (not kept), so they stay held out.
    ...whole(187, 188),
    // Round 3: blind-189 (a general mix) and blind-190 (the register of real collectors and real phones), first sight
    // with 1e3fbe9: 0.959 (collection P 0.989; threat_violence P 0.786) and 0.975 (P 1.000). Served once to judge training
    // on blind-187, blind-188 and written-29..32 (0.952, 0.968: not kept). Round 4 judged training on them and on
    // written-33..36 (not kept), so they stay held out. Never read.
    ...whole(189, 190),
    // Round 4: blind-191 (every length, 2 to 417 characters) and blind-192 (call turns and voice messages as recorders
    // and recognisers give them), first sight with 077862a (1e3fbe9's model): 0.970 (collection P 0.988) and 0.954 (P
    // 0.979; threat_violence P 0.821). Served once to judge training on blind-189, blind-190 and written-33..36 (0.972,
    // 0.952: not kept). Never read.
    ...whole(191, 192),
    // Round 5: blind-193 (blind-187's brief, another writer) and blind-194 (hard words in and out of collection: the
    // people around a borrower and collectors who have lost patience), first sight with 603e6e9 (1e3fbe9's model): 0.936
    // (collection P 0.977; threat_violence P 0.806, insult P 0.806) and 0.942 (collection P 0.919; threat_contacts P
    // 0.720, visit_threat P 0.759). Served once to judge a harm-cue margin on the model's own threat_violence (0.936,
    // 0.938: not kept). Never read.
    ...whole(193, 194),
    // blind-195 (the phones of people in debt and of those around them: everyday life that touches money, family and
    // rough words) and blind-196 (a week of a phone's short and medium messages), written after the session's last
    // round and scored once with its final classifier (1e3fbe9's model): 0.927 (collection P 0.915, 13 false of 153) and
    // 0.960 (P 0.981). Never tuned on, never read.
    ...whole(195, 196),
    // Round 6: blind-197 (the phones of the people around borrowers) and blind-198 (single turns of calls, both sides),
    // first sight with 1e3fbe9's model: 0.927 (collection P 0.897: contacts passing on a collector's words, their own
    // money talk) and 0.927 (P 0.967). Served once to judge r61 (contacts' tagged turns settled, their reports and
    // refusals as hearsay; 0.927, 0.927: not kept). Never read.
    ...whole(197, 198),
    // Session 11: spoken turns of collection calls and their look-alikes, written as training data (written-11) and
    // not trained on: with it the written batches lost collection and insult recall (docs/classifier.md, session 11).
    // Kept as a spoken check set.
    'written-11 spoken': writtenN(read, 11),
    // written-24 (session 24's call-turn check set: 0.899 with r60) is trained on from session 25 (trainingSet).
    // Session 25: written as training data and not kept (docs/classifier.md, session 25), so held out as check sets:
    // written-26, 550 near-twins of lawful and false legal steps (0.922 with 27f6e3f; trained on, the sealed pair fell
    // 0.007), and written-27, 535 near-twin pairs across the guide's lines (0.920; trained on, the sealed pair held).
    'written-26 legal steps': writtenN(read, 26),
    'written-27 near-twins': writtenN(read, 27),
    // written-28 (round 5), 518 near-twins of scams posing as police or courts and collectors in the same voices: 0.910
    // with e22ab14, collection P 0.903 (scams read as collection). Trained on, the sealed pair rose 0.0025: not kept.
    'written-28 scams': writtenN(read, 28),
    // Session 26, round 3: written-29 (call turns and voicemail), written-30 (chats and SMS with look-alikes), written-31
    // (lenders, agencies, law firms and those who pose as them) and written-32 (a month on borrowers' and contacts'
    // phones), 1,312 messages by four writers with sealed-style briefs, written as training data; trained on with
    // blind-187/188, the sealed pair fell 0.007 (not kept). Held out as check sets; their messages have no families.
    'written-29 call turns': writtenN(read, 29),
    'written-30 chats': writtenN(read, 30),
    'written-31 lenders and posers': writtenN(read, 31),
    'written-32 phones': writtenN(read, 32),
    // Round 4: written-33 (short texts, 2–50 characters), written-34 (long texts, 80–280), written-35 (messages to and
    // from the people around a borrower) and written-36 (veiled menace and its look-alikes), 1,219 messages by four
    // writers, written as training data; trained on with blind-189/190, the sealed pair held (+0.000; not kept).
    'written-33 short': writtenN(read, 33),
    'written-34 long': writtenN(read, 34),
    'written-35 contacts': writtenN(read, 35),
    'written-36 veiled menace': writtenN(read, 36),
    // Real inbox SMS from two public SMS datasets (session 9: real/sms-datasets-sources.jsonl): bank and loan-app
    // notices, adverts and scams, a few reminders; first sight at 8695f5d, c5baa62, 6921e83 and the round-7 candidate,
    // then r29 was tuned on its errors. From session 10 the odd ids are trained on and the even ids held out.
    'real SMS datasets even': parseJsonl(read(`${FIX}real/sms-datasets.jsonl`)).filter((m) => !odd(m)),
  };
}

/** The training sets, by name, for before/after figures. */
export function trainSets(read: Reader): Record<string, LabelledMessage[]> {
  return {
    'real train': realSplit(read).train,
    'written train': written(read).filter((m) => m.split === 'train'),
    'written-2 train': writtenN(read, 2),
    'written-3 train': writtenN(read, 3),
  };
}

/**
 * Sample weights for training. The real corpus is a few percent of the training messages and unlike the
 * written ones in style (long, templated, quoted from news, judgments and forum posts), so its messages
 * weigh `realWeight` each, divided by (messages of their source)^`sourceAlpha` so that one long campaign or
 * article does not outweigh the rest. Everything else weighs 1.
 */
export function weighTraining(msgs: readonly TrainMessage[], w: { realWeight?: number; sourceAlpha?: number }): TrainMessage[] {
  const rw = w.realWeight ?? 1;
  const alpha = w.sourceAlpha ?? 0;
  const size = new Map<string, number>();
  for (const m of msgs) if (m.id.startsWith('r:')) size.set(m.group, (size.get(m.group) ?? 0) + 1);
  return msgs.map((m) => (m.id.startsWith('r:') ? { ...m, weight: rw / Math.pow(size.get(m.group)!, alpha) } : m));
}
