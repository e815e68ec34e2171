// One language server per test file: started before its tests, stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startClient, type TestClient } from './client.js';

export interface SharedServer {
  readonly client: TestClient;
  /** Opens a plan document (version 1) under /tmp/<folder>/ and returns its URI. */
  open(text: string, name?: string): Promise<string>;
}

export function sharedServer(folder: string): SharedServer {
  let client: TestClient | undefined;
  let n = 0;
  beforeAll(async () => {
    client = await startClient();
  });
  afterAll(async () => {
    await client?.stop();
  });
  return {
    get client() {
      if (!client) throw new Error('the server starts in beforeAll');
      return client;
    },
    async open(text, name = `doc${++n}.plan.yaml`) {
      const uri = `file:///tmp/${folder}/${name}`;
      await this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return uri;
    },
  };
}
