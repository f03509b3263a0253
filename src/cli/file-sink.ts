import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { TokumeiError } from '../core/errors.ts';
import type { ByteSink } from '../core/release/types.ts';

/**
 * A package is written to `<out>.partial` and renamed when complete, so a failed or interrupted
 * release never leaves a zip that looks finished. Writes are synchronous: memory stays bounded
 * by one chunk whatever the size of the package.
 */
export class FileSink implements ByteSink {
  private readonly partial: string;
  private fd: number | null;

  constructor(private readonly out: string) {
    this.partial = `${out}.partial`;
    try {
      this.fd = openSync(this.partial, 'w', 0o600);
    } catch (e) {
      throw new TokumeiError('cli.error.writeFailed', { path: this.partial, detail: (e as Error).message }, { cause: e });
    }
  }

  write(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) at += writeSync(this.fd!, chunk, at, chunk.length - at);
  }

  commit(): void {
    closeSync(this.fd!);
    this.fd = null;
    renameSync(this.partial, this.out);
  }

  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.partial, { force: true });
  }
}
