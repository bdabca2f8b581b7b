import type { InterflowClient } from '@interflow/client';
import { clientFor } from './api';
import { resolveContext, type Context } from './contexts';
import type { CliIo } from './io';

/** What every command gets: the streams, and the api of the chosen context (resolved lazily). */
export class Runtime {
  private contextName: string | undefined;

  constructor(readonly io: CliIo) {}

  useContext(name: string | undefined): void {
    this.contextName = name;
  }

  context(): Context & { name: string } {
    return resolveContext(this.io.env, this.contextName);
  }

  client(): InterflowClient {
    return clientFor(this.context());
  }

  out(text: string): void {
    this.io.stdout(text);
  }

  err(text: string): void {
    this.io.stderr(text);
  }
}
