import type { Command } from '../registry.js';
import { serveCommands } from './serve.js';

export const COMMANDS: Command[] = [...serveCommands];
