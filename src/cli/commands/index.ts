import type { Command } from '../registry.js';
import { serveCommands } from './serve.js';
import { timelineCommands } from './timeline.js';

export const COMMANDS: Command[] = [...serveCommands, ...timelineCommands];
