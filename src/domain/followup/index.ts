export * from './deadlines.js';
export * from './lifecycle.js';
export * from './ics.js';
export * from './letters.js';
