import { Injectable } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';

/** Modules (projections, queues) add their own details to /health/ready without the health module knowing them. */
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
