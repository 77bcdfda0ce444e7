import Database from 'better-sqlite3';
import type { Actor } from '../../domain/actor';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import type { InteractionSink as StoreSink } from '../store';
import { windowWhere } from './conditions';
import { toActor, type ActorRow, type AliasRow } from './rows';
import { STATEMENTS } from './statements';
import { appendColumnRows, COLUMN_ROW_SELECT, type ColumnRow } from './window-columns';

/** Takes a window's interactions one by one, as fields, and lists the actors they name (InteractionColumns is one). */
export interface InteractionSink extends StoreSink {
  /** The distinct actor ids appended so far, in order of first appearance. */
  readonly actorIds: readonly string[];
}

/**
 * Reads windows of a SQLite store's file over its own read-only connection, for a worker
 * thread (Store.windowFile): rows go straight into a sink (InteractionColumns), five columns
 * each as plain arrays (`raw`), no Interaction object per row. Interactions and actors are read in
 * one transaction, so both see the same commit. What it gives equals streamWindow's
 * interactions (same conditions and order) and getActorsByIds' actors (aliases resolved).
 */
export class SqliteWindowReader {
  private readonly db: Database.Database;
  private readonly actorsByIds: Database.Statement<[string], ActorRow>;
  private readonly aliasesOf: Database.Statement<[string], AliasRow>;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    // a writer's checkpoint can hold the file briefly; this thread may wait, it serves no request
    this.db.pragma('busy_timeout = 5000');
    this.actorsByIds = this.db.prepare<[string], ActorRow>(STATEMENTS.actorsByIds.sql);
    this.aliasesOf = this.db.prepare<[string], AliasRow>(STATEMENTS.aliasesOf.sql);
  }

  /**
   * Appends the window's interactions to `sink` in (occurredAt, id) order; returns the actors
   * they name, plus the ones their schools are affiliated to (as MetricsService reads them).
   */
  read(span: TimeWindow, scope: Scope, sink: InteractionSink): Actor[] {
    return this.db.transaction(() => {
      this.interactions(span, scope, sink);
      return this.actorsNamed(sink.actorIds);
    })();
  }

  close(): void {
    this.db.close();
  }

  private interactions(span: TimeWindow, scope: Scope, sink: InteractionSink): void {
    const where = windowWhere(span.from, span.to, scope);
    const rows = this.db.prepare<unknown[], ColumnRow>(`${COLUMN_ROW_SELECT} ${where.sql()} ORDER BY occurred_at, id`).raw(true);
    appendColumnRows(rows.iterate(...where.params), sink);
  }

  /** The actors of `ids` in their order (merged ids resolved, each actor once), then the affiliations of their schools. */
  private actorsNamed(ids: readonly string[]): Actor[] {
    const actors = new Map<string, Actor>();
    for (const actor of this.lookup(ids)) if (actor) actors.set(actor.id, actor);
    const affiliations = new Set<string>();
    for (const actor of actors.values()) {
      if (actor.kind === 'SCHOOL' && actor.affiliationId !== null && !actors.has(actor.affiliationId))
        affiliations.add(actor.affiliationId);
    }
    for (const actor of this.lookup([...affiliations])) if (actor) actors.set(actor.id, actor);
    return [...actors.values()];
  }

  /** As SqliteStore.getActorsByIds: each id's actor, or the one it was merged into, or null. */
  private lookup(ids: readonly string[]): (Actor | null)[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.actorsByIds.all(JSON.stringify(ids)).map((row) => [row.id, toActor(row)]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      const aliases = this.aliasesOf.all(JSON.stringify(missing));
      const targets = new Map(this.actorsByIds.all(JSON.stringify(aliases.map((a) => a.target_id))).map((row) => [row.id, toActor(row)]));
      for (const { alias_id, target_id } of aliases) {
        const actor = targets.get(target_id);
        if (actor) byId.set(alias_id, actor);
      }
    }
    return ids.map((id) => byId.get(id) ?? null);
  }
}
