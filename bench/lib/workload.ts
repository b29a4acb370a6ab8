// The rows every contender writes: one AidDelivered event of realistic size with full metadata.
import { createHash, randomUUID } from 'node:crypto';

export function aidDelivered(n: number) {
  return {
    type: 'AidDelivered',
    data: {
      occurredOn: { date: `2024-${String((n % 12) + 1).padStart(2, '0')}`, precision: 'month' },
      receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
      value: { amount: `${1000 + (n % 90000)}.50`, currency: 'EUR' },
      modality: 'in_kind',
      items: ['generators', 'medical supplies'],
      sector: 'energy',
      source: { reference: `DS-2024-${String(n % 10000).padStart(4, '0')}` },
    },
    metadata: {
      actor: 'office:dortmund-international',
      correlationId: randomUUID(),
      requestId: randomUUID(),
      source: 'bench',
    },
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Stream ids owned by writer `w`: writers never share a stream, so conflicts do not dominate. */
export function streamsOf(prefix: string, w: number, perWriter: number): string[] {
  return Array.from({ length: perWriter }, (_, i) => `${prefix}-w${w}-s${i}`);
}
