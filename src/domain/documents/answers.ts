/**
 * Limits on the answers a person types into a document (src/domain/limits.ts): checked where answers come
 * in (the API schema in src/shared/api.ts, the app for the CLI's --answer), and clamped where saved answers
 * are read back, so that an over-long answer saved by an older version cannot slow every later PDF.
 */
import { ANSWER_KEY_MAX_CHARS, ANSWER_MAX_CHARS, ANSWERS_MAX_COUNT } from '../limits.js';

export type AnswerValue = string | number | boolean | null;

const n = (x: number) => x.toLocaleString('en-US');

/** Messages, Chinese first then English (they reach the person as an API 400 or a CLI error). */
export const ANSWER_MESSAGES = {
  tooLong: (key: string) => `回答「${key}」太长：每项最多 ${n(ANSWER_MAX_CHARS)} 字 (the answer "${key}" is too long: at most ${n(ANSWER_MAX_CHARS)} characters each)`,
  tooLongAny: `回答太长：每项最多 ${n(ANSWER_MAX_CHARS)} 字 (an answer is too long: at most ${n(ANSWER_MAX_CHARS)} characters each)`,
  keyTooLong: `回答的名称太长：最多 ${ANSWER_KEY_MAX_CHARS} 个字符 (an answer's key is too long: at most ${ANSWER_KEY_MAX_CHARS} characters)`,
  tooMany: `回答太多：最多 ${ANSWERS_MAX_COUNT} 项 (too many answers: at most ${ANSWERS_MAX_COUNT})`,
};

/** What is wrong with answers as given (zh + en), or null when they are within the limits. */
export function answersProblem(answers: Readonly<Record<string, AnswerValue>>): string | null {
  const keys = Object.keys(answers);
  if (keys.length > ANSWERS_MAX_COUNT) return ANSWER_MESSAGES.tooMany;
  for (const k of keys) {
    if (k.length > ANSWER_KEY_MAX_CHARS) return ANSWER_MESSAGES.keyTooLong;
    const v = answers[k];
    if (typeof v === 'string' && v.length > ANSWER_MAX_CHARS) return ANSWER_MESSAGES.tooLong(k);
  }
  return null;
}

/**
 * Saved answers within the limits: entries with over-long keys dropped, at most ANSWERS_MAX_COUNT kept (the
 * first ones), each value cut to ANSWER_MAX_CHARS (not splitting a surrogate pair). Anything that is not a
 * string-to-string object reads as no answers.
 */
export function clampAnswers(saved: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return out;
  let count = 0;
  for (const [k, v] of Object.entries(saved as Record<string, unknown>)) {
    if (count >= ANSWERS_MAX_COUNT) break;
    if (k.length > ANSWER_KEY_MAX_CHARS || typeof v !== 'string') continue;
    let s = v;
    if (s.length > ANSWER_MAX_CHARS) {
      let end = ANSWER_MAX_CHARS;
      const last = s.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end--;
      s = s.slice(0, end);
    }
    out[k] = s;
    count++;
  }
  return out;
}
