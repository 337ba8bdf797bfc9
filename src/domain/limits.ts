/**
 * Limits that keep one input from stalling the app or exhausting its memory (issue 10, "bounded work").
 * One module for every such limit, in src/domain because every layer may import the domain (the server,
 * the app, the CLI, the renderers, the bundle verifier and the web client all read them from here).
 * Each value says why it is what it is; docs/limits.md tells the person what they mean.
 */

// ---------------------------------------------------------------------------------------------
// Message classification

/**
 * The classifier reads at most this many UTF-16 code units of an event's text (the text itself is stored
 * whole). 20,000 covers every real SMS: a concatenated SMS has at most 255 parts of 67 UCS-2 characters,
 * 17,085 characters; the manual-event form accepts 20,000. Collection messages say what they want in the
 * first lines. A 20,000-character window classifies in milliseconds whatever it holds, so a pasted
 * document or a crafted 1M-character message cannot hold up an import or the server.
 */
export const CLASSIFY_WINDOW_CHARS = 20_000;

// ---------------------------------------------------------------------------------------------
// Document answers

/**
 * One answer (a name, an address, a few paragraphs of hardship): 5,000 characters is two pages of
 * Chinese text, far more than any question asks for, and keeps a document's longest paragraph small
 * enough that a PDF with it renders in well under a second.
 */
export const ANSWER_MAX_CHARS = 5_000;
/** Distinct answers kept (the documents ask about 15 questions; the rest is room for new ones). */
export const ANSWERS_MAX_COUNT = 100;
/** An answer's key (a question id such as borrower_name). */
export const ANSWER_KEY_MAX_CHARS = 64;

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Longest run of characters with no break opportunity (no space, no CJK) handed to the PDF layout: pdfkit
 * re-measures the rest of an over-long word for every line it fills, quadratic in its length; longer runs
 * get a soft hyphen (src/render/segments.ts breakLongRuns). 200 is more than a line holds even of the
 * narrowest letters (a line is 467 pt, "l" 2.5 pt at 11 pt), so that a long number, hash or URL that fits
 * on one line is never cut: only runs that had to be broken somewhere anyway are.
 */
export const PDF_MAX_UNBROKEN_CHARS = 200;

// ---------------------------------------------------------------------------------------------
// Evidence bundles (verify)

/** manifest.sha256: one ~145-byte line per file; 32 MiB is over 200,000 files. */
export const BUNDLE_MANIFEST_MAX_BYTES = 32 * 2 ** 20;
/** case.json: a few hundred bytes when the app writes it. */
export const BUNDLE_CASE_MAX_BYTES = 1 * 2 ** 20;
/**
 * One line of records.jsonl (one evidence record): an event with a 1M-character message is about 3 MiB;
 * 16 MiB bounds the memory one line can take while the chain is checked as it streams.
 */
export const BUNDLE_RECORD_LINE_MAX_BYTES = 16 * 2 ** 20;
/** Entries in one bundle zip (files: attachments and seven others). */
export const BUNDLE_MAX_ENTRIES = 250_000;
/** All entries' uncompressed bytes together (attachments included: recordings and videos can be large). */
export const BUNDLE_MAX_UNCOMPRESSED_BYTES = 64 * 2 ** 30;
/**
 * Uncompressed ÷ compressed size refused for an entry larger than BUNDLE_RATIO_MIN_BYTES, and for the zip as
 * a whole (all entries ÷ file size): JSON and text deflate 5–20×, photos and audio ~1×; a zip bomb is ~1000×.
 */
export const BUNDLE_MAX_RATIO = 200;
/** Small entries may compress better than BUNDLE_MAX_RATIO (a README of repeated lines) without harm. */
export const BUNDLE_RATIO_MIN_BYTES = 1 * 2 ** 20;
