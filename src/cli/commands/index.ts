import type { Command } from '../registry.js';
import { serveCommands } from './serve.js';
import { timelineCommands } from './timeline.js';
import { loanCommands } from './loans.js';
import { evidenceCommands } from './evidence.js';
import { findingsCommands } from './findings.js';
import { bundleCommands } from './bundle.js';
import { documentCommands } from './documents.js';
import { lenderCommands } from './lenders.js';
import { planCommands } from './plan.js';
import { complaintCommands, reportCommands } from './complaints.js';
import { lawCommands } from './law.js';
import { relabelCommands } from './relabel.js';
import { caseCommands } from './case.js';
import { orgCommands } from './org.js';

export const COMMANDS: Command[] = [...serveCommands, ...loanCommands, ...timelineCommands, ...evidenceCommands, ...findingsCommands, ...bundleCommands, ...documentCommands, ...lenderCommands, ...planCommands, ...lawCommands, ...relabelCommands, ...caseCommands, ...complaintCommands, ...reportCommands, ...orgCommands];
