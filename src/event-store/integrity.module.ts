import {
  Inject,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type pg from 'pg';
import { ReadinessContributors } from '../shared/readiness.js';
import { PG_POOL } from './event-store.module.js';
import { CheckpointRefusedError, LedgerCheckpointer } from './integrity/checkpoints.js';
import { NO_KEY_HINT, type LedgerKeys } from './integrity/keys.js';

/** What the integrity module needs from configuration, handed in by whoever loaded it. */
export interface IntegrityOptions {
  /** the parsed keys (loadConfig parses them once) */
  keys: LedgerKeys;
  /** how often to record a checkpoint; 0: never on a timer */
  checkpointIntervalMs: number;
}
const INTEGRITY_OPTIONS = Symbol('INTEGRITY_OPTIONS');

/** Records a signed checkpoint every LEDGER_CHECKPOINT_INTERVAL_MS; one writer across processes (advisory lock). */
class LedgerCheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LedgerCheckpoints');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private last: { id: number; createdAt: string } | null = null;
  private lastError: string | null = null;

  constructor(
    @Inject(LedgerCheckpointer) private readonly checkpointer: LedgerCheckpointer,
    @Inject(INTEGRITY_OPTIONS) private readonly options: IntegrityOptions,
    @Optional() @Inject(ReadinessContributors) private readonly readiness?: ReadinessContributors,
  ) {}

  onApplicationBootstrap() {
    if (!this.checkpointer.enabled) {
      this.logger.warn(`ledger checkpoints are unsigned and disabled: ${NO_KEY_HINT}`);
      return;
    }
    if (this.options.checkpointIntervalMs === 0) {
      this.logger.log('periodic ledger checkpoints are off (LEDGER_CHECKPOINT_INTERVAL_MS=0); `npm run ledger:digest` still records one');
      return;
    }
    // Reported, not judged: a refused checkpoint is evidence to look at, not a reason to stop serving.
    this.readiness?.add(() =>
      Promise.resolve({ ledgerCheckpoints: { status: 'up', lastCheckpoint: this.last, lastError: this.lastError } }),
    );
    this.schedule();
    this.logger.log(`ledger checkpoints every ${this.options.checkpointIntervalMs} ms`);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One checkpoint now (skipped when another process is writing one). */
  async runOnce(): Promise<void> {
    try {
      const outcome = await this.checkpointer.checkpoint();
      if (outcome.status !== 'busy') {
        this.last = { id: outcome.checkpoint.payload.id, createdAt: outcome.checkpoint.payload.createdAt };
        this.lastError = null;
        if (outcome.status === 'created')
          this.logger.log(`ledger checkpoint ${outcome.checkpoint.payload.id}: ${outcome.checkpoint.payload.eventCount} events signed`);
      }
    } catch (err) {
      this.lastError = (err as Error).message;
      if (err instanceof CheckpointRefusedError)
        this.logger.error(`ledger checkpoint refused: ${err.message}; run \`npm run ledger:verify\``);
      else this.logger.warn(`ledger checkpoint failed, retrying next interval: ${(err as Error).message}`);
    }
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.options.checkpointIntervalMs);
    this.timer.unref();
  }
}

/**
 * Signed checkpoints of the event log (docs/integrity.md). Needs the event store's PG_POOL (global);
 * without a signing key it logs that checkpoints are disabled and does nothing. Adds its line to
 * /health/ready when a ReadinessContributors is provided.
 */
@Module({})
export class IntegrityModule {
  static forRoot(options: IntegrityOptions): DynamicModule {
    return {
      module: IntegrityModule,
      providers: [
        { provide: INTEGRITY_OPTIONS, useValue: options },
        { provide: LedgerCheckpointer, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new LedgerCheckpointer(pool, options.keys) },
        LedgerCheckpointScheduler,
      ],
      exports: [LedgerCheckpointer],
    };
  }
}
