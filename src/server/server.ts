import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './session.js';

// A stray rejection is logged, never fatal: VS Code stops restarting a server that crashed five
// times in three minutes, and the drafter would be left without checks.
process.on('unhandledRejection', (error) => {
  console.error(`planlint: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});

// Standalone: `planlint-server --stdio` (or node-ipc when VS Code starts it).
startSession(createConnection(ProposedFeatures.all));
