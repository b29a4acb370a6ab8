import { Inject, Logger, Module, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ReadinessContributors } from '../health/readiness.js';
import { PG_POOL } from './event-store.module.js';
import { CheckpointRefusedError, LedgerCheckpointer } from './integrity/checkpoints.js';
import { NO_KEY_HINT, loadLedgerKeys } from './integrity/keys.js';

/** Records a signed checkpoint every LEDGER_CHECKPOINT_INTERVAL_MS; one writer across processes (advisory lock). */
export class LedgerCheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LedgerCheckpoints');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private last: { id: number; createdAt: string } | null = null;
  private lastError: string | null = null;

  constructor(
    @Inject(LedgerCheckpointer) private readonly checkpointer: LedgerCheckpointer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(ReadinessContributors) private readonly readiness?: ReadinessContributors,
  ) {}

  onApplicationBootstrap() {
    if (!this.checkpointer.enabled) {
      this.logger.warn(`ledger checkpoints are unsigned and disabled: ${NO_KEY_HINT}`);
      return;
    }
    if (this.config.LEDGER_CHECKPOINT_INTERVAL_MS === 0) {
      this.logger.log('periodic ledger checkpoints are off (LEDGER_CHECKPOINT_INTERVAL_MS=0); `npm run ledger:digest` still records one');
      return;
    }
    // Reported, not judged: a refused checkpoint is evidence to look at, not a reason to stop serving.
    this.readiness?.add(() =>
      Promise.resolve({ ledgerCheckpoints: { status: 'up', lastCheckpoint: this.last, lastError: this.lastError } }),
    );
    this.schedule();
    this.logger.log(`ledger checkpoints every ${this.config.LEDGER_CHECKPOINT_INTERVAL_MS} ms`);
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
    }, this.config.LEDGER_CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }
}

/**
 * Signed checkpoints of the event log (docs/integrity.md). Needs the event store's PG_POOL and
 * APP_CONFIG (both global); without a signing key it logs that checkpoints are disabled and does nothing.
 */
@Module({
  providers: [
    {
      provide: LedgerCheckpointer,
      inject: [PG_POOL, APP_CONFIG],
      useFactory: (pool: pg.Pool, config: AppConfig) => new LedgerCheckpointer(pool, loadLedgerKeys(config)),
    },
    LedgerCheckpointScheduler,
  ],
  exports: [LedgerCheckpointer],
})
export class IntegrityModule {}
