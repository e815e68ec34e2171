import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './session.js';

// Standalone: `planlint-server --stdio` (or node-ipc when VS Code starts it).
startSession(createConnection(ProposedFeatures.all));
