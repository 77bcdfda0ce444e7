import type { Store, StoreKind } from '../store/store';

export interface Readiness {
  readonly status: 'ready' | 'unavailable';
  readonly store: StoreKind;
  /** The store's revision when it answered. */
  readonly revision?: number;
}

/**
 * /health/ready: whether the store answers now. Migrations run when the store is opened (a
 * store whose migrations failed never opens), so a store that answers has them applied.
 */
export class HealthService {
  constructor(private readonly store: Store) {}

  async ready(): Promise<Readiness> {
    try {
      return { status: 'ready', store: this.store.kind, revision: await this.store.revision() };
    } catch {
      return { status: 'unavailable', store: this.store.kind };
    }
  }
}
