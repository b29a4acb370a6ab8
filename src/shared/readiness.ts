import { Injectable } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';

/**
 * Modules (projections, queues, ledger checkpoints) add their own details to /health/ready without
 * the health module knowing them; here, below both, so neither imports the other.
 */
@Injectable()
export class ReadinessContributors {
  private readonly fns: HealthIndicatorFunction[] = [];
  add(fn: HealthIndicatorFunction): void {
    this.fns.push(fn);
  }
  all(): HealthIndicatorFunction[] {
    return [...this.fns];
  }
}
