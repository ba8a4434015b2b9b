import type { JsonValue, RecordedEvent } from './event-store.port';

/**
 * What the registry knows of one permanent event type: the current version of its data shape,
 * a parser for that shape, and one upcaster per older version (v -> v+1), applied in order on read.
 */
export interface EventTypeDefinition<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly version: number;
  readonly parse: (data: unknown) => TData;
  readonly upcasters?: Readonly<Record<number, (data: JsonValue) => JsonValue>>;
}

export class UnknownEventTypeError extends Error {
  constructor(readonly type: string) {
    super(`no event type registered as ${JSON.stringify(type)}`);
  }
}

export class DuplicateEventTypeError extends Error {
  constructor(readonly type: string) {
    super(`event type ${JSON.stringify(type)} is registered twice`);
  }
}

/** Maps each permanent event name to its parser and upcasters; one per process, filled by slices. */
export class EventTypeRegistry {
  private readonly definitions = new Map<string, EventTypeDefinition>();

  register(...definitions: readonly EventTypeDefinition[]): this {
    for (const definition of definitions) {
      if (this.definitions.has(definition.type)) throw new DuplicateEventTypeError(definition.type);
      this.definitions.set(definition.type, definition);
    }
    return this;
  }

  knows(type: string): boolean {
    return this.definitions.has(type);
  }

  currentVersion(type: string): number {
    return this.definition(type).version;
  }

  /** The event's data in the current shape: upcast from the version it was written in, then parsed. */
  decode<TData>(event: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): TData {
    const definition = this.definition(event.type);
    let data = event.data;
    for (let v = event.metadata.schemaVersion ?? 1; v < definition.version; v++) {
      const upcast = definition.upcasters?.[v];
      if (!upcast) throw new Error(`event type ${event.type} has no upcaster from version ${v}`);
      data = upcast(data);
    }
    return definition.parse(data) as TData;
  }

  private definition(type: string): EventTypeDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition;
  }
}
