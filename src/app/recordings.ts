/**
 * Call recordings as evidence: the audio file is stored by its sha256 (sealed when a passphrase is set) and
 * recorded in the chain like any imported attachment, with the time its file name gives as its claimed date.
 *
 * Linking (src/import/recording.ts documents the file-name patterns): when the name gives a start time, the
 * recording is attached to the call event of the case within a minute of it — of the same number when the
 * name gives one (the closest such call), or the only call in that minute when it does not. Without such a
 * call, a `call` event is made from the name (meta.source = "recording", direction and status when the name
 * says them, duration from the container), so the timeline and the rules see the call. Without a time
 * nothing is made up: the recording is an attachment only. Importing the same file again adds nothing
 * (the attachment is known by its hash, the event by a key made from it). A call log imported later merges its
 * row for that call into the recording's call instead of adding a second one (import-links.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { samePhone } from '../domain/collection/phone.js';
import type { NewEvent } from '../domain/collection/types.js';
import { stableKey } from '../import/index.js';
import { parseRecordingName, recordingDuration, recordingMime, type RecordingContainer } from '../import/recording.js';
import { eventRowValues } from '../store/event-row.js';
import { openReadStream } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { eventPayloadParts } from './event-payload.js';
import { runImport, type ImportFileOptions, type ImportFileResult } from './import.js';
import { blobsOf } from './attachments.js';
import { readAtMost, type PreparedBatch } from './import-prepare.js';

const AUDIO_EXT = /\.(m4a|mp3|amr|awb|wav|aac|3gp)$/i;

/**
 * A folder given to `huxun import` (a phone's call_rec / CallRecord folder) becomes its recordings, sorted by
 * name, together with what `others` makes of it (the screenshots in it); an iPhone backup folder stays as it is.
 */
export function expandRecordingFolder(path: string, others: (p: string) => string[] = (p) => [p]): string[] {
  const rest = others(path);
  let st;
  try {
    st = statSync(path);
  } catch {
    return rest;
  }
  if (!st.isDirectory() || existsSync(join(path, 'Manifest.db')) || existsSync(join(path, 'Manifest.plist'))) return rest;
  const audio = readdirSync(path).filter((n) => AUDIO_EXT.test(n)).sort().map((n) => join(path, n));
  if (!audio.length) return rest;
  // `others` gives the folder back when it found nothing of its own in it.
  return rest.length === 1 && rest[0] === path ? audio : [...rest, ...audio];
}

/** A recording is read whole (for its hash and its duration): hours of phone audio are far below this. */
export const RECORDING_MAX_BYTES = 512 * 1024 * 1024;
/** How far from the time in its name a recording's call may be. */
export const RECORDING_MATCH_MS = 60_000;

export interface RecordingInfo {
  durationS: number | null;
  /** The call event it was linked to (an existing one, or the one made for it), null when it has no time. */
  eventId: number | null;
  linked: 'existing-call' | 'new-call' | 'none';
  pattern: string | null;
  patternSeen: boolean;
  number: string | null;
  at: number | null;
}

/** The call of the case a recording belongs to, if there is one (see the top of this file). */
async function findCall(ctx: AppContext, at: number, number: string | null): Promise<{ id: number; at: number } | null> {
  const rows = await ctx.store.db
    .selectFrom('events')
    .select(['id', 'at', 'number'])
    .where('case_id', '=', ctx.caseId)
    .where('kind', '=', 'call')
    .where('at', '>=', at - RECORDING_MATCH_MS)
    .where('at', '<=', at + RECORDING_MATCH_MS)
    .execute();
  const calls = rows.map((r) => ({ id: Number(r.id), at: Number(r.at), number: r.number as string | null }));
  const fit = number ? calls.filter((c) => samePhone(c.number, number)) : calls.length === 1 ? calls : [];
  fit.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at) || a.id - b.id);
  return fit[0] ?? null;
}

export async function importRecording(
  ctx: AppContext,
  path: string,
  container: RecordingContainer,
  size: number,
  opts: Pick<ImportFileOptions, 'onProgress' | 'signal'> = {},
): Promise<ImportFileResult & { recording: RecordingInfo }> {
  const file = basename(path);
  const tooLarge = () => new AppError('BAD_INPUT', `${file}: 录音文件太大（超过 ${RECORDING_MAX_BYTES / 1024 / 1024} MB）/ the recording is larger than ${RECORDING_MAX_BYTES / 1024 / 1024} MB`);
  if (size > RECORDING_MAX_BYTES) throw tooLarge();
  const bytes = await readAtMost(openReadStream(path, ctx.fileKey) as AsyncIterable<Buffer>, RECORDING_MAX_BYTES, tooLarge);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const durationS = await recordingDuration(bytes, container);
  const name = parseRecordingName(file, ctx.tz);
  const match = name.at != null ? await findCall(ctx, name.at, name.number) : null;
  const mime = recordingMime(container);

  const batch: PreparedBatch = { events: [], payloads: [], contacts: [], attachments: [], bytesRead: bytes.length, records: 1, sha256 };
  let event: NewEvent | null = null;
  if (!match && name.at != null) {
    event = {
      kind: 'call',
      direction: name.direction ?? 'unknown',
      at: name.at,
      tz: ctx.tz,
      number: name.number,
      counterpartName: name.contactName,
      text: null,
      durationS: durationS != null ? Math.round(durationS) : null,
      // A recorded call was connected.
      callStatus: name.direction === 'out' ? 'outgoing' : name.direction === 'in' ? 'answered' : null,
      meta: { source: 'recording', recording: sha256, namePattern: name.pattern, namePatternSeen: name.seen },
      position: 0,
      dedupeKey: stableKey(['recording', sha256]),
    };
  }
  const note = durationS != null ? `通话录音，时长 ${durationS} 秒 / call recording, ${durationS} s` : '通话录音 / call recording';
  const res = await runImport(ctx, { file, format: 'call-recording', size: bytes.length, thread: 'inline' }, async function* (importId) {
    // Stored before the transaction writes its row (content-addressed: a failed import leaves only an unreferenced file).
    await blobsOf(ctx).put(ctx.caseId, sha256, bytes);
    if (event) {
      batch.records = 2;
      batch.events.push(eventRowValues({ event, labels: [], spans: {}, importId }));
      batch.payloads.push(eventPayloadParts(event, importId, file));
    }
    batch.attachments.push({
      sha256, mime, name: file, size: bytes.length,
      eventKey: event?.dedupeKey ?? null, eventAt: event?.at ?? null, eventId: match?.id ?? null,
      claimedAt: name.at, note,
    });
    yield batch;
  }, opts);
  let eventId: number | null = match?.id ?? null;
  if (event) {
    const row = await ctx.store.db.selectFrom('events').select('id').where('case_id', '=', ctx.caseId).where('dedupe_key', '=', event.dedupeKey).where('at', '=', event.at).executeTakeFirst();
    eventId = row ? Number(row.id) : null;
  }
  return {
    ...res,
    recording: {
      durationS, eventId, linked: match ? 'existing-call' : event ? 'new-call' : 'none',
      pattern: name.pattern, patternSeen: name.seen, number: name.number, at: name.at,
    },
  };
}
