/**
 * A call log imported after a recording of one of its calls: the recording already made a `call` event of
 * source `recording` (recordings.ts: no call was known within a minute of the time in its file name). The call
 * log's row for that call is not added as a second call; it is merged into the recording's call:
 *
 * - the event row takes the call log's time, direction, status, number and (when the log has one) duration, which
 *   the phone recorded itself (a file name's time is only the recorder's); meta keeps the name's time and which
 *   call-log row was merged (`meta.merged_call`, also what makes a re-import of the same log add nothing);
 * - the chain gets a `correction` record naming the recording event's record, whose replacement is that event as
 *   it now reads with `linked_call` (the call log's own record of the call: file, import, position, key, fields),
 *   and why. Nothing in the chain is rewritten: the recording's event record stays as it was.
 *
 * The match is the one recordings.ts uses the other way round: the same number (samePhone) within
 * RECORDING_MATCH_MS, the closest recording call first. A recording whose name gives no number is not merged
 * (in a flood of calls a minute holds several; linking by time alone could hide a different collector's call).
 * The opposite order (call log first) is recordings.ts's findCall: the recording is linked to the existing call.
 */
import { samePhone } from '../domain/collection/phone.js';
import { EVENT_ROW, type EventRowValues } from '../store/event-row.js';
import type { Q } from '../store/repo.js';
import type { EvidenceWriter } from './evidence.js';

/** How far from the time in its name a recording's call may be (recordings.ts uses the same window). */
export const RECORDING_LINK_MS = 60_000;

interface RecordingCall {
  id: number;
  at: number;
  number: string;
  meta: Record<string, unknown>;
  /** dedupe key of the call-log row already merged into it, if any. */
  mergedKey: string | null;
}

export type LinkDecision = { action: 'merge'; target: RecordingCall } | { action: 'already'; target: RecordingCall };

export const MERGE_REASON = '通话记录里的同一通电话（与录音文件名的时间相差不到一分钟、号码相同），合并到录音的通话 / the same call in the call log (same number, within a minute of the recording\'s file-name time), merged into the recording\'s call';

export class RecordingCallLinks {
  private constructor(private readonly calls: RecordingCall[]) {}

  /** The case's calls made from recordings (few: one per recording file), or null when there are none. */
  static async load(db: Q, caseId: number): Promise<RecordingCallLinks | null> {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'at', 'number', 'meta'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'call')
      .where('meta', 'like', '%"source":"recording"%')
      .execute();
    const calls: RecordingCall[] = [];
    for (const r of rows) {
      if (!r.number) continue;
      const meta = JSON.parse(r.meta) as Record<string, unknown>;
      if (meta.source !== 'recording') continue;
      const merged = meta.merged_call as { dedupe_key?: string } | undefined;
      calls.push({ id: Number(r.id), at: Number(r.at), number: r.number, meta, mergedKey: merged?.dedupe_key ?? null });
    }
    return calls.length ? new RecordingCallLinks(calls) : null;
  }

  /** What to do with an incoming row: merge it into a recording's call, drop it (merged by an earlier import), or add it (null). */
  decide(row: EventRowValues): LinkDecision | null {
    if (row[EVENT_ROW.kind] !== 'call') return null;
    const meta = row[EVENT_ROW.meta];
    if (typeof meta === 'string' && meta.includes('"source":"recording"')) return null;
    const key = row[EVENT_ROW.dedupe_key] as string;
    const again = this.calls.find((c) => c.mergedKey === key);
    if (again) return { action: 'already', target: again };
    const number = row[EVENT_ROW.number] as string | null;
    const at = Number(row[EVENT_ROW.at]);
    if (!number) return null;
    let best: RecordingCall | null = null;
    for (const c of this.calls) {
      if (c.mergedKey != null || Math.abs(c.at - at) > RECORDING_LINK_MS || !samePhone(c.number, number)) continue;
      if (!best || Math.abs(c.at - at) < Math.abs(best.at - at) || (Math.abs(c.at - at) === Math.abs(best.at - at) && c.id < best.id)) best = c;
    }
    return best ? { action: 'merge', target: best } : null;
  }

  /**
   * Merges a call-log row into the recording's call (see the top of this file), in the import's transaction;
   * `evidence` is the import's writer, so the correction takes its place in the chain among the import's records.
   */
  async merge(trx: Q, caseId: number, evidence: EvidenceWriter, target: RecordingCall, row: EventRowValues, source: { importId: number; file: string }, now: number): Promise<void> {
    const rec = await trx
      .selectFrom('evidence')
      .select(['seq', 'payload'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'event')
      .where('payload', 'like', `%"event_id":${target.id},%`)
      .orderBy('seq', 'asc')
      .executeTakeFirst();
    const v = (c: keyof typeof EVENT_ROW) => row[EVENT_ROW[c]] ?? null;
    const logDuration = v('duration_s') as number | null;
    const cur = await trx.selectFrom('events').select(['duration_s', 'counterpart_name']).where('case_id', '=', caseId).where('id', '=', target.id).executeTakeFirstOrThrow();
    // A call-log screenshot (OCR) shows the minute only: the recording's name keeps its seconds.
    const fromOcr = String(v('meta') ?? '').includes('"source":"ocr"');
    const at = fromOcr ? target.at : Number(v('at'));
    const fields = {
      at,
      direction: v('direction') as string,
      number: v('number') as string,
      call_status: v('call_status') as string | null,
      // A log without a duration (or 0 for a connected call) leaves the container's.
      duration_s: logDuration != null && logDuration > 0 ? logDuration : cur.duration_s == null ? logDuration : Number(cur.duration_s),
    };
    const linked = {
      import_id: source.importId,
      file: source.file,
      position: v('position'),
      dedupe_key: v('dedupe_key') as string,
      at: Number(v('at')),
      direction: fields.direction,
      number: fields.number,
      call_status: fields.call_status,
      duration_s: logDuration,
      tz: v('tz'),
    };
    const meta = { ...target.meta, name_at: target.meta.name_at ?? target.at, merged_call: linked };
    await trx
      .updateTable('events')
      .set({
        at, direction: fields.direction, number: fields.number, call_status: fields.call_status, duration_s: fields.duration_s,
        counterpart_name: cur.counterpart_name ?? (v('counterpart_name') as string | null), meta: JSON.stringify(meta),
      })
      .where('case_id', '=', caseId)
      .where('id', '=', target.id)
      .execute();
    if (rec) {
      const before = JSON.parse(rec.payload) as Record<string, unknown>;
      await evidence.append('correction', { corrects: Number(rec.seq), replacement: { ...before, ...fields, linked_call: linked }, reason: MERGE_REASON }, now);
    } else {
      // No record to correct (not expected: every event is recorded with its row); the link is still recorded.
      await evidence.append('call_link', { event_id: target.id, linked_call: linked, reason: MERGE_REASON }, now);
    }
    target.at = at;
    target.mergedKey = linked.dedupe_key;
    target.meta = meta;
  }
}
