/** Budget and repayment plans on legally supportable amounts. Pure: no I/O, no clock. */
export * from './budget.js';
export * from './owed.js';
export * from './engine.js';
export * from './proposal.js';
export * from './ics.js';
export * from './paid.js';
export * from './demands.js';
