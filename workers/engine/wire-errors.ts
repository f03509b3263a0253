import * as Comlink from 'comlink';
import { TokumeiError } from '../../src/core/errors.ts';

type Wire = { tokumei: true; key: string; params: Record<string, string | number> } | { tokumei: false; name: string; message: string };

/**
 * Comlink keeps only name/message of thrown errors. Our errors carry a catalog key
 * and parameters so the UI can say what happened in the user's language; this
 * handler (installed on both sides of the worker boundary) keeps them intact.
 */
export function installErrorWire(): void {
  Comlink.transferHandlers.set('throw', {
    // Comlink marks a thrown value with a private symbol; recognise it by its description.
    canHandle: (v: unknown): v is { value: unknown } =>
      typeof v === 'object' && v !== null && Object.getOwnPropertySymbols(v).some((s) => s.description === 'Comlink.thrown'),
    serialize: ({ value }: { value: unknown }) => {
      const wire: Wire =
        value instanceof TokumeiError
          ? { tokumei: true, key: value.key, params: value.params }
          : { tokumei: false, name: value instanceof Error ? value.name : 'Error', message: value instanceof Error ? value.message : String(value) };
      return [wire, []];
    },
    deserialize: (wire: Wire) => {
      if (wire.tokumei) throw new TokumeiError(wire.key as never, wire.params);
      const e = new Error(wire.message);
      e.name = wire.name;
      throw e;
    },
  } as never);
}
