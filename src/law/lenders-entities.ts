/** Every entity of the lender registry: one entry per legal person (see lenders-types.ts and docs/lenders.md). */
import { BANK_ENTITIES } from './lenders-entities-banks.js';
import { CFC_ENTITIES } from './lenders-entities-cfc.js';
import { GUARANTEE_ENTITIES, MICROLOAN_ENTITIES, PLATFORM_ENTITIES } from './lenders-entities-other.js';
import type { LenderEntity } from './lenders-types.js';

export const LENDER_ENTITIES: readonly LenderEntity[] = [
  ...CFC_ENTITIES,
  ...BANK_ENTITIES,
  ...MICROLOAN_ENTITIES,
  ...GUARANTEE_ENTITIES,
  ...PLATFORM_ENTITIES,
];
