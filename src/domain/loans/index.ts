/** Loan mathematics: schedules, cash flows, rates, legal lines, validation. Pure: no I/O, no clock. */
export * from './types.js';
export * from './periods.js';
export * from './schedules.js';
export * from './cashflows.js';
export * from './irr.js';
export * from './legalLines.js';
export * from './validate.js';
export * from './rateFile.js';
export * from './simple.js';
